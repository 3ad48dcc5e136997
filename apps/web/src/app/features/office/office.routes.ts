import { Route } from '@angular/router';
import { officeGuard } from '../../core/auth/guards';
import { provideTranslatedPaginator } from '../../shared/translated-paginator-intl';

export const officeRoutes: Route[] = [
  {
    path: '',
    canActivate: [officeGuard],
    providers: [provideTranslatedPaginator()],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'members' },
      {
        path: 'members',
        title: 'office.membersTitle',
        loadComponent: () => import('./office-members-page').then((m) => m.OfficeMembersPage),
      },
      {
        path: 'charter',
        title: 'office.charterTitle',
        loadComponent: () => import('./office-charter-page').then((m) => m.OfficeCharterPage),
      },
    ],
  },
];
