import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatPaginatorHarness } from '@angular/material/paginator/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ActionFieldDto, DirectoryPersonDto, Page } from '@allmende/contracts';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { provideTranslatedPaginator } from '../../shared/translated-paginator-intl';
import { DirectoryPage } from './directory-page';

const HANDWERK = '11111111-1111-4111-8111-111111111111';
const HANDEL = '22222222-2222-4222-8222-222222222222';

const FIELDS: ActionFieldDto[] = [
  { id: HANDEL, slug: 'handel', nameDe: 'Handel der Zukunft', nameEn: 'Retail of the future', descriptionDe: '', descriptionEn: '', color: '#005cbb', icon: 'store', position: 2, archived: false },
  { id: HANDWERK, slug: 'handwerk', nameDe: 'Handwerk', nameEn: 'Crafts', descriptionDe: '', descriptionEn: '', color: '#8a4b08', icon: 'handyman', position: 1, archived: false },
];

const BRINKMANN: DirectoryPersonDto = {
  id: 'p1',
  displayName: 'Jana Brinkmann',
  bio: 'Tischlermeisterin in dritter Generation',
  interests: [HANDWERK],
  organisations: [{ id: 'o1', name: 'Tischlerei Brinkmann', actorType: 'business', sector: 'crafts', role: 'representative' }],
};

function page(items: DirectoryPersonDto[], total = items.length, pageNo = 1, pageSize = 24): Page<DirectoryPersonDto> {
  return { items, total, page: pageNo, pageSize };
}

