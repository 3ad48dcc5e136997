import { Route } from '@angular/router';
import { provideTranslatedPaginator } from '../../shared/translated-paginator-intl';

/** /search: public; the app bar's search box leads here. */
export const searchRoutes: Route[] = [
  {
    path: '',
    title: 'search.title',
    data: { description: 'search.description' },
    providers: [provideTranslatedPaginator()],
    loadComponent: () => import('./search-page').then((m) => m.SearchPage),
  },
];
