import { Route } from '@angular/router';

/** /boards: the list and one board (readable by visitors too: they see public cards only). */
export const boardsRoutes: Route[] = [
  {
    path: '',
    title: 'boards.titles.list',
    loadComponent: () => import('./boards-page').then((m) => m.BoardsPage),
  },
  {
    path: ':id',
    title: 'boards.titles.board',
    loadComponent: () => import('./board-page').then((m) => m.BoardPage),
  },
];

/** /strategy: the Zukunftsplan (Leitbild, Leitziele, strategic goals and their measures). */
export const strategyRoutes: Route[] = [
  {
    path: '',
    title: 'strategy.title',
    loadComponent: () => import('./strategy-page').then((m) => m.StrategyPage),
  },
];
