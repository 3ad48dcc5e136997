import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { ActionFieldDto, CompositionReport, ContinuityReport, OutputsReport, ParticipationReport } from '@allmende/contracts';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import type { ChartSpec } from './chart-types';
import { drawChart } from './chart-loader';
import { ResearchPage } from './research-page';

// Chart.js needs a real canvas: the tests check what is handed to it instead.
jest.mock('./chart-loader', () => ({
  drawChart: jest.fn(() => ({ update: jest.fn(), destroy: jest.fn() })),
}));
const draw = drawChart as jest.MockedFunction<typeof drawChart>;

const FIELD: ActionFieldDto = {
  id: '11111111-1111-4111-8111-111111111111',
  slug: 'innenstadt',
  nameDe: 'Lebendige Innenstadt',
  nameEn: 'Lively town centre',
  descriptionDe: '',
  descriptionEn: '',
  color: '#8a4b08',
  icon: 'storefront',
  position: 1,
  archived: false,
};
const GROUP_ID = '22222222-2222-4222-8222-222222222222';
const n = (value: number) => ({ value, suppressed: false });
const hidden = { value: null, suppressed: true };

const PARTICIPATION: ParticipationReport = {
  groupBy: 'actorType',
  period: 'quarter',
  consentingPersons: 118,
  rows: [
    { period: '2024-Q1', key: 'business', label: 'business', persons: n(40), events: n(130) },
    { period: '2024-Q1', key: 'science', label: 'science', persons: hidden, events: hidden },
    { period: '2024-Q2', key: 'business', label: 'business', persons: n(52), events: n(160) },
  ],
};
const CONTINUITY: ContinuityReport = {
  k: 2,
  n: 4,
  plenaries: [{ id: 'p1', seriesNumber: 17, startsAt: '2024-03-14T16:00:00.000Z' }],
  attendees: n(60),
  atLeastK: n(45),
  share: 0.75,
  cohorts: [{ cohort: '2024-Q1', size: n(20), retention: [{ quarter: '2024-Q1', share: 1 }] }],
};
const COMPOSITION: CompositionReport = {
  alliance: [{ actorType: 'business', persons: n(30) }, { actorType: 'science', persons: n(10) }],
  groups: [{ groupId: GROUP_ID, name: 'Innenstadt', actorTypes: [{ actorType: 'business', persons: n(6) }, { actorType: 'science', persons: hidden }] }],
};
const OUTPUTS: OutputsReport = {
  byGroup: [{ groupId: GROUP_ID, name: 'Innenstadt', stages: { idea: 4, lab: 1 } }],
  byActionField: [{ actionFieldId: FIELD.id, name: 'Lebendige Innenstadt', stages: { idea: 4, lab: 1 } }],
  decisions: [{ method: 'consent', participationLevel: 'co_decide', count: 3 }],
};

