import { Route } from '@angular/router';

/** Every feature is lazy-loaded; route `title`s are translation keys. */
export const appRoutes: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    loadChildren: () => import('./features/action-fields/action-fields.routes').then((m) => m.actionFieldsRoutes),
  },
  {
    path: '**',
    title: 'titles.notFound',
    loadComponent: () => import('./features/not-found/not-found-page').then((m) => m.NotFoundPage),
  },
];
