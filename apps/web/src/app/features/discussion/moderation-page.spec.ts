import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import type { ModerationLogEntryDto, ReportDto } from '@allmende/contracts';
import { THREAD_ID, messageFixture } from '../../../testing/discussion-fixtures';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { ModerationPage } from './moderation-page';

function report(id: string, messageId: number, overrides: Partial<ReportDto> = {}): ReportDto {
  return {
    id,
    message: messageFixture(messageId, { body: 'Unfreundlich', bodyHtml: '<p>Unfreundlich</p>' }),
    threadId: THREAD_ID,
    threadTitle: 'Leerstand in der Innenstadt',
    reporter: { id: 'p-2', name: 'Jana Brinkmann' },
    reason: 'Beleidigend',
    createdAt: '2026-05-04T10:00:00.000Z',
    resolvedAt: null,
    ...overrides,
  };
}

const LOG: ModerationLogEntryDto[] = [
  { id: '2', actor: { id: 'o', name: 'Geschäftsstelle' }, action: 'mute', subjectType: 'person', subjectId: 'p-9', reason: 'Spam', at: '2026-05-04T11:00:00.000Z', data: { groupId: 'g', until: '2026-05-11T10:00:00.000Z' } },
  { id: '1', actor: { id: 'p-2', name: 'Jana Brinkmann' }, action: 'report', subjectType: 'message', subjectId: '7', reason: 'Beleidigend', at: '2026-05-04T10:00:00.000Z', data: {} },
];

describe('ModerationPage', () => {
  let fixture: ComponentFixture<ModerationPage>;
  let http: HttpTestingController;

  const el = () => fixture.nativeElement as HTMLElement;
  const all = (id: string) => [...el().querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
  const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim();

  async function settle(): Promise<void> {
    TestBed.tick();
    await fixture.whenStable();
  }

  beforeEach(async () => {
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
    fixture = TestBed.createComponent(ModerationPage);
    TestBed.tick();
    http.expectOne('/api/moderation/reports').flush([report('r-1', 7), report('r-2', 7, { reporter: null }), report('r-3', 8)]);
    http.expectOne('/api/moderation/log').flush(LOG);
    await settle();
  });

  afterEach(() => {
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((c) => (c.innerHTML = ''));
  });

  it('lists the open reports with the message, and the log', () => {
    expect(text(el().querySelector('h1'))).toBe('Moderation');
    expect([...el().querySelectorAll('h2')].map((h) => text(h))).toEqual(['Offene Meldungen', 'Moderationsprotokoll']);
    const [first] = all('report');
    expect(text(first.querySelector('h3'))).toBe('Leerstand in der Innenstadt');
    expect(first.querySelector('h3 a')?.getAttribute('href')).toBe(`/threads/${THREAD_ID}?message=7`);
    expect(text(first)).toContain('Gemeldet von Jana Brinkmann am 4. Mai 2026, 12:00');
    expect(text(first.querySelector('[data-testid="report-reason"]'))).toBe('Grund der Meldung: Beleidigend');
    expect(first.querySelector('[data-testid="report-message"]')?.innerHTML).toBe('<p>Unfreundlich</p>');

    const rows = all('log-entry').map((r) => [...r.querySelectorAll('td')].map((c) => text(c)));
    expect(rows).toEqual([
      ['4. Mai 2026, 13:00', 'Geschäftsstelle', 'Stummgeschaltet', 'Person, bis 11. Mai 2026, 12:00', 'Spam'],
      ['4. Mai 2026, 12:00', 'Jana Brinkmann', 'Gemeldet', 'Beitrag 7', 'Beleidigend'],
    ]);
  });

  it('settles a report', async () => {
    all('report-resolve')[2].click();
    const resolve = http.expectOne('/api/moderation/reports/r-3/resolve');
    expect(resolve.request.method).toBe('POST');
    resolve.flush(null, { status: 204, statusText: 'No Content' });
    TestBed.tick();
    http.expectOne('/api/moderation/log').flush(LOG);
    await settle();
    expect(all('report')).toHaveLength(2);
    expect(text(el().querySelector('[data-testid="moderation-notice"]'))).toBe('Die Meldung ist erledigt.');
    expect(document.activeElement?.getAttribute('data-testid')).toBe('moderation-notice');
  });

  it('hides a reported message with a reason, which settles all its reports', async () => {
    all('report-hide')[0].click();
    await settle();
    const input = document.querySelector<HTMLTextAreaElement>('mat-dialog-container [data-testid="reason-input"]')!;
    input.value = 'Beleidigung';
    input.dispatchEvent(new Event('input'));
    document.querySelector<HTMLButtonElement>('mat-dialog-container [data-testid="reason-confirm"]')!.click();
    for (let i = 0; i < 50 && http.match((r) => r.url === '/api/messages/7/hidden').length === 0; i++) {
      await settle();
      await new Promise((resolve) => setTimeout(resolve, 5));
      const open = http.match((r) => r.url === '/api/messages/7/hidden');
      if (open.length) {
        expect(open[0].request.body).toEqual({ hidden: true, reason: 'Beleidigung' });
        open[0].flush(messageFixture(7, { hidden: true, hiddenReason: 'Beleidigung' }));
        break;
      }
    }
    TestBed.tick();
    http.expectOne('/api/moderation/log').flush(LOG);
    await settle();
    expect(all('report').map((r) => text(r.querySelector('[data-testid="report-reason"]')))).toHaveLength(1);
    expect(text(el().querySelector('[data-testid="moderation-notice"]'))).toBe('Der Beitrag ist ausgeblendet; seine Meldungen sind erledigt.');
  });
});
