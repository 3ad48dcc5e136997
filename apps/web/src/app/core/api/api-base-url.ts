import { InjectionToken } from '@angular/core';

/**
 * Prefix for API calls. Empty: the API is served from the same origin
 * (in development the dev-server proxies `/api`, see proxy.conf.json).
 */
export const API_BASE_URL = new InjectionToken<string>('API_BASE_URL', {
  providedIn: 'root',
  factory: () => '',
});