describe('DirectoryPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let router: Router;

  const el = () => harness.routeNativeElement as HTMLElement;
  const loader = () => TestbedHarnessEnvironment.loader(harness.fixture);

  /**
   * Waits for the members request the last action caused (navigations are async) and returns it.
   * Do not await stability before: an open request keeps the app unstable.
   */
  async function membersRequest(): Promise<TestRequest> {
    for (let i = 0; i < 50; i++) {
      TestBed.tick();
      const open = http.match((req) => req.url === '/api/members');
      if (open.length === 1) {
        expect(open[0].request.method).toBe('GET');
        return open[0];
      }
      expect(open.length).toBe(0);
      await new Promise((resolve) => setTimeout(resolve));
    }
    throw new Error('no request to /api/members');
  }

  function params(request: TestRequest): Record<string, string> {
    const p = request.request.params;
    return Object.fromEntries(p.keys().map((key) => [key, p.get(key) as string]));
  }

  async function open(url: string): Promise<TestRequest> {
    harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl(url, DirectoryPage);
    const members = await membersRequest();
    http.expectOne('/api/action-fields').flush(FIELDS);
    await navigation;
    return members;
  }

  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
  }

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18nTesting(),
        provideRouter(
          [
            { path: 'directory', component: DirectoryPage, providers: [provideTranslatedPaginator()] },
            { path: 'organisations/:id', children: [] },
          ],
          withComponentInputBinding(),
        ),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
  });

  afterEach(() => http.verify());

  it('sends the filters from the URL with the request', async () => {
    const request = await open(`/directory?q=Brink&actorType=business&sector=crafts&actionField=${HANDWERK}&page=2`);

    expect(params(request)).toEqual({
      q: 'Brink',
      actorType: 'business',
      sector: 'crafts',
      actionField: HANDWERK,
      page: '2',
      pageSize: '24',
    });
    request.flush(page([BRINKMANN], 25, 2));
    await settle();

    // the selects show the filters of the URL
    const actorType = await loader().getHarness(MatSelectHarness.with({ selector: '[data-testid="filter-actor-type"]' }));
    expect(await actorType.getValueText()).toBe('Unternehmen');
    const field = await loader().getHarness(MatSelectHarness.with({ selector: '[data-testid="filter-action-field"]' }));
    expect(await field.getValueText()).toBe('Handwerk');
  });

  it('ignores unknown filter values in the URL', async () => {
    const request = await open('/directory?actorType=pirates&sector=&actionField=not-a-uuid&page=-3');

    expect(params(request)).toEqual({ page: '1', pageSize: '24' });
    request.flush(page([]));
    await settle();
  });

  it('puts a chosen filter into the URL, back on page 1, and loads again', async () => {
    (await open('/directory?page=3')).flush(page([BRINKMANN], 60, 3));
    await settle();

    const sector = await loader().getHarness(MatSelectHarness.with({ selector: '[data-testid="filter-sector"]' }));
    await sector.open();
    const chosen = sector.clickOptions({ text: 'Handwerk' });
    const request = await membersRequest();
    expect(params(request)).toEqual({ sector: 'crafts', page: '1', pageSize: '24' });
    request.flush(page([BRINKMANN]));
    await chosen;
    await settle();
    expect(router.url).toBe('/directory?sector=crafts');

    const field = await loader().getHarness(MatSelectHarness.with({ selector: '[data-testid="filter-action-field"]' }));
    await field.open();
    // action fields in their configured order, in the UI language
    expect(await Promise.all((await field.getOptions()).map((o) => o.getText()))).toEqual(['Alle', 'Handwerk', 'Handel der Zukunft']);
    const chosenField = field.clickOptions({ text: 'Handel der Zukunft' });
    const second = await membersRequest();
    expect(params(second)).toEqual({ sector: 'crafts', actionField: HANDEL, page: '1', pageSize: '24' });
    second.flush(page([]));
    await chosenField;
    expect(router.url).toBe(`/directory?sector=crafts&actionField=${HANDEL}`);
  });

  it('searches on submit and pages through the results', async () => {
    (await open('/directory')).flush(page([BRINKMANN], 30));
    await settle();

    const input = el().querySelector<HTMLInputElement>('[data-testid="directory-search"]');
    if (!input) throw new Error('no search box');
    input.value = '  Tischlerei ';
    input.dispatchEvent(new Event('input'));
    input.form?.requestSubmit();

    const search = await membersRequest();
    expect(params(search)).toEqual({ q: 'Tischlerei', page: '1', pageSize: '24' });
    expect(router.url).toBe('/directory?q=Tischlerei');
    search.flush(page([BRINKMANN], 30));
    await settle();

    const paginator = await loader().getHarness(MatPaginatorHarness);
    expect(await paginator.getRangeLabel()).toBe('1–24 von 30');
    const paged = paginator.goToNextPage();
    const next = await membersRequest();
    expect(params(next)).toEqual({ q: 'Tischlerei', page: '2', pageSize: '24' });
    next.flush(page([BRINKMANN], 30, 2));
    await paged;
    expect(router.url).toBe('/directory?q=Tischlerei&page=2');
  });

  it('shows persons with linked organisations, bio and interests', async () => {
    (await open('/directory')).flush(page([BRINKMANN]));
    await settle();

    expect(el().querySelectorAll('h1')).toHaveLength(1);
    const cards = el().querySelectorAll('[data-testid="directory-person"]');
    expect(cards).toHaveLength(1);
    expect(cards[0].querySelector('h2')?.textContent?.trim()).toBe('Jana Brinkmann');
    const link = cards[0].querySelector<HTMLAnchorElement>('a');
    expect(link?.textContent?.trim()).toBe('Tischlerei Brinkmann');
    expect(link?.getAttribute('href')).toBe('/organisations/o1');
    expect(cards[0].querySelector('li')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Tischlerei Brinkmann (Unternehmen, Handwerk)');
    expect(cards[0].textContent).toContain('Tischlermeisterin in dritter Generation');
    expect(cards[0].textContent).toContain('Interessen: Handwerk');
    expect(el().querySelector('[data-testid="directory-count"]')?.textContent?.trim()).toBe('Gefundene Personen: 1');
  });

  it('shows an empty state with a way back when filters find nobody', async () => {
    (await open('/directory?actorType=science')).flush(page([]));
    await settle();

    const empty = el().querySelector('[data-testid="directory-empty"]');
    expect(empty?.textContent).toContain('Keine Mitglieder passen zu Ihrer Suche.');
    empty?.querySelector('button')?.click();

    (await membersRequest()).flush(page([BRINKMANN]));
    await settle();
    expect(router.url).toBe('/directory');
  });

  it('shows an error with a retry button', async () => {
    (await open('/directory')).flush({ code: 'INTERNAL_ERROR' }, { status: 500, statusText: 'Server Error' });
    await settle();

    const alert = el().querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Das Mitgliederverzeichnis konnte nicht geladen werden.');
    alert?.querySelector('button')?.click();
    (await membersRequest()).flush(page([BRINKMANN]));
    await settle();

    expect(el().querySelector('[role="alert"]')).toBeNull();
    expect(el().querySelectorAll('[data-testid="directory-person"]')).toHaveLength(1);
  });
});
