import { HttpErrorResponse, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, from, switchMap, throwError } from 'rxjs';
import { AuthStore, SKIP_AUTH_RETRY } from './auth-store';

/** `/api/…` on this origin (or behind an absolute API base URL). */
function isApiUrl(url: string): boolean {
  return /^(https?:\/\/[^/]+)?\/api(\/|$|\?)/.test(url);
}

/**
 * The public sign-in endpoints (`/api/auth/*`): a 401 there means wrong credentials
 * or a dead session, never an expired access token. Changing the password is the
 * one auth call that needs a valid access token, so it may refresh and retry.
 */
function isAuthEndpoint(url: string): boolean {
  return /^(https?:\/\/[^/]+)?\/api\/auth(\/|$|\?)/.test(url) && !/\/api\/auth\/password\/change(\?|$)/.test(url);
}

function withToken(req: HttpRequest<unknown>, token: string | null): HttpRequest<unknown> {
  return token ? req.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : req;
}

/**
 * Adds the access token to API calls. When a call that carried a token comes back
 * 401 (the token expired), it refreshes once (concurrent calls share the refresh)
 * and repeats the call once; a failed refresh signs out (AuthStore.refresh clears).
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  if (!isApiUrl(req.url)) return next(req);
  const auth = inject(AuthStore);
  const token = auth.accessToken();
  const first = next(withToken(req, token));
  if (!token || req.context.get(SKIP_AUTH_RETRY) || isAuthEndpoint(req.url)) return first;

  return first.pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401) return throwError(() => error);
      // Another call refreshed meanwhile: just repeat with the new token.
      const current = auth.accessToken();
      if (current && current !== token) return next(withToken(req, current));
      return from(auth.refresh()).pipe(
        switchMap((refreshed) => (refreshed ? next(withToken(req, auth.accessToken())) : throwError(() => error))),
      );
    }),
  );
};
