import { HttpClient, HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { meFixture } from '../../../testing/me-fixture';
import { authInterceptor } from './auth-interceptor';
import { AuthStore } from './auth-store';

const UNAUTHORIZED = { status: 401, statusText: 'Unauthorized' };
const expired = { statusCode: 401, code: 'UNAUTHENTICATED', message: 'Invalid or expired access token', requestId: 'r' };

describe('authInterceptor', () => {
  let http: HttpTestingController;
  let client: HttpClient;
  let store: AuthStore;

  const flushMicrotasks = () => new Promise((resolve) => setTimeout(resolve));

  /** Signs in with access token `token` (through a refresh, as on app start). */
  async function signIn(token = 'old-token'): Promise<void> {
    const refreshed = store.refresh();
    http.expectOne('/api/auth/refresh').flush({ accessToken: token, expiresIn: 900 });
    await refreshed;
    store.setMe(meFixture());
  }

  const auth = (req: TestRequest) => req.request.headers.get('Authorization');

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    client = TestBed.inject(HttpClient);
    store = TestBed.inject(AuthStore);
  });

  afterEach(() => http.verify());

  it('adds the bearer token to API calls only', async () => {
    await signIn();

    client.get('/api/organisations').subscribe();
    client.get('/i18n/de.json').subscribe();

    expect(auth(http.expectOne('/api/organisations'))).toBe('Bearer old-token');
    expect(auth(http.expectOne('/i18n/de.json'))).toBeNull();
  });

  it('sends no Authorization header when signed out', () => {
    client.get('/api/action-fields').subscribe();
    expect(auth(http.expectOne('/api/action-fields'))).toBeNull();
  });

  it('refreshes once on a 401 and repeats the call with the new token', async () => {
    await signIn();
    const result = firstValueFrom(client.get<{ ok: boolean }>('/api/me'));

    const first = http.expectOne('/api/me');
    expect(auth(first)).toBe('Bearer old-token');
    first.flush(expired, UNAUTHORIZED);

    http.expectOne({ method: 'POST', url: '/api/auth/refresh' }).flush({ accessToken: 'new-token', expiresIn: 900 });
    await flushMicrotasks();

    const retry = http.expectOne('/api/me');
    expect(auth(retry)).toBe('Bearer new-token');
    retry.flush({ ok: true });

    await expect(result).resolves.toEqual({ ok: true });
    expect(store.accessToken()).toBe('new-token');
    expect(store.isSignedIn()).toBe(true);
  });

  it('retries only once: a second 401 reaches the caller', async () => {
    await signIn();
    const result = firstValueFrom(client.get('/api/me'));

    http.expectOne('/api/me').flush(expired, UNAUTHORIZED);
    http.expectOne('/api/auth/refresh').flush({ accessToken: 'new-token', expiresIn: 900 });
    await flushMicrotasks();
    http.expectOne('/api/me').flush(expired, UNAUTHORIZED);

    await expect(result).rejects.toBeInstanceOf(HttpErrorResponse);
    http.expectNone('/api/auth/refresh');
  });

  it('shares one refresh between calls that fail at the same time', async () => {
    await signIn();
    const a = firstValueFrom(client.get('/api/a'));
    const b = firstValueFrom(client.get('/api/b'));

    http.expectOne('/api/a').flush(expired, UNAUTHORIZED);
    http.expectOne('/api/b').flush(expired, UNAUTHORIZED);
    const refreshes = http.match('/api/auth/refresh');
    expect(refreshes).toHaveLength(1);
    refreshes[0].flush({ accessToken: 'new-token', expiresIn: 900 });
    await flushMicrotasks();

    http.expectOne('/api/a').flush('a');
    http.expectOne('/api/b').flush('b');
    await expect(Promise.all([a, b])).resolves.toEqual(['a', 'b']);
  });

  it('signs out when the refresh fails, and passes the original 401 on', async () => {
    await signIn();
    const result = firstValueFrom(client.get('/api/me'));

    http.expectOne('/api/me').flush(expired, UNAUTHORIZED);
    http
      .expectOne('/api/auth/refresh')
      .flush({ statusCode: 401, code: 'UNAUTHENTICATED', message: 'session ended', requestId: 'r' }, UNAUTHORIZED);

    await expect(result).rejects.toMatchObject({ status: 401, error: { code: 'UNAUTHENTICATED' } });
    expect(store.isSignedIn()).toBe(false);
    expect(store.accessToken()).toBeNull();
    http.expectNone('/api/me');
  });

  it('does not refresh for failed sign-in calls under /api/auth', async () => {
    await signIn();
    const result = firstValueFrom(client.post('/api/auth/password/forgot', { email: 'a@b.de' }));
    http.expectOne('/api/auth/password/forgot').flush(expired, UNAUTHORIZED);

    await expect(result).rejects.toMatchObject({ status: 401 });
    http.expectNone('/api/auth/refresh');
    expect(store.isSignedIn()).toBe(true);
  });

  it('does not refresh a 401 for a call that carried no token', async () => {
    const result = firstValueFrom(client.get('/api/me'));
    http.expectOne('/api/me').flush(expired, UNAUTHORIZED);

    await expect(result).rejects.toMatchObject({ status: 401 });
    http.expectNone('/api/auth/refresh');
  });

  it('leaves other errors alone', async () => {
    await signIn();
    const result = firstValueFrom(client.get('/api/me'));
    http.expectOne('/api/me').flush({ code: 'FORBIDDEN' }, { status: 403, statusText: 'Forbidden' });

    await expect(result).rejects.toMatchObject({ status: 403 });
    http.expectNone('/api/auth/refresh');
  });
});
