import { Route } from '@angular/router';
import { researchGuard } from '../../core/auth/guards';

/** /research: the participation dashboard and the pseudonymised export (researchers and the office). */
export const researchRoutes: Route[] = [
  {
    path: '',
    canActivate: [researchGuard],
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'research.titles.dashboard',
        loadComponent: () => import('./research-page').then((m) => m.ResearchPage),
      },
      {
        path: 'export',
        title: 'research.titles.export',
        loadComponent: () => import('./research-export-page').then((m) => m.ResearchExportPage),
      },
    ],
  },
];
