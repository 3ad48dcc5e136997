import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatPaginatorHarness } from '@angular/material/paginator/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSlideToggleHarness } from '@angular/material/slide-toggle/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { WorkingGroupPage, WorkingGroupSummaryDto } from '@allmende/contracts';
import { ACTION_FIELDS, HANDEL_ID, HANDWERK_ID, groupSummary } from '../../../testing/group-fixtures';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { meFixture } from '../../../testing/me-fixture';
import { AuthStore } from '../../core/auth/auth-store';
import { provideTranslatedPaginator } from '../../shared/translated-paginator-intl';
import { GroupsPage } from './groups-page';

function page(items: WorkingGroupSummaryDto[], total = items.length, pageNo = 1, pageSize = 24): WorkingGroupPage {
  return { items, total, page: pageNo, pageSize };
}

describe('GroupsPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let router: Router;

  const el = () => harness.routeNativeElement as HTMLElement;
  const loader = () => TestbedHarnessEnvironment.loader(harness.fixture);

  /** Waits for the list request the last action caused (navigations are async) and returns it. */
  async function groupsRequest(): Promise<TestRequest> {
    for (let i = 0; i < 200; i++) {
      TestBed.tick();
      const open = http.match((req) => req.url === '/api/working-groups');
      if (open.length === 1) {
        expect(open[0].request.method).toBe('GET');
        return open[0];
      }
      expect(open.length).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error('no request to /api/working-groups');
  }

  function params(request: TestRequest): Record<string, string> {
    const p = request.request.params;
    return Object.fromEntries(p.keys().map((key) => [key, p.get(key) as string]));
  }

  async function open(url: string): Promise<TestRequest> {
    harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl(url, GroupsPage);
    const groups = await groupsRequest();
    http.expectOne('/api/action-fields').flush(ACTION_FIELDS);
    await navigation;
    return groups;
  }

  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
  }

  function configure(signedIn: boolean): void {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18nTesting(),
        provideRouter(
          [
            { path: 'groups', component: GroupsPage, providers: [provideTranslatedPaginator()] },
            { path: 'groups/new', children: [] },
            { path: 'groups/:id', children: [] },
          ],
          withComponentInputBinding(),
        ),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    if (signedIn) TestBed.inject(AuthStore).setMe(meFixture());
  }

  afterEach(() => http.verify());

  describe('signed out', () => {
    beforeEach(() => configure(false));

    it('sends the filters from the URL with the request, but not "only mine"', async () => {
      const request = await open(`/groups?q=Werkstatt&actionField=${HANDWERK_ID}&state=active&mine=true&page=2`);

      expect(params(request)).toEqual({ q: 'Werkstatt', actionField: HANDWERK_ID, state: 'active', page: '2', pageSize: '24' });
      request.flush(page([groupSummary()], 25, 2));
      await settle();

      const field = await loader().getHarness(MatSelectHarness.with({ selector: '[data-testid="filter-action-field"]' }));
      expect(await field.getValueText()).toBe('Handwerk');
      const state = await loader().getHarness(MatSelectHarness.with({ selector: '[data-testid="filter-state"]' }));
      expect(await state.getValueText()).toBe('Aktiv');
      // neither the toggle nor the propose button without an account
      expect(el().querySelector('[data-testid="filter-mine"]')).toBeNull();
      expect(el().querySelector('[data-testid="propose-group"]')).toBeNull();
    });

    it('ignores unknown filter values in the URL', async () => {
      const request = await open('/groups?state=sleeping&actionField=handwerk&page=-1&pageSize=7');
      expect(params(request)).toEqual({ page: '1', pageSize: '24' });
      request.flush(page([]));
      await settle();
      expect(el().querySelector('[data-testid="groups-empty"]')?.textContent).toContain('Es gibt noch keine Arbeitsgruppen.');
    });

    it('puts a chosen filter into the URL, back on page 1, and loads again', async () => {
      (await open('/groups?page=3')).flush(page([groupSummary()], 60, 3));
      await settle();

      const state = await loader().getHarness(MatSelectHarness.with({ selector: '[data-testid="filter-state"]' }));
      await state.open();
      // every state of the lifecycle, in German
      expect(await Promise.all((await state.getOptions()).map((o) => o.getText()))).toEqual([
        'Alle',
        'Vorgeschlagen',
        'Beschlossen',
        'Aktiv',
        'Ruhend',
        'Aufgelöst',
        'Verstetigt',
      ]);
      const chosen = state.clickOptions({ text: 'Ruhend' });
      const request = await groupsRequest();
      expect(params(request)).toEqual({ state: 'dormant', page: '1', pageSize: '24' });
      request.flush(page([]));
      await chosen;
      await settle();
      expect(router.url).toBe('/groups?state=dormant');

      const field = await loader().getHarness(MatSelectHarness.with({ selector: '[data-testid="filter-action-field"]' }));
      await field.open();
      expect(await Promise.all((await field.getOptions()).map((o) => o.getText()))).toEqual(['Alle', 'Handwerk', 'Handel der Zukunft']);
      const chosenField = field.clickOptions({ text: 'Handel der Zukunft' });
      const second = await groupsRequest();
      expect(params(second)).toEqual({ actionField: HANDEL_ID, state: 'dormant', page: '1', pageSize: '24' });
      second.flush(page([]));
      await chosenField;
      expect(router.url).toBe(`/groups?actionField=${HANDEL_ID}&state=dormant`);
    });

    it('searches on submit and pages through the results', async () => {
      (await open('/groups')).flush(page([groupSummary()], 30));
      await settle();

      const input = el().querySelector<HTMLInputElement>('[data-testid="groups-search"]');
      if (!input) throw new Error('no search box');
      input.value = '  Werkstatt ';
      input.dispatchEvent(new Event('input'));
      input.form?.requestSubmit();

      const search = await groupsRequest();
      expect(params(search)).toEqual({ q: 'Werkstatt', page: '1', pageSize: '24' });
      search.flush(page([groupSummary()], 30));
      await settle();
      expect(router.url).toBe('/groups?q=Werkstatt');

      const paginator = await loader().getHarness(MatPaginatorHarness);
      expect(await paginator.getRangeLabel()).toBe('1–24 von 30');
      const paged = paginator.goToNextPage();
      const next = await groupsRequest();
      expect(params(next)).toEqual({ q: 'Werkstatt', page: '2', pageSize: '24' });
      next.flush(page([groupSummary()], 30, 2));
      await paged;
      expect(router.url).toBe('/groups?q=Werkstatt&page=2');
    });

    it('shows each group with its link, field, state, badges and member count', async () => {
      (await open('/groups')).flush(
        page([
          groupSummary({ id: 'g1', memberCount: 7 }),
          groupSummary({ id: 'g2', name: 'Reallabor Maschinenring', realWorldLab: true, access: 'closed', memberCount: 1, actionFieldId: HANDEL_ID, state: 'dormant' }),
        ]),
      );
      await settle();

      expect(el().querySelectorAll('h1')).toHaveLength(1);
      const cards = el().querySelectorAll<HTMLElement>('[data-testid="group-card"]');
      expect(cards).toHaveLength(2);
      const link = cards[0].querySelector('h2 a');
      expect(link?.textContent?.trim()).toBe('Digitale Werkstatt Handwerk');
      expect(link?.getAttribute('href')).toBe('/groups/g1');
      expect(cards[0].style.getPropertyValue('--alm-accent')).toBe('#8a4b08');
      expect(cards[0].textContent).toContain('Handlungsfeld: Handwerk');
      expect(cards[0].querySelector('[data-testid="group-state"]')?.textContent?.trim()).toBe('Status: Aktiv');
      expect(cards[0].querySelector('[data-testid="group-member-count"]')?.textContent?.trim()).toBe('7 Mitglieder');
      expect(cards[0].querySelector('[data-testid="group-lab"]')).toBeNull();
      expect(cards[0].querySelector('[data-testid="group-closed"]')).toBeNull();

      expect(cards[1].textContent).toContain('Handel der Zukunft');
      expect(cards[1].querySelector('[data-testid="group-state"]')?.textContent).toContain('Ruhend');
      expect(cards[1].querySelector('[data-testid="group-lab"]')?.textContent?.trim()).toBe('Reallabor');
      expect(cards[1].querySelector('[data-testid="group-closed"]')?.textContent?.trim()).toBe('Geschlossen');
      expect(cards[1].querySelector('[data-testid="group-member-count"]')?.textContent?.trim()).toBe('1 Mitglied');
      expect(el().querySelector('[data-testid="groups-count"]')?.textContent?.trim()).toBe('Gefundene Arbeitsgruppen: 2');
    });

    it('shows an error with a retry button', async () => {
      (await open('/groups')).flush({ code: 'INTERNAL_ERROR' }, { status: 500, statusText: 'Server Error' });
      await settle();

      const alert = el().querySelector('[role="alert"]');
      expect(alert?.textContent).toContain('Die Arbeitsgruppen konnten nicht geladen werden.');
      alert?.querySelector('button')?.click();
      (await groupsRequest()).flush(page([groupSummary()]));
      await settle();
      expect(el().querySelectorAll('[data-testid="group-card"]')).toHaveLength(1);
    });
  });

  describe('signed in', () => {
    beforeEach(() => configure(true));

    it('filters to my groups with the toggle and shows my role', async () => {
      (await open('/groups')).flush(page([groupSummary()]));
      await settle();

      const propose = el().querySelector('[data-testid="propose-group"]');
      expect(propose?.textContent?.trim()).toBe('Gruppe vorschlagen');
      expect(propose?.getAttribute('href')).toBe('/groups/new');

      const toggle = await loader().getHarness(MatSlideToggleHarness.with({ label: 'Nur meine' }));
      expect(await toggle.isChecked()).toBe(false);
      const toggled = toggle.toggle();
      const request = await groupsRequest();
      expect(params(request)).toEqual({ mine: 'true', page: '1', pageSize: '24' });
      request.flush(page([groupSummary({ myRole: 'co_lead' }), groupSummary({ id: 'g2', myRole: 'pending', access: 'closed' })]));
      await toggled;
      await settle();

      expect(router.url).toBe('/groups?mine=true');
      expect(await toggle.isChecked()).toBe(true);
      const roles = [...el().querySelectorAll('[data-testid="group-my-role"]')].map((r) => r.textContent?.trim());
      expect(roles).toEqual(['Meine Rolle: Ko-Leitung', 'Anfrage gesendet']);
    });
  });
});
