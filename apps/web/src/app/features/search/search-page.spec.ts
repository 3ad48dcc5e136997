import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { SearchGroup, SearchHit, SearchKind, SearchResult } from '@allmende/contracts';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { meFixture } from '../../../testing/me-fixture';
import { AuthStore } from '../../core/auth/auth-store';
import { provideTranslatedPaginator } from '../../shared/translated-paginator-intl';
import { SearchPage } from './search-page';

function hit(kind: SearchKind, n: number, overrides: Partial<SearchHit> = {}): SearchHit {
  return {
    id: `${kind}-${n}`,
    kind,
    title: `${kind} ${n}`,
    snippetHtml: `Text mit <mark>Handwerk</mark> Nr. ${n}`,
    link: `/${kind}s/${kind}-${n}`,
    ...overrides,
  };
}

function group(kind: SearchKind, total: number, items: SearchHit[]): SearchGroup {
  return { kind, total, items };
}

function result(groups: SearchGroup[], page = 1, pageSize = 5): SearchResult {
  return { q: 'Handwerk', groups, page, pageSize };
}

describe('SearchPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let router: Router;

  const el = () => harness.routeNativeElement as HTMLElement;
  const byTestId = (id: string) => el().querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const all = (id: string) => [...el().querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
  const squash = (s: string | null | undefined) => s?.replace(/\s+/g, ' ').trim();

  async function request(): Promise<TestRequest> {
    for (let i = 0; i < 50; i++) {
      TestBed.tick();
      const open = http.match((req) => req.method === 'GET' && req.url === '/api/search');
      if (open.length === 1) return open[0];
      await new Promise((resolve) => setTimeout(resolve));
    }
    throw new Error('no request GET /api/search');
  }

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await harness.fixture.whenStable();
  }

  async function setUp(signedIn = false): Promise<void> {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18nTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        provideRouter([
          { path: 'search', component: SearchPage, providers: [provideTranslatedPaginator()] },
          { path: '**', children: [] },
        ]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    if (signedIn) TestBed.inject(AuthStore).setMe(meFixture());
    harness = await RouterTestingHarness.create();
  }

  /** Opens the URL and answers the search with `body`; returns the request. */
  async function open(url: string, body: SearchResult, signedIn = false): Promise<TestRequest> {
    await setUp(signedIn);
    const navigation = harness.navigateByUrl(url, SearchPage);
    const req = await request();
    req.flush(body);
    await navigation;
    await settle();
    return req;
  }

  afterEach(() => http.verify());

  it('groups the hits by kind, with headings, counts, highlighted snippets and links', async () => {
    const req = await open(
      '/search?q=Handwerk',
      result([
        group('group', 2, [hit('group', 1, { title: 'Digitale Werkstatt Handwerk', link: '/groups/g-1' }), hit('group', 2)]),
        group('card', 7, [1, 2, 3, 4, 5].map((n) => hit('card', n, { link: `/boards/b-1?card=card-${n}` }))),
      ]),
    );
    expect(req.request.params.get('q')).toBe('Handwerk');
    expect(req.request.params.has('kind')).toBe(false);
    expect(req.request.params.has('page')).toBe(false);

    expect(squash(el().querySelector('h1')?.textContent)).toBe('Suche nach „Handwerk“');
    expect(squash(byTestId('search-count')?.textContent)).toBe('9 Treffer');
    expect(byTestId('search-count')?.getAttribute('role')).toBe('status');

    const groups = all('search-group');
    expect(groups.map((g) => squash(g.querySelector('h2')?.textContent))).toEqual(['Arbeitsgruppen (2)', 'Karten (7)']);
    expect(groups[0].getAttribute('aria-labelledby')).toBe(groups[0].querySelector('h2')?.id);

    const first = groups[0].querySelector<HTMLElement>('[data-testid="search-hit"]')!;
    expect(first.querySelector('a')?.textContent?.trim()).toBe('Digitale Werkstatt Handwerk');
    expect(first.querySelector('a')?.getAttribute('href')).toBe('/groups/g-1');
    // the server-escaped snippet is rendered as HTML: the match is marked
    expect(first.querySelector('.snippet mark')?.textContent).toBe('Handwerk');
    // a link with a query string stays one
    expect(groups[1].querySelector('a')?.getAttribute('href')).toBe('/boards/b-1?card=card-1');

    // only the kinds with more hits than shown link to all of them
    expect(groups[0].querySelector('[data-testid="search-show-all"]')).toBeNull();
    const showAll = groups[1].querySelector('[data-testid="search-show-all"]');
    expect(squash(showAll?.textContent)).toBe('Alle 7 anzeigen: Karten');
    expect(showAll?.getAttribute('href')).toBe('/search?q=Handwerk&kind=card');
  });

  it('shows one kind page by page, with a paginator that keeps the page in the URL', async () => {
    const req = await open(
      '/search?q=Handwerk&kind=card&page=2',
      result([group('card', 45, [hit('card', 21), hit('card', 22)])], 2, 20),
    );
    expect(req.request.params.get('kind')).toBe('card');
    expect(req.request.params.get('page')).toBe('2');
    expect(req.request.params.get('pageSize')).toBe('20');

    expect(squash(byTestId('search-count')?.textContent)).toBe('Karten: 45 Treffer');
    expect(squash(el().querySelector('h2')?.textContent)).toBe('Karten (45)');
    expect(all('search-hit')).toHaveLength(2);
    expect(byTestId('search-back')?.getAttribute('href')).toBe('/search?q=Handwerk');
    expect(squash(el().querySelector('.mat-mdc-paginator-range-label')?.textContent)).toBe('21–40 von 45');

    el().querySelector<HTMLButtonElement>('button.mat-mdc-paginator-navigation-next')!.click();
    const next = await request();
    expect(router.url).toBe('/search?q=Handwerk&kind=card&page=3');
    expect(next.request.params.get('page')).toBe('3');
    next.flush(result([group('card', 45, [hit('card', 41)])], 3, 20));
    await settle();
    expect(all('search-hit')).toHaveLength(1);
  });

  it('searches again from its own field; a new search shows all kinds', async () => {
    await open('/search?q=Handwerk&kind=card', result([group('card', 1, [hit('card', 1)])], 1, 20));
    const input = byTestId('search-input') as HTMLInputElement;
    expect(input.value).toBe('Handwerk');
    expect(el().querySelector(`label[for="${input.id}"]`)?.textContent?.trim()).toBe('Suchbegriff');

    input.value = 'Innenstadt';
    input.dispatchEvent(new Event('input'));
    byTestId('search-form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    const req = await request();
    expect(router.url).toBe('/search?q=Innenstadt');
    expect(req.request.params.get('q')).toBe('Innenstadt');
    expect(req.request.params.has('kind')).toBe(false);
    req.flush(result([]));
    await settle();
  });

  it('explains an empty result and suggests where to look', async () => {
    await open('/search?q=Quantencomputer', { ...result([]), q: 'Quantencomputer' });
    const empty = byTestId('search-empty');
    expect(squash(empty?.textContent)).toContain('Keine Treffer für „Quantencomputer“.');
    expect([...empty!.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['/groups', '/meetings', '/organisations']);
    expect(squash(byTestId('search-count')?.textContent)).toBe('0 Treffer');
  });

  it('asks for a search term, and for at least two characters, without asking the API', async () => {
    await setUp();
    await harness.navigateByUrl('/search', SearchPage);
    await settle();
    expect(squash(el().querySelector('h1')?.textContent)).toBe('Suche');
    expect(byTestId('search-prompt')).not.toBeNull();

    await harness.navigateByUrl('/search?q=H', SearchPage);
    await settle();
    expect(squash(byTestId('search-too-short')?.textContent)).toBe('Bitte geben Sie mindestens 2 Zeichen ein.');
    http.expectNone('/api/search');
  });

  it('shows a failure with a retry; a rejected query (400) as the hint', async () => {
    await setUp();
    const navigation = harness.navigateByUrl('/search?q=Handwerk', SearchPage);
    (await request()).flush({ code: 'INTERNAL' }, { status: 500, statusText: 'Server Error' });
    await navigation;
    await settle();
    const error = byTestId('search-error');
    expect(error?.getAttribute('role')).toBe('alert');
    expect(squash(error?.textContent)).toContain('Die Suche hat nicht geklappt.');

    error!.querySelector('button')!.click();
    (await request()).flush(result([group('group', 1, [hit('group', 1)])]));
    await settle();
    expect(byTestId('search-error')).toBeNull();
    expect(all('search-hit')).toHaveLength(1);

    await harness.navigateByUrl('/search?q=%3F%3F', SearchPage);
    (await request()).flush({ code: 'VALIDATION_FAILED' }, { status: 400, statusText: 'Bad Request' });
    await settle();
    expect(byTestId('search-too-short')).not.toBeNull();
    expect(byTestId('search-error')).toBeNull();
  });

  it('tells visitors that signing in finds more; signed-in persons do not see that', async () => {
    await open('/search?q=Handwerk', result([group('group', 1, [hit('group', 1)])]));
    const hint = byTestId('search-sign-in-hint');
    expect(squash(hint?.textContent)).toContain('Angemeldet durchsucht die Suche auch Diskussionen');
    expect(hint?.querySelector('a')?.getAttribute('href')).toBe('/login?returnUrl=%2Fsearch%3Fq%3DHandwerk');
    TestBed.resetTestingModule();

    await open('/search?q=Handwerk', result([group('discussion', 1, [hit('discussion', 1)])]), true);
    expect(byTestId('search-sign-in-hint')).toBeNull();
    expect(squash(el().querySelector('h2')?.textContent)).toBe('Diskussionsbeiträge (1)');
  });
});
