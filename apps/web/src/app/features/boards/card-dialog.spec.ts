import { HttpRequest, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import { CARD_STAGES, type CardDto, type CardEventDto, type CardStage } from '@allmende/contracts';
import { cardDetail } from '../../../testing/board-fixtures';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { CardDialog, CardDialogData } from './card-dialog';

const STAGE_LABELS = Object.fromEntries(
  CARD_STAGES.map((s, i) => [s, ['Idee', 'Maßnahme', 'Reallabor', 'Projekt', 'Verstetigt', 'Gestoppt'][i]]),
) as Record<CardStage, string>;

const CARD = cardDetail({
  id: 'c1',
  title: 'Leerstandsbörse',
  description: 'Leere Läden sammeln',
  descriptionHtml: '<p>Leere Läden sammeln</p>',
  labels: ['Handel'],
  checklist: [{ id: 'i1', text: 'Flyer drucken', done: false }],
  checklistTotal: 1,
  version: 4,
});

describe('CardDialog', () => {
  let http: HttpTestingController;
  let changed: CardDto[];
  let removed: string[];

  const q = <T extends HTMLElement = HTMLElement>(id: string) => document.querySelector<T>(`[data-testid="${id}"]`);
  const text = (id: string) => q(id)?.textContent?.replace(/\s+/g, ' ').trim();

  async function settle(): Promise<void> {
    TestBed.tick();
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
  }

  async function answer(match: (req: HttpRequest<unknown>) => boolean, body: object | null, init?: { status: number; statusText: string }): Promise<TestRequest> {
    for (let i = 0; i < 50; i++) {
      TestBed.tick();
      const [req] = http.match(match);
      if (req) {
        req.flush(body, init);
        await settle();
        return req;
      }
      await new Promise((resolve) => setTimeout(resolve));
    }
    throw new Error('no matching request');
  }

  function type(id: string, value: string): void {
    const input = q<HTMLInputElement | HTMLTextAreaElement>(id);
    if (!input) throw new Error(`no ${id}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function open(card: CardDto): Promise<void> {
    changed = [];
    removed = [];
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
    const data: CardDialogData = {
      cardId: card.id,
      stageLabels: STAGE_LABELS,
      changed: (c) => changed.push(c),
      removed: (id) => removed.push(id),
    };
    TestBed.inject(MatDialog).open(CardDialog, { data, disableClose: true });
    await answer((r) => r.url === `/api/cards/${card.id}`, card);
    await answer((r) => r.url === '/api/action-fields', []);
    await answer((r) => r.url === '/api/strategy', { mission: null, goals: [], canEdit: false });
  }

  afterEach(() => {
    TestBed.inject(MatDialog).closeAll();
    http.verify();
  });

  it('saves only the changed fields with the version', async () => {
    await open(CARD);
    expect(text('card-dialog-title')).toBe('Leerstandsbörse');
    expect(text('card-stage')).toBe('Phase: Idee');
    expect(q<HTMLInputElement>('card-title')?.value).toBe('Leerstandsbörse');
    expect(q('card-description-html')?.innerHTML).toBe('<p>Leere Läden sammeln</p>');
    expect(q('card-lab')).toBeNull(); // an idea without a lab record

    type('card-title', 'Leerstandsbörse Altstadt');
    type('checklist-new', 'Plakat');
    q('checklist-add')?.click();
    await settle();
    expect(text('card-unsaved')).toBe('Ungespeicherte Änderungen');

    q('card-save')?.click();
    const req = await answer((r) => r.method === 'PATCH', cardDetail({ ...CARD, title: 'Leerstandsbörse Altstadt', version: 5 }));
    expect(req.request.url).toBe('/api/cards/c1');
    const body = req.request.body as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['checklist', 'title', 'version']);
    expect(body['version']).toBe(4);
    expect(body['title']).toBe('Leerstandsbörse Altstadt');
    expect((body['checklist'] as { text: string }[]).map((i) => i.text)).toEqual(['Flyer drucken', 'Plakat']);
    expect(text('card-notice')).toBe('Gespeichert.');
    expect(changed.map((c) => c.version)).toEqual([5]);
    expect(q('card-unsaved')).toBeNull();
  });

  it('keeps the user’s text on a version conflict and saves it over the new version', async () => {
    await open(CARD);
    type('card-description', 'Mein ausführlicher Text über leere Läden');
    q('card-save')?.click();
    const current = cardDetail({ ...CARD, title: 'Leerstandsbörse (neu)', description: 'Text von Ben', labels: ['Handel', 'Innenstadt'], version: 7 });
    await answer(
      (r) => r.method === 'PATCH',
      { statusCode: 409, code: 'CARD_VERSION_CONFLICT', message: 'stale', requestId: 'r-1', current },
      { status: 409, statusText: 'Conflict' },
    );

    // the user's text is still there; what they did not touch shows the server's state
    expect(q<HTMLTextAreaElement>('card-description')?.value).toBe('Mein ausführlicher Text über leere Läden');
    expect(q<HTMLInputElement>('card-title')?.value).toBe('Leerstandsbörse (neu)');
    expect(text('conflict-fields')).toBe('Auf dem Server geändert: Titel, Beschreibung, Labels.');
    expect(text('conflict-both')).toBe('Auch von Ihnen geändert (Ihre Fassung steht im Formular): Beschreibung.');
    expect(document.querySelector('.server-text')?.textContent).toContain('Text von Ben');
    expect(changed.map((c) => c.version)).toEqual([7]); // the board follows the server

    q('conflict-keep')?.click();
    const again = await answer((r) => r.method === 'PATCH', cardDetail({ ...current, description: 'Mein ausführlicher Text über leere Läden', version: 8 }));
    expect(again.request.body).toEqual({ version: 7, description: 'Mein ausführlicher Text über leere Läden' });
    expect(q('card-conflict')).toBeNull();
    expect(text('card-notice')).toBe('Gespeichert.');
  });

  it('lets the user discard their edits after a conflict', async () => {
    await open(CARD);
    type('card-description', 'Meins');
    q('card-save')?.click();
    const current = cardDetail({ ...CARD, description: 'Text von Ben', version: 7 });
    await answer(
      (r) => r.method === 'PATCH',
      { statusCode: 409, code: 'CARD_VERSION_CONFLICT', message: 'stale', requestId: 'r-1', current },
      { status: 409, statusText: 'Conflict' },
    );
    q('conflict-discard')?.click();
    await settle();
    expect(q<HTMLTextAreaElement>('card-description')?.value).toBe('Text von Ben');
    expect(q('card-conflict')).toBeNull();
    expect(q('card-unsaved')).toBeNull();
  });

  it('shows other errors without losing the form', async () => {
    await open(CARD);
    type('card-title', 'Neu');
    q('card-save')?.click();
    await answer((r) => r.method === 'PATCH', { statusCode: 403, code: 'FORBIDDEN', message: 'no', requestId: 'r' }, { status: 403, statusText: 'Forbidden' });
    expect(text('card-notice')).toBe('Dazu fehlt Ihnen die Berechtigung.');
    expect(q<HTMLInputElement>('card-title')?.value).toBe('Neu');
  });

  it('shows the lab record for a real-world lab', async () => {
    await open(cardDetail({ ...CARD, stage: 'lab' }));
    expect(q('card-lab')).not.toBeNull();
    type('card-lab-funding', 'Land NRW');
    q('card-save')?.click();
    const req = await answer((r) => r.method === 'PATCH', cardDetail({ ...CARD, stage: 'lab', version: 5 }));
    expect((req.request.body as { lab: Record<string, string> }).lab['funding']).toBe('Land NRW');
  });

  it('shows a read-only card to those who cannot edit, with its decision and history', async () => {
    const card = cardDetail({
      ...CARD,
      permissions: { canEdit: false },
      decision: { id: 'd1', text: 'Die Börse wird gestartet.', meetingId: 'm-1', meetingTitle: '9. Treffen' },
    });
    await open(card);
    expect(q('card-form')).toBeNull();
    expect(q('card-save')).toBeNull();
    expect(q('card-read-only')).not.toBeNull();
    expect(text('card-description-html')).toBe('Leere Läden sammeln');
    expect(q('card-decision-link')?.getAttribute('href')).toBe('/meetings/m-1');
    expect(text('card-decision-link')).toBe('Zum Treffen „9. Treffen“');

    const tabs = [...document.querySelectorAll<HTMLElement>('[role="tab"]')];
    expect(tabs.map((t) => t.textContent?.trim())).toEqual(['Karte', 'Verlauf']);
    tabs[1].click();
    const events: CardEventDto[] = [
      { id: 'e3', kind: 'edited', person: { id: 'p', name: 'Ben' }, at: '2026-05-02T10:00:00.000Z', data: { fields: ['title', 'organisationIds'] } },
      { id: 'e2', kind: 'moved', person: { id: 'p', name: 'Ben' }, at: '2026-05-01T10:00:00.000Z', data: { from: 'idea', to: 'lab' } },
      { id: 'e1', kind: 'created', person: null, at: '2026-04-01T10:00:00.000Z', data: { stage: 'idea' } },
    ];
    await answer((r) => r.url === '/api/cards/c1/history', events);
    const entries = [...document.querySelectorAll('[data-testid="history-entry"] .entry-title')].map((e) => e.textContent?.trim());
    expect(entries).toEqual(['Geändert: Titel, Organisationen', 'Verschoben von Idee nach Reallabor', 'Angelegt in Idee']);
    expect(document.querySelector('[data-testid="history-entry"] .meta')?.textContent).toContain('Ben');
  });

  it('deletes a card after asking', async () => {
    await open(CARD);
    q('card-delete')?.click();
    await settle();
    q('confirm-dialog-confirm')?.click();
    const req = await answer((r) => r.method === 'DELETE', null);
    expect(req.request.url).toBe('/api/cards/c1');
    expect(removed).toEqual(['c1']);
  });
});
