import { Route } from '@angular/router';
import { signedInGuard } from '../../core/auth/guards';
import { provideTranslatedPaginator } from '../../shared/translated-paginator-intl';

export const organisationsRoutes: Route[] = [
  {
    path: '',
    providers: [provideTranslatedPaginator()],
    children: [
      {
        path: '',
        title: 'organisations.title',
        loadComponent: () => import('./organisations-page').then((m) => m.OrganisationsPage),
      },
      {
        path: 'new',
        title: 'organisations.newTitle',
        canActivate: [signedInGuard],
        loadComponent: () => import('./organisation-new-page').then((m) => m.OrganisationNewPage),
      },
      {
        path: ':id/edit',
        title: 'organisations.editTitle',
        canActivate: [signedInGuard],
        loadComponent: () => import('./organisation-edit-page').then((m) => m.OrganisationEditPage),
      },
      {
        path: ':id',
        title: 'organisations.detailTitle',
        loadComponent: () => import('./organisation-detail-page').then((m) => m.OrganisationDetailPage),
      },
    ],
  },
];
