import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { meFixture } from '../../../testing/me-fixture';
import { authInterceptor } from './auth-interceptor';
import { AuthStore } from './auth-store';

describe('AuthStore', () => {
  let store: AuthStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting(), provideRouter([])],
    });
    store = TestBed.inject(AuthStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  /** Lets pending promise callbacks run (the store chains HTTP calls with await). */
  const flushMicrotasks = () => new Promise((resolve) => setTimeout(resolve));

  it('starts signed out', () => {
    expect(store.isSignedIn()).toBe(false);
    expect(store.me()).toBeNull();
    expect(store.accessToken()).toBeNull();
  });

  it('signs in: keeps the token in memory and loads the profile with it', async () => {
    const done = store.login('anna@example.org', 'richtig-geheim');

    const login = http.expectOne('/api/auth/login');
    expect(login.request.method).toBe('POST');
    expect(login.request.body).toEqual({ email: 'anna@example.org', password: 'richtig-geheim' });
    login.flush({ accessToken: 'token-1', expiresIn: 900 });
    await flushMicrotasks();

    const me = http.expectOne('/api/me');
    expect(me.request.headers.get('Authorization')).toBe('Bearer token-1');
    me.flush(meFixture({ roles: ['member', 'moderator'] }));
    await done;

    expect(store.isSignedIn()).toBe(true);
    expect(store.me()?.displayName).toBe('Anna Beispiel');
    expect(store.accessToken()).toBe('token-1');
    expect(store.isOffice()).toBe(true);
    expect(store.isAdmin()).toBe(false);
    expect(store.isResearcher()).toBe(false);
    expect(localStorage.length + sessionStorage.length).toBe(0);
  });

  it('rejects a failed sign-in and stays signed out', async () => {
    const done = store.login('anna@example.org', 'falsch');
    http
      .expectOne('/api/auth/login')
      .flush({ statusCode: 401, code: 'INVALID_CREDENTIALS', message: 'no', requestId: 'r' }, { status: 401, statusText: 'Unauthorized' });

    await expect(done).rejects.toMatchObject({ status: 401 });
    expect(store.isSignedIn()).toBe(false);
  });

  it('restores a session from the refresh cookie on start', async () => {
    const done = store.restoreSession();
    http.expectOne({ method: 'POST', url: '/api/auth/refresh' }).flush({ accessToken: 'restored', expiresIn: 900 });
    await flushMicrotasks();
    http.expectOne('/api/me').flush(meFixture());
    await done;

    expect(store.isSignedIn()).toBe(true);
    expect(store.accessToken()).toBe('restored');
  });

  it('stays signed out, without an error, when there is no session to restore', async () => {
    const done = store.restoreSession();
    http
      .expectOne('/api/auth/refresh')
      .flush({ statusCode: 401, code: 'UNAUTHENTICATED', message: 'no', requestId: 'r' }, { status: 401, statusText: 'Unauthorized' });
    await expect(done).resolves.toBeUndefined();
    expect(store.isSignedIn()).toBe(false);
  });

  it('shares one refresh request between concurrent callers', async () => {
    const a = store.refresh();
    const b = store.refresh();
    http.expectOne('/api/auth/refresh').flush({ accessToken: 'fresh', expiresIn: 900 });
    await expect(Promise.all([a, b])).resolves.toEqual([true, true]);
    expect(store.accessToken()).toBe('fresh');
  });

  it('signs out: tells the API, forgets the session and goes to the start page', async () => {
    const login = store.login('anna@example.org', 'richtig-geheim');
    http.expectOne('/api/auth/login').flush({ accessToken: 'token-1', expiresIn: 900 });
    await flushMicrotasks();
    http.expectOne('/api/me').flush(meFixture());
    await login;
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl');

    const done = store.logout();
    const logout = http.expectOne('/api/auth/logout');
    expect(logout.request.headers.get('Authorization')).toBe('Bearer token-1');
    logout.flush(null, { status: 204, statusText: 'No Content' });
    await done;

    expect(store.isSignedIn()).toBe(false);
    expect(store.accessToken()).toBeNull();
    expect(navigate).toHaveBeenCalledWith('/', { onSameUrlNavigation: 'reload' });
  });

  it('signs out locally even when the API cannot be reached', async () => {
    const done = store.logout();
    http.expectOne('/api/auth/logout').error(new ProgressEvent('error'));
    await done;
    expect(store.isSignedIn()).toBe(false);
  });
});
