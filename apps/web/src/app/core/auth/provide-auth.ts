import { EnvironmentProviders, inject, makeEnvironmentProviders, provideAppInitializer } from '@angular/core';
import { AuthStore } from './auth-store';

/**
 * Restores a session from the refresh cookie before the first navigation,
 * so route guards already know who is signed in. Register the interceptor with
 * `provideHttpClient(withInterceptors([authInterceptor]))`.
 */
export function provideAuth(): EnvironmentProviders {
  return makeEnvironmentProviders([provideAppInitializer(() => inject(AuthStore).restoreSession())]);
}
