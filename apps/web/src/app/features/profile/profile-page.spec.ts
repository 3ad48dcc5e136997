import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { ActionFieldDto, MeDto } from '@allmende/contracts';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { meFixture } from '../../../testing/me-fixture';
import { AuthStore } from '../../core/auth/auth-store';
import { LanguageService } from '../../core/i18n/language-service';
import { ProfilePage } from './profile-page';

const FIELDS: ActionFieldDto[] = [
  { id: 'f-1', slug: 'handwerk', nameDe: 'Handwerk', nameEn: 'Crafts', descriptionDe: '', descriptionEn: '', color: '#000', icon: 'x', position: 1, archived: false },
  { id: 'f-2', slug: 'handel', nameDe: 'Handel der Zukunft', nameEn: 'Retail of the future', descriptionDe: '', descriptionEn: '', color: '#000', icon: 'x', position: 2, archived: false },
];

// The page renders seven sections with Material forms: allow for slow, busy CI machines.
jest.setTimeout(20_000);

describe('ProfilePage', () => {
  let fixture: ComponentFixture<ProfilePage>;
  let page: HTMLElement;
  let http: HttpTestingController;
  let auth: AuthStore;

  const flushMicrotasks = () => new Promise((resolve) => setTimeout(resolve));
  const input = (name: string) => page.querySelector<HTMLInputElement>(`[formcontrolname="${name}"]`)!;
  function type(name: string, value: string): void {
    const el = input(name);
    el.value = value;
    el.dispatchEvent(new Event('input'));
    el.dispatchEvent(new Event('blur'));
  }

  async function render(me: MeDto): Promise<void> {
    auth.setMe(me);
    fixture = TestBed.createComponent(ProfilePage);
    page = fixture.nativeElement;
    TestBed.tick();
    http.expectOne('/api/action-fields').flush(FIELDS);
    http.expectOne('/api/me/notification-settings').flush({ digest: 'off' });
    await fixture.whenStable();
  }

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [ProfilePage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideI18nTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    auth = TestBed.inject(AuthStore);
  });

  afterEach(() => http.verify());

  it('has one h1 and a labelled section per topic', async () => {
    await render(meFixture());
    expect(page.querySelectorAll('h1')).toHaveLength(1);
    expect(page.querySelector('h1')?.textContent?.trim()).toBe('Mein Profil');
    const sections = [...page.querySelectorAll('section')].map((s) => page.querySelector(`#${s.getAttribute('aria-labelledby')}`)?.textContent?.trim());
    expect(sections).toEqual([
      'Mitgliedschaft in der Allianz',
      'Persönliche Angaben',
      'Einwilligungen',
      'Benachrichtigungen per E-Mail',
      'Meine Organisationen',
      'Passwort ändern',
      'Konto löschen',
    ]);
  });

  it('shows the membership status and the way to the charter', async () => {
    await render(
      meFixture({
        membership: { status: 'signatory', awaitingApproval: true, signedVersion: 2, signedAt: '2026-03-01T10:00:00Z', confirmationPending: true },
      }),
    );
    expect(page.querySelector('[data-testid="membership-status"]')?.textContent).toContain('Unterzeichnet');
    expect(page.querySelector('[data-testid="membership-awaiting"]')?.textContent).toContain('Geschäftsstelle');
    expect(page.textContent).toContain('Fassung 2 unterzeichnet am 1. März 2026');
    const confirm = page.querySelector('[data-testid="membership-confirmation"] a');
    expect(confirm?.getAttribute('href')).toBe('/charter');
  });

  it('lists my organisations with links and marks pending confirmations', async () => {
    await render(
      meFixture({
        affiliations: [
          { id: 'a1', organisationId: 'o-1', organisationName: 'Kamps Bäckerei', actorType: 'business', role: 'representative', confirmedAt: '2026-01-01T00:00:00Z' },
          { id: 'a2', organisationId: 'o-2', organisationName: 'Hochschule Ruhr West', actorType: 'science', role: 'employee', confirmedAt: null },
        ],
      }),
    );
    const items = page.querySelectorAll('[data-testid="organisations-list"] li');
    expect(items).toHaveLength(2);
    expect(items[0].querySelector('a')?.getAttribute('href')).toBe('/organisations/o-1');
    expect(items[0].querySelector('[data-testid="affiliation-pending"]')).toBeNull();
    expect(items[1].querySelector('[data-testid="affiliation-pending"]')?.textContent).toContain('Bestätigung ausstehend');
    const links = [...page.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(expect.arrayContaining(['/organisations/new', '/directory']));
  });

  it('shows action fields as interest checkboxes in the current language', async () => {
    await render(meFixture({ interests: ['f-2'] }));
    const labels = () => [...page.querySelectorAll('[data-testid="interests"] mat-checkbox label')].map((l) => l.textContent?.trim());
    expect(labels()).toEqual(['Handwerk', 'Handel der Zukunft']);
    const boxes = page.querySelectorAll<HTMLInputElement>('[data-testid="interests"] input[type="checkbox"]');
    expect([...boxes].map((b) => b.checked)).toEqual([false, true]);
    expect(page.querySelector('[data-testid="interests"] legend')?.textContent).toContain('Meine Interessen');

    TestBed.inject(LanguageService).use('en');
    await fixture.whenStable();
    expect(labels()).toEqual(['Crafts', 'Retail of the future']);
  });

  it('saves the profile and confirms it', async () => {
    await render(meFixture({ interests: ['f-2'] }));
    type('displayName', 'Anna B. Beispiel');
    type('phone', '+49 2041 123456');
    page.querySelector<HTMLInputElement>('[data-testid="interests"] input[type="checkbox"]')!.click();
    await fixture.whenStable();
    page.querySelector<HTMLButtonElement>('alm-profile-form button[type="submit"]')!.click();
    await fixture.whenStable();

    const req = http.expectOne({ method: 'PATCH', url: '/api/me' });
    expect(req.request.body).toEqual({
      displayName: 'Anna B. Beispiel',
      phone: '+49 2041 123456',
      bio: null,
      locale: 'de',
      interests: ['f-2', 'f-1'],
    });
    req.flush(meFixture({ displayName: 'Anna B. Beispiel', phone: '+49 2041 123456', interests: ['f-2', 'f-1'] }));
    await flushMicrotasks();
    await fixture.whenStable();

    expect(page.querySelector('[data-testid="profile-saved"]')?.textContent).toContain('Ihre Angaben sind gespeichert.');
    expect(auth.me()?.displayName).toBe('Anna B. Beispiel');
    expect(page.querySelector('[data-testid="profile-greeting"]')?.textContent).toContain('Anna B. Beispiel');
  });

  it('rejects an invalid phone number before saving', async () => {
    await render(meFixture());
    type('phone', 'ruf mich an');
    page.querySelector<HTMLButtonElement>('alm-profile-form button[type="submit"]')!.click();
    await fixture.whenStable();
    expect(page.querySelector('alm-profile-form mat-error')?.textContent).toContain('Telefonnummer');
    http.expectNone('/api/me');
  });

  it('changes the password, then signs out and sends to the login', async () => {
    await render(meFixture());
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    type('currentPassword', 'altes-passwort');
    type('newPassword', 'neues-passwort-123');
    type('confirm', 'neues-passwort-123');
    page.querySelector<HTMLButtonElement>('alm-security-section button[type="submit"]')!.click();
    await fixture.whenStable();

    const req = http.expectOne('/api/auth/password/change');
    expect(req.request.body).toEqual({ currentPassword: 'altes-passwort', newPassword: 'neues-passwort-123' });
    req.flush(null, { status: 204, statusText: 'No Content' });
    await flushMicrotasks();

    expect(auth.isSignedIn()).toBe(false);
    expect(navigate).toHaveBeenCalledWith(['/login'], { queryParams: { notice: 'passwordChanged' } });
  });

  it('says so when the current password is wrong', async () => {
    await render(meFixture());
    type('currentPassword', 'falsch');
    type('newPassword', 'neues-passwort-123');
    type('confirm', 'neues-passwort-123');
    page.querySelector<HTMLButtonElement>('alm-security-section button[type="submit"]')!.click();
    await fixture.whenStable();
    http
      .expectOne('/api/auth/password/change')
      .flush({ statusCode: 400, code: 'WRONG_PASSWORD', message: 'x', requestId: 'r' }, { status: 400, statusText: 'Bad Request' });
    await flushMicrotasks();
    await fixture.whenStable();

    expect(page.querySelector('[data-testid="password-error"]')?.textContent).toContain('Das Passwort stimmt nicht.');
    expect(auth.isSignedIn()).toBe(true);
  });
});
