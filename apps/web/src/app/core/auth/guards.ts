import { inject } from '@angular/core';
import { CanActivateFn, CanMatchFn, Router } from '@angular/router';
import { AuthStore } from './auth-store';

/** Lets signed-in persons through; everyone else goes to /login?returnUrl=… */
export const signedInGuard: CanActivateFn = (_route, state) => {
  const auth = inject(AuthStore);
  if (auth.isSignedIn()) return true;
  return inject(Router).createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
};

/** Only the office (moderators, admins); signed-out persons are sent to sign in first. */
export const officeGuard: CanActivateFn = (_route, state) => {
  const auth = inject(AuthStore);
  const router = inject(Router);
  if (!auth.isSignedIn()) return router.createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
  return auth.isOffice() ? true : router.createUrlTree(['/']);
};

/** Researchers and the office (moderators, admins): the research dashboard and exports. */
export const researchGuard: CanActivateFn = (_route, state) => {
  const auth = inject(AuthStore);
  const router = inject(Router);
  if (!auth.isSignedIn()) return router.createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
  return auth.isResearcher() || auth.isOffice() ? true : router.createUrlTree(['/']);
};

/** Route matching: the route applies to signed-in persons only (the personal start page at `/`; visitors fall through to the next route). */
export const signedInMatch: CanMatchFn = () => inject(AuthStore).isSignedIn();

/** Pages only useful when signed out (login, register): signed-in persons go to their profile. */
export const signedOutGuard: CanActivateFn = () => {
  const auth = inject(AuthStore);
  return auth.isSignedIn() ? inject(Router).createUrlTree(['/profile']) : true;
};
