import { Route } from '@angular/router';
import { officeGuard, signedInGuard, signedOutGuard } from './core/auth/guards';

/** Every feature is lazy-loaded; route `title`s are translation keys. */
export const appRoutes: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    loadChildren: () => import('./features/action-fields/action-fields.routes').then((m) => m.actionFieldsRoutes),
  },
  // --- accounts: sign-in, registration, profile ---
  {
    path: 'login',
    title: 'auth.titles.login',
    canActivate: [signedOutGuard],
    loadComponent: () => import('./features/auth/login-page').then((m) => m.LoginPage),
  },
  {
    path: 'register',
    title: 'auth.titles.register',
    canActivate: [signedOutGuard],
    loadComponent: () => import('./features/auth/register-page').then((m) => m.RegisterPage),
  },
  {
    path: 'verify-email',
    title: 'auth.titles.verifyEmail',
    loadComponent: () => import('./features/auth/verify-email-page').then((m) => m.VerifyEmailPage),
  },
  {
    path: 'forgot-password',
    title: 'auth.titles.forgotPassword',
    loadComponent: () => import('./features/auth/forgot-password-page').then((m) => m.ForgotPasswordPage),
  },
  {
    path: 'reset-password',
    title: 'auth.titles.resetPassword',
    loadComponent: () => import('./features/auth/reset-password-page').then((m) => m.ResetPasswordPage),
  },
  {
    path: 'profile',
    title: 'profile.title',
    canActivate: [signedInGuard],
    loadComponent: () => import('./features/profile/profile-page').then((m) => m.ProfilePage),
  },
  // --- end accounts ---
  // --- working groups; the office's action-field administration ---
  {
    path: 'groups',
    loadChildren: () => import('./features/working-groups/groups.routes').then((m) => m.groupsRoutes),
  },
  {
    path: 'office/action-fields',
    title: 'groups.titles.fieldsAdmin',
    canActivate: [officeGuard],
    loadComponent: () =>
      import('./features/action-fields/office-action-fields-page').then((m) => m.OfficeActionFieldsPage),
  },
  // --- end working groups ---
  // --- alliance: directory, organisations, charter, office ---
  {
    path: 'directory',
    loadChildren: () => import('./features/directory/directory.routes').then((m) => m.directoryRoutes),
  },
  {
    path: 'organisations',
    loadChildren: () => import('./features/organisations/organisations.routes').then((m) => m.organisationsRoutes),
  },
  {
    path: 'charter',
    loadChildren: () => import('./features/charter/charter.routes').then((m) => m.charterRoutes),
  },
  {
    path: 'office',
    loadChildren: () => import('./features/office/office.routes').then((m) => m.officeRoutes),
  },
  // --- end alliance ---
  // --- meetings: list, detail, registration links, running a meeting, dot voting ---
  {
    path: 'meetings',
    loadChildren: () => import('./features/meetings/meetings.routes').then((m) => m.meetingsRoutes),
  },
  // --- end meetings ---
  {
    path: '**',
    title: 'titles.notFound',
    loadComponent: () => import('./features/not-found/not-found-page').then((m) => m.NotFoundPage),
  },
];
