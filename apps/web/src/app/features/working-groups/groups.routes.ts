import { Route } from '@angular/router';
import { signedInGuard } from '../../core/auth/guards';
import { provideTranslatedPaginator } from '../../shared/translated-paginator-intl';

export const groupsRoutes: Route[] = [
  {
    path: '',
    providers: [provideTranslatedPaginator()],
    children: [
      {
        path: '',
        title: 'groups.titles.list',
        loadComponent: () => import('./groups-page').then((m) => m.GroupsPage),
      },
      {
        path: 'new',
        title: 'groups.titles.new',
        canActivate: [signedInGuard],
        loadComponent: () => import('./group-new-page').then((m) => m.GroupNewPage),
      },
      {
        path: ':id/edit',
        title: 'groups.titles.edit',
        canActivate: [signedInGuard],
        loadComponent: () => import('./group-edit-page').then((m) => m.GroupEditPage),
      },
      {
        path: ':id',
        title: 'groups.titles.detail',
        loadComponent: () => import('./group-detail-page').then((m) => m.GroupDetailPage),
      },
    ],
  },
];
