import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ActivatedRouteSnapshot, RouterStateSnapshot, UrlTree, provideRouter } from '@angular/router';
import type { Role } from '@allmende/contracts';
import { meFixture } from '../../../testing/me-fixture';
import { AuthStore } from './auth-store';
import { officeGuard, researchGuard, signedInGuard, signedOutGuard } from './guards';

describe('route guards', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
  });

  const state = (url: string) => ({ url }) as RouterStateSnapshot;
  const route = {} as ActivatedRouteSnapshot;
  const run = (guard: typeof signedInGuard, url = '/profile') =>
    TestBed.runInInjectionContext(() => guard(route, state(url)));
  const signIn = (roles: Role[] = ['member']) => TestBed.inject(AuthStore).setMe(meFixture({ roles }));
  const urlOf = (result: unknown) => (result instanceof UrlTree ? result.toString() : result);

  it('signedInGuard sends signed-out visitors to the login with a return URL', () => {
    expect(urlOf(run(signedInGuard, '/profile?tab=1'))).toBe('/login?returnUrl=%2Fprofile%3Ftab%3D1');
    signIn();
    expect(run(signedInGuard)).toBe(true);
  });

  it('officeGuard lets moderators and admins through only', () => {
    expect(urlOf(run(officeGuard, '/office/members'))).toBe('/login?returnUrl=%2Foffice%2Fmembers');
    signIn(['member']);
    expect(urlOf(run(officeGuard, '/office/members'))).toBe('/');
    signIn(['member', 'moderator']);
    expect(run(officeGuard, '/office/members')).toBe(true);
    signIn(['admin']);
    expect(run(officeGuard, '/office/members')).toBe(true);
  });

  it('researchGuard lets researchers and the office through only', () => {
    expect(urlOf(run(researchGuard, '/research'))).toBe('/login?returnUrl=%2Fresearch');
    signIn(['member']);
    expect(urlOf(run(researchGuard, '/research'))).toBe('/');
    signIn(['member', 'researcher']);
    expect(run(researchGuard, '/research')).toBe(true);
    signIn(['moderator']);
    expect(run(researchGuard, '/research')).toBe(true);
    signIn(['admin']);
    expect(run(researchGuard, '/research')).toBe(true);
  });

  it('signedOutGuard sends signed-in persons from the login to their profile', () => {
    expect(run(signedOutGuard, '/login')).toBe(true);
    signIn();
    expect(urlOf(run(signedOutGuard, '/login'))).toBe('/profile');
  });
});
