import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Router, convertToParamMap, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { CouncilReport } from '@allmende/contracts';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { readCouncilPeriod } from './council-report-model';
import { CouncilReportPage } from './council-report-page';
import { addDays, exclusiveEnd, monthsBefore, today } from './research-format';

const REPORT: CouncilReport = {
  from: '2024-01-01',
  to: '2025-01-01',
  generatedAt: '2025-01-02T08:00:00.000Z',
  members: {
    total: 57,
    byActorType: [
      { actorType: 'none', persons: 3, organisations: 0 },
      { actorType: 'business', persons: 40, organisations: 25 },
      { actorType: 'science', persons: 14, organisations: 4 },
    ],
  },
  meetings: [
    { kind: 'workshop', held: 2, attendance: 30 },
    { kind: 'plenary', held: 4, attendance: 160 },
  ],
  plenaries: [{ seriesNumber: 17, title: '17. Plattformtreffen', startsAt: '2024-03-14T16:00:00.000Z', attendance: 41 }],
  groups: [
    { state: 'dormant', count: 1, names: ['Fachkräfte'] },
    { state: 'active', count: 2, names: ['Energie', 'Innenstadt'] },
  ],
  outputs: { idea: 12, project: 3 },
  decisions: [
    {
      text: 'Wir gründen ein Reallabor Innenstadt.',
      method: 'consent',
      participationLevel: 'co_decide',
      outcome: 'ohne Einwand',
      meetingTitle: '17. Plattformtreffen',
      decidedAt: '2024-03-14T18:00:00.000Z',
    },
  ],
};