describe('ResearchPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  const el = () => harness.routeNativeElement as HTMLElement;
  const q = (id: string) => el().querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const squash = (s: string | null | undefined) => s?.replace(/\s+/g, ' ').trim();
  const tableRows = (table: Element) => [...table.querySelectorAll('tr')].map((tr) => [...tr.children].map((c) => squash(c.textContent)));

  async function request(url: string): Promise<TestRequest> {
    for (let i = 0; i < 50; i++) {
      TestBed.tick();
      const open = http.match((req) => req.method === 'GET' && req.url === url);
      if (open.length === 1) return open[0];
      await new Promise((resolve) => setTimeout(resolve));
    }
    throw new Error(`no request GET ${url}`);
  }

  async function settle(): Promise<void> {
    for (let i = 0; i < 3; i++) {
      await harness.fixture.whenStable();
      await new Promise((resolve) => setTimeout(resolve));
    }
  }

  async function open(url: string): Promise<TestRequest> {
    localStorage.clear();
    draw.mockClear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18nTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        provideRouter([{ path: 'research', component: ResearchPage }, { path: '**', children: [] }]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl(url, ResearchPage);
    const participation = await request('/api/research/participation');
    (await request('/api/action-fields')).flush([FIELD]);
    (await request('/api/working-groups')).flush({ items: [], total: 0, page: 1, pageSize: 100 });
    (await request('/api/research/continuity')).flush(CONTINUITY);
    (await request('/api/research/composition')).flush(COMPOSITION);
    (await request('/api/research/outputs')).flush(OUTPUTS);
    await navigation;
    return participation;
  }

  afterEach(() => http.verify());

  it('explains consent and suppression, and has one h1 and a heading per section', async () => {
    (await open('/research')).flush(PARTICIPATION);
    await settle();
    expect(el().querySelectorAll('h1')).toHaveLength(1);
    expect(el().textContent).toContain('Gezählt werden nur Personen, die in die Nutzung ihrer Daten für die Forschung eingewilligt haben.');
    expect(squash(q('consenting')?.textContent)).toBe('Derzeit haben 118 Personen in die Forschung eingewilligt.');
    expect([...el().querySelectorAll('h2')].map((h) => h.textContent?.trim())).toEqual([
      'Beteiligung im Zeitverlauf',
      'Kontinuität',
      'Zusammensetzung',
      'Ergebnisse',
    ]);
    for (const section of el().querySelectorAll('section')) {
      expect(el().querySelector(`#${section.getAttribute('aria-labelledby')}`)?.tagName).toBe('H2');
    }
  });

  it('reads the filters from the URL and asks the API with them', async () => {
    const req = await open(`/research?groupBy=sector&period=month&from=2024-01-01&to=2024-03-31&actionField=${FIELD.id}`);
    const params = req.request.params;
    expect(params.keys().sort()).toEqual(['actionField', 'from', 'groupBy', 'period', 'to']);
    expect([params.get('groupBy'), params.get('period'), params.get('from'), params.get('to'), params.get('actionField')]).toEqual([
      'sector',
      'month',
      '2024-01-01',
      '2024-04-01',
      FIELD.id,
    ]);
    req.flush({ ...PARTICIPATION, groupBy: 'sector', period: 'month', rows: [] });
    await settle();
    expect((q('filter-from') as HTMLInputElement).value).toBe('2024-01-01');
    expect((q('filter-to') as HTMLInputElement).value).toBe('2024-03-31');
    expect(squash(q('filter-groupBy')?.textContent)).toBe('Branche');
    expect(squash(q('filter-actionField')?.textContent)).toBe('Lebendige Innenstadt');
    expect(q('participation-empty')).not.toBeNull();
  });

  it('writes changed filters into the URL', async () => {
    (await open('/research')).flush(PARTICIPATION);
    await settle();
    const from = q('filter-from') as HTMLInputElement;
    from.value = '2024-02-01';
    from.dispatchEvent(new Event('change'));
    const next = await request('/api/research/participation');
    expect(TestBed.inject(Router).url).toBe('/research?from=2024-02-01');
    expect(next.request.params.get('from')).toBe('2024-02-01');
    next.flush(PARTICIPATION);
    await settle();
  });

  it('draws participation as lines and gives the same figures in a table, "< 5" for small cells', async () => {
    (await open('/research')).flush(PARTICIPATION);
    await settle();

    const participation = el().querySelector('alm-participation-view')!;
    const canvas = participation.querySelector('canvas')!;
    expect(canvas.getAttribute('role')).toBe('img');
    expect(canvas.getAttribute('aria-label')).toBe(
      'Liniendiagramm: Beteiligte Personen je Quartal nach Akteursgruppe von Q1 2024 bis Q2 2024, 2 Linien. Die Zahlen stehen in der Tabelle unter dem Diagramm.',
    );
    const spec = draw.mock.calls.map(([, s]) => s as ChartSpec).find((s) => s.kind === 'line')!;
    expect(spec.series).toEqual({
      labels: ['Q1 2024', 'Q2 2024'],
      datasets: [
        { label: 'Unternehmen', data: [40, 52] },
        { label: 'Wissenschaft', data: [null, 0] },
      ],
    });

    const table = participation.querySelector('table')!;
    expect(table.querySelector('caption')?.textContent).toBe('Beteiligte Personen je Quartal nach Akteursgruppe');
    expect(table.querySelectorAll('thead th[scope="col"]')).toHaveLength(3);
    expect(table.querySelectorAll('tbody th[scope="row"]')).toHaveLength(2);
    expect(tableRows(table)).toEqual([
      ['Zeitraum', 'Unternehmen', 'Wissenschaft'],
      ['Q1 2024', '40', '< 5'],
      ['Q2 2024', '52', '0'],
    ]);
    expect(squash(q('participation-suppressed')?.textContent)).toContain('1 Werte beruhen auf weniger als 5 Personen');
    expect(squash(q('participation-status')?.textContent)).toBe('3 Werte geladen.');
    expect(q('participation-status')?.getAttribute('role')).toBe('status');
  });

  it('shows continuity, composition and outputs with their tables', async () => {
    (await open('/research')).flush(PARTICIPATION);
    await settle();

    expect(squash(q('continuity-share')?.textContent)).toBe(
      '75 % der Personen, die an mindestens einem der letzten 1 Plattformtreffen teilgenommen haben, waren bei mindestens 2 davon dabei.',
    );
    expect(tableRows(q('retention-table')!)[0].slice(0, 3)).toEqual(['Einstiegsquartal', 'Personen', 'Einstieg']);
    expect(tableRows(q('retention-table')!)[1].slice(0, 3)).toEqual(['Q1 2024', '20', '100 %']);

    const composition = el().querySelector('alm-composition-section')!;
    expect(composition.querySelector('canvas')?.getAttribute('aria-label')).toContain('Gestapeltes Balkendiagramm');
    expect(tableRows(composition.querySelector('table')!)).toEqual([
      ['Allianz bzw. Arbeitsgruppe', 'Unternehmen', 'Wissenschaft'],
      ['Gesamte Allianz', '30 (75 %)', '10 (25 %)'],
      ['Innenstadt', '6 (100 %)', '< 5'],
    ]);

    expect(tableRows(q('outputs-group')!)[1]).toEqual(['Innenstadt', '4', '0', '1', '0', '0', '0', '5']);
    expect(tableRows(q('outputs-field')!)[1][0]).toBe('Lebendige Innenstadt');
    expect(tableRows(q('decisions-table')!)[2]).toEqual(['Konsent', '0', '0', '3', '3']);
    expect(draw).toHaveBeenCalledTimes(3);
  });

  it('switches to events without asking the API again', async () => {
    (await open('/research')).flush(PARTICIPATION);
    await settle();
    await harness.navigateByUrl('/research?measure=events');
    await settle();
    expect(http.match((req) => req.url === '/api/research/participation')).toHaveLength(0);
    const table = el().querySelector('alm-participation-view table')!;
    expect(table.querySelector('caption')?.textContent).toBe('Beteiligungsereignisse je Quartal nach Akteursgruppe');
    expect(tableRows(table)[1]).toEqual(['Q1 2024', '130', '< 5']);
  });

  it('changes k and n through the URL after checking them', async () => {
    (await open('/research')).flush(PARTICIPATION);
    await settle();
    const k = q('continuity-k') as HTMLInputElement;
    const nInput = q('continuity-n') as HTMLInputElement;
    k.value = '5';
    k.dispatchEvent(new Event('input'));
    (q('continuity-apply') as HTMLButtonElement).click();
    await settle();
    expect(squash(q('continuity-error')?.textContent)).toBe('k darf nicht größer als n sein.');
    expect(k.getAttribute('aria-invalid')).toBe('true');

    nInput.value = '6';
    nInput.dispatchEvent(new Event('input'));
    (q('continuity-apply') as HTMLButtonElement).click();
    const req = await request('/api/research/continuity');
    expect([req.request.params.get('k'), req.request.params.get('n')]).toEqual(['5', '6']);
    expect(TestBed.inject(Router).url).toBe('/research?k=5&n=6');
    req.flush({ ...CONTINUITY, k: 5, n: 6 });
    await settle();
  });
});
