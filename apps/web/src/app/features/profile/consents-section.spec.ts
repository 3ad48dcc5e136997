import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { ConsentDto } from '@allmende/contracts';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { meFixture } from '../../../testing/me-fixture';
import { AuthStore } from '../../core/auth/auth-store';
import { ConsentsSection } from './consents-section';

describe('ConsentsSection', () => {
  let fixture: ComponentFixture<ConsentsSection>;
  let page: HTMLElement;
  let http: HttpTestingController;
  let auth: AuthStore;

  const toggle = (purpose: string) =>
    page.querySelector<HTMLButtonElement>(`[data-testid="consent-${purpose}"] button[role="switch"]`)!;
  const status = () => page.querySelector('[data-testid="consents-status"]')?.textContent?.trim();
  const flushMicrotasks = () => new Promise((resolve) => setTimeout(resolve));

  function consents(granted: Partial<Record<string, boolean>>): ConsentDto[] {
    return (['public_listing', 'publication', 'research'] as const).map((purpose) => ({
      purpose,
      granted: granted[purpose] ?? false,
      changedAt: granted[purpose] === undefined ? null : '2026-01-01T10:00:00Z',
    }));
  }

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [ConsentsSection],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideI18nTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    auth = TestBed.inject(AuthStore);
    auth.setMe(meFixture());
    fixture = TestBed.createComponent(ConsentsSection);
    page = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it('offers three separate switches, none pre-ticked, each explained', () => {
    const switches = page.querySelectorAll('button[role="switch"]');
    expect(switches).toHaveLength(3);
    for (const s of switches) expect(s.getAttribute('aria-checked')).toBe('false');

    const research = toggle('research');
    const description = page.querySelector(`#${research.getAttribute('aria-describedby')}`);
    expect(description?.textContent).toContain('pseudonymisiert');
    expect(page.querySelector('[data-testid="consent-research"] label')?.textContent).toContain(
      'Wissenschaftliche Begleitung unterstützen',
    );
  });

  it('saves a switch at once and confirms it in a live region', async () => {
    toggle('publication').click();
    await fixture.whenStable();

    const req = http.expectOne('/api/me/consents');
    expect(req.request.method).toBe('PUT');
    expect(req.request.body).toEqual({ purpose: 'publication', granted: true });
    req.flush(consents({ publication: true }));
    await flushMicrotasks();
    await fixture.whenStable();

    expect(page.querySelector('[data-testid="consents-status"]')?.getAttribute('role')).toBe('status');
    expect(status()).toBe('Gespeichert: Einwilligung „In Veröffentlichungen genannt werden“ erteilt.');
    expect(toggle('publication').getAttribute('aria-checked')).toBe('true');
    expect(toggle('research').getAttribute('aria-checked')).toBe('false');
    expect(auth.me()?.consents.find((c) => c.purpose === 'publication')?.granted).toBe(true);
  });

  it('revokes a granted consent', async () => {
    auth.setMe(meFixture({ consents: consents({ research: true }) }));
    await fixture.whenStable();
    expect(toggle('research').getAttribute('aria-checked')).toBe('true');

    toggle('research').click();
    await fixture.whenStable();
    const req = http.expectOne('/api/me/consents');
    expect(req.request.body).toEqual({ purpose: 'research', granted: false });
    req.flush(consents({ research: false }));
    await flushMicrotasks();
    await fixture.whenStable();

    expect(status()).toContain('widerrufen');
    expect(toggle('research').getAttribute('aria-checked')).toBe('false');
  });

  it('puts the switch back and says so when saving fails', async () => {
    toggle('public_listing').click();
    await fixture.whenStable();
    http
      .expectOne('/api/me/consents')
      .flush({ statusCode: 500, code: 'INTERNAL_ERROR', message: 'x', requestId: 'r' }, { status: 500, statusText: 'Error' });
    await flushMicrotasks();
    await fixture.whenStable();

    expect(toggle('public_listing').getAttribute('aria-checked')).toBe('false');
    expect(page.querySelector('[role="alert"]')?.textContent?.trim()).toBe(
      'Die Änderung konnte nicht gespeichert werden. Etwas ist schiefgegangen. Bitte versuchen Sie es später erneut.',
    );
    expect(auth.me()?.consents.every((c) => !c.granted)).toBe(true);
  });
});