describe('CouncilReportPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  const el = () => harness.routeNativeElement as HTMLElement;
  const q = (id: string) => el().querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const squash = (s: string | null | undefined) => s?.replace(/\s+/g, ' ').trim();
  const rows = (id: string) => [...q(id)!.querySelectorAll('tbody tr, tfoot tr')].map((tr) => [...tr.children].map((c) => squash(c.textContent)));

  async function request(): Promise<TestRequest> {
    for (let i = 0; i < 50; i++) {
      TestBed.tick();
      const open = http.match((req) => req.url === '/api/reports/council');
      if (open.length === 1) return open[0];
      await new Promise((resolve) => setTimeout(resolve));
    }
    throw new Error('no request for the council report');
  }

  async function open(url: string): Promise<TestRequest> {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18nTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        provideRouter([{ path: 'office/council-report', component: CouncilReportPage }]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl(url, CouncilReportPage);
    const req = await request();
    await navigation;
    return req;
  }

  afterEach(() => http.verify());

  it('asks for the last 12 months by default', async () => {
    const req = await open('/office/council-report');
    const now = today();
    expect(req.request.params.get('from')).toBe(addDays(monthsBefore(now, 12), 1));
    expect(req.request.params.get('to')).toBe(exclusiveEnd(now));
    req.flush(REPORT);
    await harness.fixture.whenStable();
  });

  it('renders the report as headed sections with tables', async () => {
    (await open('/office/council-report?from=2024-01-01&to=2024-12-31')).flush(REPORT);
    await harness.fixture.whenStable();

    expect(el().querySelectorAll('h1')).toHaveLength(1);
    expect(el().querySelector('h1')?.textContent).toBe('Bericht der Wirtschaftsallianz für den Rat der Stadt');
    expect(squash(q('council-period')?.textContent)).toBe('Berichtszeitraum: 01.01.2024 bis 31.12.2024');
    expect([...el().querySelectorAll('h2')].map((h) => h.textContent)).toEqual([
      'Mitglieder',
      'Treffen',
      'Plattformtreffen',
      'Arbeitsgruppen',
      'Ergebnisse',
      'Beschlüsse',
    ]);
    for (const table of el().querySelectorAll('table')) {
      expect(table.querySelector('caption')?.textContent?.trim()).toBeTruthy();
      expect(table.querySelectorAll('th[scope="col"]').length).toBeGreaterThan(0);
    }

    expect(squash(q('council-members-total')?.textContent)).toBe('Die Allianz hat 57 Mitglieder.');
    expect(rows('council-members')).toEqual([
      ['Unternehmen', '40', '25'],
      ['Wissenschaft', '14', '4'],
      ['Ohne Organisation', '3', '–'],
    ]);
    expect(rows('council-meetings')).toEqual([
      ['Plattformtreffen', '4', '160'],
      ['Workshop', '2', '30'],
      ['Summe', '6', '190'],
    ]);
    expect(rows('council-plenaries')).toEqual([['17', '17. Plattformtreffen', '14.03.2024', '41']]);
    expect(rows('council-groups')).toEqual([
      ['Aktiv', '2', 'Energie, Innenstadt'],
      ['Ruhend', '1', 'Fachkräfte'],
      ['Summe', '3', ''],
    ]);
    expect(rows('council-outputs')).toEqual([
      ['Idee', '12'],
      ['Maßnahme', '0'],
      ['Reallabor', '0'],
      ['Projekt', '3'],
      ['Verstetigt', '0'],
      ['Gestoppt', '0'],
      ['Summe', '15'],
    ]);
    expect(rows('council-decisions')).toEqual([
      ['14.03.2024', 'Wir gründen ein Reallabor Innenstadt.', '17. Plattformtreffen', 'Konsent', 'Mitbestimmen', 'ohne Einwand'],
    ]);
    expect(squash(q('council-status')?.textContent)).toBe('Der Bericht ist geladen.');
  });

  it('prints, and the controls are left out of the print', async () => {
    (await open('/office/council-report?from=2024-01-01&to=2024-12-31')).flush(REPORT);
    await harness.fixture.whenStable();
    const print = jest.fn();
    const original = window.print;
    window.print = print;
    const button = q('council-print') as HTMLButtonElement;
    expect(button.textContent?.trim()).toBe('Drucken');
    expect(button.closest('.no-print')).not.toBeNull();
    expect(q('council-form')?.closest('.no-print')).not.toBeNull();
    button.click();
    expect(print).toHaveBeenCalled();
    window.print = original;
  });

  it('shows another period from the form, in the URL', async () => {
    (await open('/office/council-report?from=2024-01-01&to=2024-12-31')).flush(REPORT);
    await harness.fixture.whenStable();
    const from = q('council-from') as HTMLInputElement;
    const to = q('council-to') as HTMLInputElement;
    expect([from.value, to.value]).toEqual(['2024-01-01', '2024-12-31']);

    to.value = '2023-12-31';
    to.dispatchEvent(new Event('input'));
    (q('council-show') as HTMLButtonElement).click();
    await harness.fixture.whenStable();
    expect(to.getAttribute('aria-invalid')).toBe('true');
    expect(el().textContent).toContain('Das Ende des Zeitraums liegt vor seinem Beginn.');

    to.value = '2024-06-30';
    to.dispatchEvent(new Event('input'));
    (q('council-show') as HTMLButtonElement).click();
    const req = await request();
    expect([req.request.params.get('from'), req.request.params.get('to')]).toEqual(['2024-01-01', '2024-07-01']);
    expect(TestBed.inject(Router).url).toBe('/office/council-report?from=2024-01-01&to=2024-06-30');
    req.flush(REPORT);
    await harness.fixture.whenStable();
  });
});

describe('council report period', () => {
  it('reads the period from the URL, falling back to the last 12 months', () => {
    const read = (p: Record<string, string>) => readCouncilPeriod(convertToParamMap(p), '2025-05-10');
    expect(read({})).toEqual({ from: '2024-05-11', to: '2025-05-10' });
    expect(read({ from: '2024-01-01', to: '2024-12-31' })).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(read({ from: '2024-12-31', to: '2024-01-01' })).toEqual({ from: '2024-05-11', to: '2025-05-10' });
    expect(read({ from: 'x' })).toEqual({ from: '2024-05-11', to: '2025-05-10' });
  });
});
