import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { CharterVersionDto, MeDto, MembershipDto } from '@allmende/contracts';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { AuthStore } from '../../core/auth/auth-store';
import { LanguageService } from '../../core/i18n/language-service';
import { CharterPage, maySign } from './charter-page';

const CHARTER: CharterVersionDto = {
  id: 'c2',
  version: 2,
  missionDe: 'Die Wirtschaftsallianz ist eine offene Plattform.',
  missionEn: 'The economic alliance is an open platform.',
  goals: [
    { de: 'Kooperationen stärken', en: 'Strengthen cooperation' },
    { de: 'Die Innenstadt beleben', en: 'Revive the town centre' },
  ],
  publishedAt: '2026-11-01T09:00:00.000Z',
};

const interested: MembershipDto = { status: 'interested', awaitingApproval: false, signedVersion: null, signedAt: null, confirmationPending: false };

function me(membership: MembershipDto): MeDto {
  return {
    id: 'me',
    email: 'nowak@allmende.example',
    displayName: 'Tomasz Nowak',
    phone: null,
    bio: null,
    locale: 'de',
    roles: ['member'],
    interests: [],
    emailVerified: true,
    membership,
    consents: [],
    affiliations: [],
  };
}

describe('maySign', () => {
  it('lets newcomers, leavers and signatories with a new version sign, nobody waiting', () => {
    expect(maySign(interested)).toBe(true);
    expect(maySign({ ...interested, status: 'left' })).toBe(true);
    expect(maySign({ ...interested, awaitingApproval: true })).toBe(false);
    expect(maySign({ ...interested, status: 'active', signedVersion: 2 })).toBe(false);
    expect(maySign({ ...interested, status: 'active', signedVersion: 1, confirmationPending: true })).toBe(true);
    expect(maySign(null)).toBe(false);
  });
});

