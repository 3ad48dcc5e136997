import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { VerifyEmailPage } from './verify-email-page';

describe('VerifyEmailPage', () => {
  let fixture: ComponentFixture<VerifyEmailPage>;
  let page: HTMLElement;
  let http: HttpTestingController;

  const flushMicrotasks = () => new Promise((resolve) => setTimeout(resolve));

  function create(token?: string): void {
    fixture = TestBed.createComponent(VerifyEmailPage);
    if (token !== undefined) fixture.componentRef.setInput('token', token);
    page = fixture.nativeElement;
    fixture.detectChanges();
  }

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [VerifyEmailPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideI18nTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('confirms the address on load and links to the login', async () => {
    create('a-long-token-from-the-mail');
    expect(page.querySelector('[data-testid="verify-busy"]')?.textContent).toContain('wird bestätigt');

    const req = http.expectOne('/api/auth/verify-email');
    expect(req.request.body).toEqual({ token: 'a-long-token-from-the-mail' });
    req.flush(null, { status: 204, statusText: 'No Content' });
    await flushMicrotasks();
    await fixture.whenStable();

    expect(page.querySelector('[data-testid="verify-success"]')?.textContent).toContain('Ihre E-Mail-Adresse ist bestätigt.');
    expect(page.querySelector('[role="status"]')?.contains(page.querySelector('[data-testid="verify-success"]'))).toBe(true);
    expect(page.querySelector('a')?.getAttribute('href')).toBe('/login?notice=verified');
  });

  it('explains an invalid or expired link', async () => {
    create('an-old-token-0000');
    http
      .expectOne('/api/auth/verify-email')
      .flush({ statusCode: 400, code: 'INVALID_OR_EXPIRED_TOKEN', message: 'x', requestId: 'r' }, { status: 400, statusText: 'Bad Request' });
    await flushMicrotasks();
    await fixture.whenStable();

    expect(page.querySelector('[data-testid="verify-failed"]')?.textContent).toContain('ungültig oder abgelaufen');
    expect([...page.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['/login', '/register']);
  });

  it('fails without calling the API when the link has no token', async () => {
    create();
    await fixture.whenStable();
    expect(page.querySelector('[data-testid="verify-failed"]')).not.toBeNull();
    http.expectNone('/api/auth/verify-email');
  });
});
