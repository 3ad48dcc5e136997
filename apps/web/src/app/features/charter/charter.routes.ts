import { Route } from '@angular/router';

export const charterRoutes: Route[] = [
  {
    path: '',
    title: 'charter.title',
    loadComponent: () => import('./charter-page').then((m) => m.CharterPage),
  },
];
