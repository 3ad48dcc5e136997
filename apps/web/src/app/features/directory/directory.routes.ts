import { Route } from '@angular/router';
import { provideTranslatedPaginator } from '../../shared/translated-paginator-intl';

export const directoryRoutes: Route[] = [
  {
    path: '',
    title: 'directory.title',
    providers: [provideTranslatedPaginator()],
    loadComponent: () => import('./directory-page').then((m) => m.DirectoryPage),
  },
];
