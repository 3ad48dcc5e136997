import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import type { ExportLogEntry, ExportResult, StudyDto } from '@allmende/contracts';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { ResearchExportPage } from './research-export-page';

const STUDY: StudyDto = { id: '33333333-3333-4333-8333-333333333333', name: 'Mobilität 2024', createdAt: '2024-01-10T09:00:00.000Z' };
const LOG: ExportLogEntry[] = [
  {
    id: 'x1',
    study: 'Mobilität 2024',
    exportedBy: 'Rita Forscherin',
    createdAt: '2024-02-01T10:00:00.000Z',
    filters: { from: '2024-01-01', to: '2024-02-01', format: 'csv' },
    persons: 42,
    events: 1234,
  },
];
const RESULT: ExportResult = {
  id: 'x2',
  studyId: 'new-study',
  createdAt: '2024-03-05T12:00:00.000Z',
  persons: 40,
  events: 1100,
  files: [
    { name: 'persons.json', contentType: 'application/json', content: '[]' },
    { name: 'events.json', contentType: 'application/json', content: '[{"kind":"card_created"}]' },
    { name: 'codebook.md', contentType: 'text/markdown', content: '# Codebook' },
  ],
};

describe('ResearchExportPage', () => {
  let fixture: ComponentFixture<ResearchExportPage>;
  let http: HttpTestingController;

  const el = () => fixture.nativeElement as HTMLElement;
  const q = <T extends HTMLElement = HTMLElement>(id: string) => el().querySelector<T>(`[data-testid="${id}"]`);
  const squash = (s: string | null | undefined) => s?.replace(/\s+/g, ' ').trim();

  async function settle(): Promise<void> {
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  async function expectRequest(method: string, url: string): Promise<TestRequest> {
    for (let i = 0; i < 50; i++) {
      TestBed.tick();
      const open = http.match((req) => req.method === method && req.url === url);
      if (open.length === 1) return open[0];
      await new Promise((resolve) => setTimeout(resolve));
    }
    throw new Error(`no request ${method} ${url}`);
  }

  function type(input: HTMLInputElement | null, value: string): void {
    if (!input) throw new Error('no input');
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18nTesting(),
        provideRouter([]),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ResearchExportPage);
    TestBed.tick();
    http.expectOne('/api/research/studies').flush([STUDY]);
    http.expectOne('/api/research/exports').flush(LOG);
    await settle();
  });

  afterEach(() => {
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((c) => (c.innerHTML = ''));
  });

  it('shows the export log as a table with caption and headers', () => {
    const table = q('export-log')!;
    expect(table.querySelector('caption')?.textContent).toContain('Alle Exporte');
    expect([...table.querySelectorAll('th[scope="col"]')].map((th) => th.textContent?.trim())).toEqual([
      'Zeitpunkt',
      'Studie',
      'Exportiert von',
      'Format',
      'Zeitraum',
      'Personen',
      'Ereignisse',
    ]);
    const cells = [...table.querySelectorAll('tbody td')].map((td) => squash(td.textContent));
    // the logged exclusive end (1 Feb) is shown as the last day included
    expect(cells).toEqual(['Mobilität 2024', 'Rita Forscherin', 'CSV', '01.01.2024 bis 31.01.2024', '42', '1.234']);
  });

  it('creates a study, selects it and announces it; a taken name is reported', async () => {
    await settle();
    el().querySelector<HTMLButtonElement>('[data-testid="create-study"]')!.click();
    await settle();
    expect(http.match('/api/research/studies')).toHaveLength(0); // empty name: nothing sent

    type(q<HTMLInputElement>('study-name'), '  Mobilität 2024  ');
    el().querySelector<HTMLButtonElement>('[data-testid="create-study"]')!.click();
    const conflict = await expectRequest('POST', '/api/research/studies');
    expect(conflict.request.body).toEqual({ name: 'Mobilität 2024' });
    conflict.flush({ statusCode: 409, code: 'STUDY_EXISTS', message: 'exists' }, { status: 409, statusText: 'Conflict' });
    await settle();
    expect(squash(q('export-status')?.textContent)).toBe('Eine Studie mit diesem Namen gibt es schon.');
    expect(q('export-status')?.getAttribute('role')).toBe('status');

    type(q<HTMLInputElement>('study-name'), 'Quartiere');
    el().querySelector<HTMLButtonElement>('[data-testid="create-study"]')!.click();
    const created: StudyDto = { id: 'new-study', name: 'Quartiere', createdAt: '2024-03-01T09:00:00.000Z' };
    (await expectRequest('POST', '/api/research/studies')).flush(created);
    await settle();
    expect(squash(q('export-status')?.textContent)).toBe('Die Studie „Quartiere“ ist angelegt und ausgewählt.');
    expect(squash(q('export-study')?.textContent)).toBe('Quartiere');
    expect(q<HTMLInputElement>('study-name')?.value).toBe('');
  });

  it('exports for the chosen study and offers each file as a download; the log reloads', async () => {
    (await createAndSelect('Quartiere')).flush({ id: 'new-study', name: 'Quartiere', createdAt: '2024-03-01T09:00:00.000Z' });
    await settle();

    el().querySelector<HTMLInputElement>('[data-testid="export-format"] input[value="json"]')!.click();
    type(q<HTMLInputElement>('export-from'), '2024-01-01');
    type(q<HTMLInputElement>('export-to'), '2024-02-29');
    el().querySelector<HTMLButtonElement>('[data-testid="run-export"]')!.click();

    const run = await expectRequest('POST', '/api/research/exports');
    expect(run.request.body).toEqual({ studyId: 'new-study', format: 'json', from: '2024-01-01', to: '2024-03-01' });
    run.flush(RESULT);
    (await expectRequest('GET', '/api/research/exports')).flush(LOG);
    await settle();

    expect(squash(q('export-status')?.textContent)).toBe('Export fertig: 40 Personen, 1.100 Ereignisse, 3 Dateien zum Herunterladen.');
    expect(squash(q('export-counts')?.textContent)).toBe('Studie „Quartiere“: 40 Personen, 1.100 Ereignisse.');
    const files = [...el().querySelectorAll('[data-testid="export-files"] li')].map((li) => squash(li.querySelector('.file-name')?.textContent));
    expect(files).toEqual(['quartiere-2024-03-05-persons.json', 'quartiere-2024-03-05-events.json', 'quartiere-2024-03-05-codebook.md']);

    const createObjectURL = jest.fn<string, [Blob]>(() => 'blob:export');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe('quartiere-2024-03-05-codebook.md');
      expect(this.href).toBe('blob:export');
    });
    const downloads = el().querySelectorAll<HTMLButtonElement>('[data-testid="download"]');
    expect(squash(downloads[2].textContent)).toBe('Herunterladen: codebook.md');
    downloads[2].click();
    expect(click).toHaveBeenCalledTimes(1);
    const blob = createObjectURL.mock.calls[0][0];
    expect(blob.type).toBe('text/markdown');
    expect(blob.size).toBe('# Codebook'.length);
    await new Promise((resolve) => setTimeout(resolve));
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:export');
    click.mockRestore();
  });

  it('needs a study and a period that does not end before it starts', async () => {
    el().querySelector<HTMLButtonElement>('[data-testid="run-export"]')!.click();
    await settle();
    expect(http.match('/api/research/exports').filter((r) => r.request.method === 'POST')).toHaveLength(0);
    expect(el().textContent).toContain('Bitte wählen Sie eine Studie.');

    (await createAndSelect('Quartiere')).flush({ id: 'new-study', name: 'Quartiere', createdAt: '2024-03-01T09:00:00.000Z' });
    await settle();
    type(q<HTMLInputElement>('export-from'), '2024-05-01');
    type(q<HTMLInputElement>('export-to'), '2024-04-01');
    el().querySelector<HTMLButtonElement>('[data-testid="run-export"]')!.click();
    await settle();
    expect(http.match('/api/research/exports').filter((r) => r.request.method === 'POST')).toHaveLength(0);
    expect(q<HTMLInputElement>('export-to')?.getAttribute('aria-invalid')).toBe('true');
    expect(el().textContent).toContain('Das Ende des Zeitraums liegt vor seinem Beginn.');
  });

  async function createAndSelect(name: string): Promise<TestRequest> {
    type(q<HTMLInputElement>('study-name'), name);
    el().querySelector<HTMLButtonElement>('[data-testid="create-study"]')!.click();
    return expectRequest('POST', '/api/research/studies');
  }
});
