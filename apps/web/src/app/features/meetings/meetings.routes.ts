import { Route } from '@angular/router';
import { signedInGuard } from '../../core/auth/guards';
import { provideTranslatedPaginator } from '../../shared/translated-paginator-intl';

/** /meetings: list, detail, the guest links from mails, running a meeting, voting, the meeting form. */
export const meetingsRoutes: Route[] = [
  {
    path: '',
    providers: [provideTranslatedPaginator()],
    children: [
      {
        path: '',
        title: 'meetings.titles.list',
        loadComponent: () => import('./meetings-page').then((m) => m.MeetingsPage),
      },
      {
        // the office for any meeting; leads of a working group for its sessions (the page checks which groups)
        path: 'new',
        title: 'meetings.titles.new',
        canActivate: [signedInGuard],
        loadComponent: () => import('./meeting-edit-pages').then((m) => m.MeetingNewPage),
      },
      {
        path: ':id/edit',
        title: 'meetings.titles.edit',
        canActivate: [signedInGuard],
        loadComponent: () => import('./meeting-edit-pages').then((m) => m.MeetingEditPage),
      },
      {
        // who may run it is decided by the meeting (office, or the leads of its group)
        path: ':id/run',
        title: 'meetings.titles.run',
        canActivate: [signedInGuard],
        loadComponent: () => import('./meeting-run-page').then((m) => m.MeetingRunPage),
      },
      {
        path: ':id/vote',
        title: 'meetings.titles.vote',
        canActivate: [signedInGuard],
        loadComponent: () => import('./meeting-vote-page').then((m) => m.MeetingVotePage),
      },
      {
        path: ':id/confirm',
        title: 'meetings.titles.confirm',
        data: { action: 'confirm' },
        loadComponent: () => import('./registration-link-page').then((m) => m.RegistrationLinkPage),
      },
      {
        path: ':id/cancel',
        title: 'meetings.titles.cancel',
        data: { action: 'cancel' },
        loadComponent: () => import('./registration-link-page').then((m) => m.RegistrationLinkPage),
      },
      {
        path: ':id',
        title: 'meetings.titles.detail',
        loadComponent: () => import('./meeting-detail-page').then((m) => m.MeetingDetailPage),
      },
    ],
  },
];
