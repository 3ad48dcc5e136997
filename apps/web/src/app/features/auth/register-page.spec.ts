import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { RegisterPage } from './register-page';

describe('RegisterPage', () => {
  let fixture: ComponentFixture<RegisterPage>;
  let page: HTMLElement;
  let http: HttpTestingController;

  const input = (name: string) => page.querySelector<HTMLInputElement>(`input[formcontrolname="${name}"]`)!;
  const errors = () => [...page.querySelectorAll('mat-error')].map((e) => e.textContent?.trim());
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

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [RegisterPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideI18nTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(RegisterPage);
    page = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it('labels every field, offers the password rule as a hint and uses autocomplete', () => {
    expect(page.querySelectorAll('h1')).toHaveLength(1);
    for (const name of ['displayName', 'email', 'password']) {
      const el = input(name);
      expect(page.querySelector(`label[for="${el.id}"]`)?.textContent?.trim()).toBeTruthy();
    }
    expect(input('displayName').getAttribute('autocomplete')).toBe('name');
    expect(input('email').getAttribute('autocomplete')).toBe('email');
    expect(input('password').getAttribute('autocomplete')).toBe('new-password');
    expect(page.textContent).toContain('Mindestens 10 Zeichen.');
    const hintId = page.querySelector('mat-hint')?.id;
    expect(hintId).toBeTruthy();
    expect(page.querySelector('mat-select')?.getAttribute('aria-labelledby')).toBeTruthy();
  });

  it('reports every missing field on submit and sends nothing', async () => {
    await submit();
    expect(errors()).toEqual([
      'Bitte geben Sie Ihren Namen ein.',
      'Bitte geben Sie Ihre E-Mail-Adresse ein.',
      'Bitte geben Sie ein Passwort ein.',
    ]);
    expect(document.activeElement).toBe(input('displayName'));
    // each message is tied to its field, so screen readers read it with the field
    const emailError = input('email').closest('mat-form-field')?.querySelector('mat-error');
    expect(input('email').getAttribute('aria-describedby')).toContain(emailError?.id);
    http.expectNone('/api/auth/register');
  });

  it('checks the e-mail format, the name length and the password length', async () => {
    type('displayName', 'A');
    type('email', 'anna@');
    type('password', 'kurz');
    await submit();

    expect(errors()).toEqual([
      'Der Name muss mindestens 2 Zeichen lang sein.',
      'Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@beispiel.de.',
      'Das Passwort muss mindestens 10 Zeichen lang sein.',
    ]);
    http.expectNone('/api/auth/register');

    type('password', '1234567890');
    await fixture.whenStable();
    expect(errors()).not.toContain('Das Passwort muss mindestens 10 Zeichen lang sein.');
  });

  it('registers and then asks to check the mailbox', async () => {
    type('displayName', '  Anna Beispiel ');
    type('email', 'anna@example.org');
    type('password', 'ein-langes-passwort');
    await submit();

    const req = http.expectOne('/api/auth/register');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({
      displayName: 'Anna Beispiel',
      email: 'anna@example.org',
      password: 'ein-langes-passwort',
      locale: 'de',
    });
    req.flush({ status: 'verification_sent' }, { status: 202, statusText: 'Accepted' });
    await flushMicrotasks();
    await fixture.whenStable();

    const success = page.querySelector<HTMLElement>('[data-testid="register-success"]');
    expect(success?.getAttribute('role')).toBe('status');
    expect(success?.textContent).toContain('bitte prüfen Sie Ihr Postfach');
    expect(success?.textContent).toContain('anna@example.org');
    expect(page.querySelector('form')).toBeNull();
    expect(document.activeElement).toBe(success);
  });

  it('shows a translated error when the API refuses', async () => {
    type('displayName', 'Anna Beispiel');
    type('email', 'anna@example.org');
    type('password', 'ein-langes-passwort');
    await submit();
    http
      .expectOne('/api/auth/register')
      .flush(
        { statusCode: 429, code: 'TOO_MANY_REQUESTS', message: 'slow down', requestId: 'r' },
        { status: 429, statusText: 'Too Many Requests' },
      );
    await flushMicrotasks();
    await fixture.whenStable();

    expect(page.querySelector('[data-testid="register-error"]')?.textContent).toContain('Zu viele Versuche.');
    expect(page.querySelector('form')).not.toBeNull();
  });
});
