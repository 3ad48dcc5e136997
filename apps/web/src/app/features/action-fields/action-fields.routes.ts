import { Route } from '@angular/router';
import { ActionFieldsPage } from './action-fields-page';

export const actionFieldsRoutes: Route[] = [
  { path: '', title: 'titles.actionFields', component: ActionFieldsPage },
];
