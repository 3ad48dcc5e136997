import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, TitleStrategy, provideRouter } from '@angular/router';
import { provideI18nTesting } from '../testing/i18n-testing';
import { App } from './app';
import { appRoutes } from './app.routes';
import { LANGUAGE_STORAGE_KEY } from './core/i18n/language';
import { TranslatedTitleStrategy } from './core/routing/translated-title-strategy';
import { AuthStore } from './core/auth/auth-store';
import { meFixture } from '../testing/me-fixture';

describe('App shell', () => {
  let fixture: ComponentFixture<App>;
  let root: HTMLElement;

  const languageButton = (lang: string) =>
    root.querySelector<HTMLButtonElement>(`[role="group"] button[lang="${lang}"]`);

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [App],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter(appRoutes),
        { provide: TitleStrategy, useExisting: TranslatedTitleStrategy },
        provideI18nTesting(),
      ],
    });
    fixture = TestBed.createComponent(App);
    root = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('renders skip link, banner with product name, main landmark and footer', () => {
    const skip = root.querySelector('a.skip-link');
    expect(skip?.getAttribute('href')).toBe('#main');
    expect(skip?.textContent?.trim()).toBe('Zum Inhalt springen');

    const header = root.querySelector('header');
    expect(header?.textContent).toContain('Allmende');
    expect(header?.textContent).toContain('Wirtschaftsallianz Bottrop');

    expect(root.querySelectorAll('main#main')).toHaveLength(1);
    expect(root.querySelector('footer')?.textContent).toContain('Allmende');
  });

  it('moves focus to main content via the skip link', () => {
    root.querySelector<HTMLAnchorElement>('a.skip-link')?.click();
    expect(document.activeElement?.id).toBe('main');
  });

  it('offers a language switch that marks the active language', async () => {
    const group = root.querySelector('[role="group"]');
    expect(group?.getAttribute('aria-label')).toBe('Sprache wählen');
    expect(languageButton('de')?.getAttribute('aria-pressed')).toBe('true');
    expect(languageButton('en')?.getAttribute('aria-pressed')).toBe('false');

    languageButton('en')?.click();
    await fixture.whenStable();

    expect(languageButton('en')?.getAttribute('aria-pressed')).toBe('true');
    expect(languageButton('de')?.getAttribute('aria-pressed')).toBe('false');
    expect(group?.getAttribute('aria-label')).toBe('Choose language');
    expect(root.querySelector('a.skip-link')?.textContent?.trim()).toBe('Skip to content');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
  });

  it('shows the not-found page for unknown URLs, with a translated document title', async () => {
    await TestBed.inject(Router).navigateByUrl('/gibt-es-nicht');
    await fixture.whenStable();

    const main = root.querySelector('main');
    expect(main?.querySelectorAll('h1')).toHaveLength(1);
    expect(main?.querySelector('h1')?.textContent?.trim()).toBe('Seite nicht gefunden');
    expect(main?.querySelector('a')?.getAttribute('href')).toBe('/');
    expect(document.title).toBe('Seite nicht gefunden · Allmende');

    languageButton('en')?.click();
    await fixture.whenStable();

    expect(document.title).toBe('Page not found · Allmende');
    expect(main?.querySelector('h1')?.textContent?.trim()).toBe('Page not found');
  });

  /** Answers the public page's requests (strategy, fields, groups, conferences, counts) with empty data. */
  function flushAboutPage(): void {
    const http = TestBed.inject(HttpTestingController);
    http.expectOne('/api/strategy').flush({ mission: null, goals: [], canEdit: false });
    http.expectOne('/api/action-fields').flush([]);
    for (const url of ['/api/working-groups', '/api/meetings', '/api/members', '/api/organisations']) {
      http.expectOne((req) => req.url === url).flush({ items: [], total: 0, page: 1, pageSize: 1 });
    }
  }

  it('shows visitors the alliance at the start, with its title and description', async () => {
    await TestBed.inject(Router).navigateByUrl('/');
    TestBed.tick();
    flushAboutPage();
    await fixture.whenStable();

    expect(document.title).toBe('Die Allianz · Allmende');
    expect(root.querySelector('main h1')?.textContent?.trim()).toBe('Die Wirtschaftsallianz Bottrop');
    expect(document.querySelector('meta[name="description"]')?.getAttribute('content')).toMatch(/^Die Wirtschaftsallianz Bottrop:/);
  });

  it('keeps the action fields at /action-fields', async () => {
    await TestBed.inject(Router).navigateByUrl('/action-fields');
    TestBed.tick();
    TestBed.inject(HttpTestingController).expectOne('/api/action-fields').flush([]);
    await fixture.whenStable();

    expect(document.title).toBe('Handlungsfelder · Allmende');
    expect(root.querySelector('main h1')?.textContent?.trim()).toBe('Handlungsfelder der Allianz');
  });

  it('shows signed-in persons their start page at /, and the alliance again after signing out', async () => {
    const http = TestBed.inject(HttpTestingController);
    const auth = TestBed.inject(AuthStore);
    auth.setMe(meFixture());
    await TestBed.inject(Router).navigateByUrl('/');
    TestBed.tick();
    http.expectOne('/api/me/start').flush({ groups: [], meetings: [], unreadThreads: [], cards: [], openPolls: [], officeTasks: null });
    await fixture.whenStable();
    expect(document.title).toBe('Meine Startseite · Allmende');
    expect(root.querySelector('main h1')?.textContent?.trim()).toBe('Willkommen, Anna Beispiel');

    const logout = auth.logout();
    http.expectOne('/api/auth/logout').flush(null, { status: 204, statusText: 'No Content' });
    await logout;
    TestBed.tick();
    flushAboutPage();
    await fixture.whenStable();
    expect(root.querySelector('main h1')?.textContent?.trim()).toBe('Die Wirtschaftsallianz Bottrop');
    // the bell in the app bar (loaded when idle while signed in) asked for the notifications
    for (let i = 0; i < 50 && http.match('/api/notifications').length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  });

  it('leads /members (where the search links persons) to the member directory, with the query', async () => {
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/members?q=Anna%20Overbeck');
    expect(router.url).toBe('/directory?q=Anna%20Overbeck');
    TestBed.tick();
    TestBed.inject(HttpTestingController)
      .match(() => true)
      .forEach((req) => req.flush(req.request.url.endsWith('action-fields') ? [] : { items: [], total: 0, page: 1, pageSize: 24 }));
    await fixture.whenStable();
  });
});
