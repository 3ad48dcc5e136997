import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { BoardSummaryDto } from '@allmende/contracts';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { BoardsPage } from './boards-page';

const counts = { idea: 4, measure: 2, lab: 1, project: 0, permanent: 0, stopped: 1 };
const BOARDS: BoardSummaryDto[] = [
  { id: 'g1', kind: 'group', title: 'AG Innenstadt', groupId: 'wg-1', groupName: 'Innenstadt', counts, canEdit: true },
  { id: 'z', kind: 'alliance', title: 'Zukunftsplan', groupId: null, groupName: null, counts, canEdit: false },
];

describe('BoardsPage', () => {
  it('lists the alliance board first, each with cards per stage and a link', async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18nTesting(),
        provideRouter([{ path: 'boards', component: BoardsPage }, { path: '**', children: [] }]),
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl('/boards', BoardsPage);
    let answered = 0;
    for (let i = 0; i < 50 && !answered; i++) {
      TestBed.tick();
      const open = http.match('/api/boards');
      open.forEach((r) => r.flush(BOARDS));
      answered = open.length;
      if (!answered) await new Promise((resolve) => setTimeout(resolve));
    }
    expect(answered).toBe(1);
    await navigation;
    await harness.fixture.whenStable();

    const el = harness.routeNativeElement as HTMLElement;
    const links = [...el.querySelectorAll('[data-testid="board-link"]')];
    expect(links.map((a) => [a.textContent?.trim(), a.getAttribute('href')])).toEqual([
      ['Zukunftsplan', '/boards/z'],
      ['AG Innenstadt', '/boards/g1'],
    ]);
    const second = el.querySelectorAll('[data-testid="board-summary"]')[1];
    expect(second.textContent).toContain('Board der Arbeitsgruppe Innenstadt');
    expect(second.querySelector('[data-testid="count-idea"]')?.textContent?.trim()).toBe('4');
    expect([...second.querySelectorAll('dt')].map((dt) => dt.textContent?.trim())).toEqual(['Idee', 'Maßnahme', 'Reallabor', 'Projekt', 'Verstetigt', 'Gestoppt']);
    http.verify();
  });
});
