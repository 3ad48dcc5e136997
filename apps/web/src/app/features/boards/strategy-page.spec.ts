import { HttpRequest, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { StrategyDto } from '@allmende/contracts';
import { BOARD_ID } from '../../../testing/board-fixtures';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { StrategyPage } from './strategy-page';

function strategy(canEdit: boolean): StrategyDto {
  return {
    mission: { de: 'Bottrop wirtschaftet gemeinsam.', en: 'Bottrop does business together.' },
    goals: [
      {
        number: 1,
        de: 'Lebendige Innenstadt',
        en: 'A lively city centre',
        strategicGoals: [
          {
            id: 'sg-1',
            goalNumber: 1,
            title: 'Leerstand halbieren',
            description: 'Bis 2030.',
            actionFieldId: null,
            position: 0,
            measures: [{ cardId: 'card-1', boardId: BOARD_ID, title: 'Leerstandsbörse', stage: 'lab', responsibility: 'cooperative' }],
          },
        ],
      },
      { number: 2, de: 'Fachkräfte halten', en: 'Keep skilled workers', strategicGoals: [] },
    ],
    canEdit,
  };
}

describe('StrategyPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  const el = () => harness.routeNativeElement as HTMLElement;
  const all = (id: string) => [...el().querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
  const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim();

  async function answer(match: (req: HttpRequest<unknown>) => boolean, body: object | null): Promise<TestRequest> {
    for (let i = 0; i < 50; i++) {
      TestBed.tick();
      const [req] = http.match(match);
      if (req) {
        req.flush(body);
        TestBed.tick();
        return req;
      }
      await new Promise((resolve) => setTimeout(resolve));
    }
    throw new Error('no matching request');
  }

  async function open(data: StrategyDto): Promise<void> {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18nTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        provideRouter([{ path: 'strategy', component: StrategyPage }, { path: '**', children: [] }]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl('/strategy', StrategyPage);
    await answer((r) => r.url === '/api/strategy', data);
    await answer((r) => r.url === '/api/action-fields', []);
    await navigation;
    await harness.fixture.whenStable();
  }

  afterEach(() => http.verify());

  it('shows the mission, the numbered Leitziele, their strategic goals and measures linked to their boards', async () => {
    await open(strategy(false));
    expect(text(el().querySelector('h1'))).toBe('Zukunftsplan');
    expect(text(el().querySelector('[data-testid="strategy-mission"]'))).toBe('Bottrop wirtschaftet gemeinsam.');
    expect([...el().querySelectorAll('h2')].map((h) => text(h))).toEqual(['Leitbild', 'Leitziel 1: Lebendige Innenstadt', 'Leitziel 2: Fachkräfte halten']);
    expect(text(all('strategic-goal')[0].querySelector('h3'))).toBe('Leerstand halbieren');
    const link = all('measure-link')[0];
    expect(text(link)).toBe('Leerstandsbörse');
    expect(link.getAttribute('href')).toBe(`/boards/${BOARD_ID}?card=card-1`);
    expect(text(all('measure')[0])).toContain('Phase: Reallabor');
    expect(all('add-goal')).toHaveLength(0);
    expect(all('edit-goal')).toHaveLength(0);
  });

  it('lets the office add a strategic goal under a Leitziel', async () => {
    await open(strategy(true));
    expect(all('add-goal')).toHaveLength(2);
    all('add-goal')[1].click();
    await harness.fixture.whenStable();
    const title = document.querySelector<HTMLInputElement>('[data-testid="goal-title"]');
    if (!title) throw new Error('no dialog');
    title.value = 'Ausbildung stärken';
    title.dispatchEvent(new Event('input'));
    document.querySelector<HTMLElement>('[data-testid="goal-save"]')?.click();
    const saved = strategy(true);
    saved.goals[1].strategicGoals.push({ id: 'sg-2', goalNumber: 2, title: 'Ausbildung stärken', description: '', actionFieldId: null, position: 0, measures: [] });
    const req = await answer((r) => r.method === 'POST' && r.url === '/api/strategy/goals', saved);
    expect(req.request.body).toEqual({ goalNumber: 2, title: 'Ausbildung stärken', description: '', actionFieldId: null });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await harness.fixture.whenStable();
    expect(all('strategic-goal').map((g) => text(g.querySelector('h3')))).toEqual(['Leerstand halbieren', 'Ausbildung stärken']);
    expect(text(el().querySelector('[data-testid="strategy-notice"]'))).toBe('Das strategische Ziel ist angelegt.');
  });
});
