import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { meFixture } from '../../../testing/me-fixture';
import { authInterceptor } from '../../core/auth/auth-interceptor';
import { AuthStore } from '../../core/auth/auth-store';
import { LanguageService } from '../../core/i18n/language-service';
import { LoginPage } from './login-page';

describe('LoginPage', () => {
  let fixture: ComponentFixture<LoginPage>;
  let page: HTMLElement;
  let http: HttpTestingController;
  let navigate: jest.SpyInstance;

  const input = (name: string) => page.querySelector<HTMLInputElement>(`input[formcontrolname="${name}"]`)!;
  const errorText = () => page.querySelector('[data-testid="login-error"]')?.textContent?.trim();
  const flushMicrotasks = () => new Promise((resolve) => setTimeout(resolve));

  function type(name: string, value: string): void {
    const el = input(name);
    el.value = value;
    el.dispatchEvent(new Event('input'));
    el.dispatchEvent(new Event('blur'));
  }

  async function submit(): Promise<void> {
    page.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await fixture.whenStable();
  }

  async function failWith(status: number, body: object | null): Promise<void> {
    type('email', 'anna@example.org');
    type('password', 'irgendwas-geheimes');
    await submit();
    const req = http.expectOne('/api/auth/login');
    if (body) req.flush(body, { status, statusText: 'Error' });
    else req.error(new ProgressEvent('error'), { status: 0 });
    await flushMicrotasks();
    await fixture.whenStable();
  }

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [LoginPage],
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
        provideI18nTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    fixture = TestBed.createComponent(LoginPage);
    page = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it('has one heading, labelled fields with autocomplete and links to register and password reset', () => {
    expect(page.querySelectorAll('h1')).toHaveLength(1);
    expect(page.querySelector('h1')?.textContent?.trim()).toBe('Anmelden');
    expect(input('email').getAttribute('autocomplete')).toBe('username');
    expect(input('password').getAttribute('autocomplete')).toBe('current-password');
    expect(page.querySelector('label[for="' + input('email').id + '"]')?.textContent).toContain('E-Mail-Adresse');
    expect(page.querySelector('label[for="' + input('password').id + '"]')?.textContent).toContain('Passwort');
    const links = [...page.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(expect.arrayContaining(['/register', '/forgot-password']));
  });

  it('validates before sending anything', async () => {
    await submit();
    const errors = [...page.querySelectorAll('mat-error')].map((e) => e.textContent?.trim());
    expect(errors).toEqual(['Bitte geben Sie Ihre E-Mail-Adresse ein.', 'Bitte geben Sie ein Passwort ein.']);
    expect(document.activeElement).toBe(input('email'));

    type('email', 'keine-adresse');
    await fixture.whenStable();
    expect(page.querySelector('mat-error')?.textContent).toContain('gültige E-Mail-Adresse');
    http.expectNone('/api/auth/login');
  });

  it.each([
    [401, 'INVALID_CREDENTIALS', 'E-Mail-Adresse oder Passwort stimmen nicht.'],
    [403, 'EMAIL_NOT_VERIFIED', 'Ihre E-Mail-Adresse ist noch nicht bestätigt.'],
    [429, 'TOO_MANY_REQUESTS', 'Zu viele Versuche.'],
    [500, 'INTERNAL_ERROR', 'Etwas ist schiefgegangen.'],
  ])('shows a translated message for %i %s in an alert', async (status, code, message) => {
    await failWith(status, { statusCode: status, code, message: 'english api text', requestId: 'r' });

    expect(errorText()).toContain(message);
    expect(errorText()).not.toContain('english api text');
    expect(page.querySelector('[role="alert"]')?.contains(page.querySelector('[data-testid="login-error"]'))).toBe(true);
    expect(navigate).not.toHaveBeenCalled();
    expect(TestBed.inject(AuthStore).isSignedIn()).toBe(false);
  });

  it('explains when the server cannot be reached', async () => {
    await failWith(0, null);
    expect(errorText()).toContain('Der Server ist nicht erreichbar.');
  });

  it('shows the error in English after a language switch', async () => {
    await failWith(401, { statusCode: 401, code: 'INVALID_CREDENTIALS', message: 'x', requestId: 'r' });
    TestBed.inject(LanguageService).use('en');
    await fixture.whenStable();
    expect(errorText()).toBe('E-mail address or password is not correct.');
  });

  async function signInSuccessfully(): Promise<void> {
    type('email', ' anna@example.org ');
    type('password', 'richtig-geheim');
    await submit();
    const login = http.expectOne('/api/auth/login');
    expect(login.request.body).toEqual({ email: 'anna@example.org', password: 'richtig-geheim' });
    login.flush({ accessToken: 't', expiresIn: 900 });
    await flushMicrotasks();
    http.expectOne('/api/me').flush(meFixture());
    await flushMicrotasks();
    await fixture.whenStable();
  }

  it('signs in and continues to the return URL', async () => {
    fixture.componentRef.setInput('returnUrl', '/organisations/42');
    await signInSuccessfully();
    expect(TestBed.inject(AuthStore).isSignedIn()).toBe(true);
    expect(navigate).toHaveBeenCalledWith('/organisations/42');
    expect(errorText()).toBeUndefined();
  });

  it('ignores return URLs that lead to another site', async () => {
    fixture.componentRef.setInput('returnUrl', '//evil.example/phish');
    await signInSuccessfully();
    expect(navigate).toHaveBeenCalledWith('/profile');
  });

  it('shows a notice passed by the previous step', async () => {
    fixture.componentRef.setInput('notice', 'passwordChanged');
    await fixture.whenStable();
    expect(page.querySelector('[data-testid="login-notice"]')?.textContent).toContain('Ihr Passwort wurde geändert.');

    fixture.componentRef.setInput('notice', 'something-else');
    await fixture.whenStable();
    expect(page.querySelector('[data-testid="login-notice"]')).toBeNull();
  });
});