describe('CharterPage', () => {
  let fixture: ComponentFixture<CharterPage>;
  let http: HttpTestingController;
  let auth: AuthStore;

  const el = () => fixture.nativeElement as HTMLElement;
  const text = (testId: string) => el().querySelector(`[data-testid="${testId}"]`)?.textContent?.replace(/\s+/g, ' ').trim();
  const signButton = () => el().querySelector<HTMLButtonElement>('[data-testid="charter-sign"]');
  const checkbox = () => el().querySelector<HTMLInputElement>('[data-testid="charter-read"] input[type="checkbox"]');

  async function render(membership: MembershipDto | null, charter: CharterVersionDto = CHARTER): Promise<void> {
    if (membership) auth.setMe(me(membership));
    fixture = TestBed.createComponent(CharterPage);
    TestBed.tick();
    http.expectOne('/api/charter').flush(charter);
    await fixture.whenStable();
  }

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideI18nTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    auth = TestBed.inject(AuthStore);
  });

  afterEach(() => http.verify());

  it('shows Leitbild and Leitziele in the UI language', async () => {
    await render(null);

    expect(el().querySelectorAll('h1')).toHaveLength(1);
    expect(text('charter-version')).toBe('Fassung 2, veröffentlicht am 01.11.2026');
    expect(text('charter-mission')).toBe('Die Wirtschaftsallianz ist eine offene Plattform.');
    expect([...el().querySelectorAll('[data-testid="charter-goals"] li')].map((li) => li.textContent?.trim())).toEqual([
      'Kooperationen stärken',
      'Die Innenstadt beleben',
    ]);

    TestBed.inject(LanguageService).use('en');
    await fixture.whenStable();

    expect(text('charter-mission')).toBe('The economic alliance is an open platform.');
    expect(el().querySelector('[data-testid="charter-goals"] li')?.textContent?.trim()).toBe('Strengthen cooperation');
  });

  it('asks signed-out visitors to sign in instead of offering the form', async () => {
    await render(null);

    expect(el().querySelector('[data-testid="charter-sign-form"]')).toBeNull();
    expect(el().querySelector('a[href^="/login"]')?.textContent?.trim()).toBe('Melden Sie sich an, um zu unterzeichnen.');
  });

  it('requires the "I have read" checkbox before signing', async () => {
    await render(interested);
    expect(text('charter-state')).toContain('Unterzeichnen Sie Leitbild und Leitziele');

    signButton()?.click();
    await fixture.whenStable();

    http.expectNone('/api/me/membership/sign');
    expect(text('charter-read-error')).toBe('Bitte bestätigen Sie zuerst, dass Sie Leitbild und Leitziele gelesen haben.');
    expect(checkbox()?.getAttribute('aria-describedby')).toContain('charter-read-error');

    checkbox()?.click();
    await fixture.whenStable();
    expect(el().querySelector('[data-testid="charter-read-error"]')).toBeNull();

    signButton()?.click();
    TestBed.tick();
    const sign = http.expectOne('/api/me/membership/sign');
    expect(sign.request.method).toBe('POST');
    expect(sign.request.body).toEqual({ version: 2 });
    const waiting: MembershipDto = { ...interested, awaitingApproval: true, signedVersion: 2, signedAt: '2026-11-25T10:00:00.000Z' };
    sign.flush(waiting);
    TestBed.tick();
    http.expectOne('/api/me').flush(me(waiting));
    await fixture.whenStable();

    expect(text('charter-notice')).toBe('Vielen Dank für Ihre Unterschrift! Die Geschäftsstelle prüft sie in Kürze.');
    expect(text('charter-state')).toBe(
      'Sie haben Fassung 2 unterzeichnet. Ihre Unterschrift wartet auf die Freigabe durch die Geschäftsstelle.',
    );
    expect(el().querySelector('[data-testid="charter-sign-form"]')).toBeNull();
  });

  it('shows the state without a form while waiting for approval or after signing', async () => {
    await render({ ...interested, awaitingApproval: true, signedVersion: 2 });
    expect(text('charter-state')).toContain('wartet auf die Freigabe durch die Geschäftsstelle');
    expect(el().querySelector('[data-testid="charter-sign-form"]')).toBeNull();

    auth.setMe(me({ ...interested, status: 'active', signedVersion: 2 }));
    await fixture.whenStable();
    expect(text('charter-state')).toBe('Sie haben Fassung 2 unterzeichnet. Ihr Status: Aktiv.');
    expect(el().querySelector('[data-testid="charter-sign-form"]')).toBeNull();
  });

  it('asks signatories to confirm a new version', async () => {
    await render({ ...interested, status: 'active', signedVersion: 1, confirmationPending: true });

    expect(text('charter-state')).toBe('Sie haben Fassung 1 unterzeichnet. Es gibt eine neue Fassung 2 – bitte bestätigen Sie sie.');
    expect(signButton()?.textContent?.trim()).toBe('Neue Fassung bestätigen');
  });

  it('loads the newer text when the signed version is outdated', async () => {
    await render(interested);

    checkbox()?.click();
    await fixture.whenStable();
    signButton()?.click();
    TestBed.tick();
    http
      .expectOne('/api/me/membership/sign')
      .flush(
        { statusCode: 409, code: 'CHARTER_VERSION_OUTDATED', message: 'outdated', requestId: 'r' },
        { status: 409, statusText: 'Conflict' },
      );
    TestBed.tick();
    http.expectOne('/api/charter').flush({ ...CHARTER, id: 'c3', version: 3 });
    await fixture.whenStable();

    expect(text('charter-error')).toContain('Inzwischen gibt es eine neuere Fassung');
    expect(text('charter-version')).toContain('Fassung 3');
    expect(checkbox()?.checked).toBe(false);
  });

  it('says so when no charter was published yet', async () => {
    fixture = TestBed.createComponent(CharterPage);
    TestBed.tick();
    http
      .expectOne('/api/charter')
      .flush({ statusCode: 404, code: 'NO_CHARTER', message: 'none', requestId: 'r' }, { status: 404, statusText: 'Not Found' });
    await fixture.whenStable();

    expect(text('charter-none')).toBe('Es wurde noch kein Leitbild veröffentlicht.');
  });
});
