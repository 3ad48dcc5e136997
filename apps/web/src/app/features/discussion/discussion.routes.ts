import { Route } from '@angular/router';
import { signedInGuard } from '../../core/auth/guards';

/** `/threads`: the discussion (signed-in persons; who reads a thread follows its subject). */
export const discussionRoutes: Route[] = [
  {
    path: '',
    canActivate: [signedInGuard],
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'discussion.titles.list',
        loadComponent: () => import('./threads-page').then((m) => m.ThreadsPage),
      },
      {
        path: ':id',
        title: 'discussion.titles.thread',
        loadComponent: () => import('./thread-page').then((m) => m.ThreadPage),
      },
    ],
  },
];
