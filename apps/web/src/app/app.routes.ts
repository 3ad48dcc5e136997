import { inject } from '@angular/core';
import { Route, Router } from '@angular/router';
import { officeGuard, signedInGuard, signedInMatch, signedOutGuard } from './core/auth/guards';

/** Every feature is lazy-loaded; route `title`s are translation keys. */
export const appRoutes: Route[] = [
  // --- start, search and the public face: `/` is the personal start page when signed in, else the alliance ---
  {
    path: '',
    pathMatch: 'full',
    title: 'start.title',
    canMatch: [signedInMatch],
    loadComponent: () => import('./features/start/start-page').then((m) => m.StartPage),
  },
  {
    path: '',
    pathMatch: 'full',
    title: 'public.about.title',
    data: { description: 'public.about.description' },
    loadComponent: () => import('./features/about/about-page').then((m) => m.AboutPage),
  },
  {
    path: 'about',
    title: 'public.about.title',
    data: { description: 'public.about.description' },
    loadComponent: () => import('./features/about/about-page').then((m) => m.AboutPage),
  },
  {
    path: 'action-fields',
    data: { description: 'public.meta.actionFields' },
    loadChildren: () => import('./features/action-fields/action-fields.routes').then((m) => m.actionFieldsRoutes),
  },
  {
    path: 'search',
    loadChildren: () => import('./features/search/search.routes').then((m) => m.searchRoutes),
  },
  // the listed signatories (search results link persons as /members?q=…)
  {
    path: 'members',
    pathMatch: 'full',
    redirectTo: ({ queryParams }) => inject(Router).createUrlTree(['/directory'], { queryParams }),
  },
  // --- end start, search and the public face ---
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
    data: { description: 'public.meta.groups' },
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
  // --- discussion: threads on groups, meetings, cards and the alliance; moderation (before `office`) ---
  {
    path: 'threads',
    loadChildren: () => import('./features/discussion/discussion.routes').then((m) => m.discussionRoutes),
  },
  {
    path: 'office/moderation',
    title: 'discussion.titles.moderation',
    canActivate: [officeGuard],
    loadComponent: () => import('./features/discussion/moderation-page').then((m) => m.ModerationPage),
  },
  // --- end discussion ---
  // --- research: participation insight and exports; the council report (before `office`) ---
  {
    path: 'research',
    loadChildren: () => import('./features/research/research.routes').then((m) => m.researchRoutes),
  },
  {
    path: 'office/council-report',
    title: 'councilReport.title',
    canActivate: [officeGuard],
    loadComponent: () => import('./features/research/council-report-page').then((m) => m.CouncilReportPage),
  },
  // --- end research ---
  // --- alliance: directory, organisations, charter, office ---
  {
    path: 'directory',
    data: { description: 'public.meta.directory' },
    loadChildren: () => import('./features/directory/directory.routes').then((m) => m.directoryRoutes),
  },
  {
    path: 'organisations',
    data: { description: 'public.meta.organisations' },
    loadChildren: () => import('./features/organisations/organisations.routes').then((m) => m.organisationsRoutes),
  },
  {
    path: 'charter',
    data: { description: 'public.meta.charter' },
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
    data: { description: 'public.meta.meetings' },
    loadChildren: () => import('./features/meetings/meetings.routes').then((m) => m.meetingsRoutes),
  },
  // --- end meetings ---
  // --- boards: the output chain from idea to measure, real-world lab and project; the strategy ---
  {
    path: 'boards',
    loadChildren: () => import('./features/boards/boards.routes').then((m) => m.boardsRoutes),
  },
  {
    path: 'strategy',
    data: { description: 'public.meta.strategy' },
    loadChildren: () => import('./features/boards/boards.routes').then((m) => m.strategyRoutes),
  },
  // --- end boards ---
  {
    path: '**',
    title: 'titles.notFound',
    loadComponent: () => import('./features/not-found/not-found-page').then((m) => m.NotFoundPage),
  },
];
