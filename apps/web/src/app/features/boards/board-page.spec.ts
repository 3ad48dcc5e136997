import { CdkDragDrop, CdkDropList } from '@angular/cdk/drag-drop';
import { HttpRequest, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { By } from '@angular/platform-browser';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { BoardCardDto, BoardDto, CardStage } from '@allmende/contracts';
import { BOARD_ID, FIELD_ID, PERSON_ID, board, boardCard, cardDetail } from '../../../testing/board-fixtures';
import { FakeBoardSocket } from '../../../testing/fake-board-socket';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { meFixture } from '../../../testing/me-fixture';
import { AuthStore } from '../../core/auth/auth-store';
import { BoardPage } from './board-page';
import { BoardSocket } from './board-socket';

const BOARD_URL = `/api/boards/${BOARD_ID}`;
const FIELDS = [
  {
    id: FIELD_ID,
    slug: 'handel',
    nameDe: 'Handel',
    nameEn: 'Retail',
    descriptionDe: '',
    descriptionEn: '',
    color: '#8a4b08',
    icon: 'store',
    position: 1,
    archived: false,
  },
];

const a = boardCard({ id: 'a', title: 'Leerstandsbörse', rank: 'a0', version: 3 });
const b = boardCard({ id: 'b', title: 'Azubi-Speeddating', rank: 'a1', version: 1 });
const c = boardCard({ id: 'c', title: 'Lieferdienst', rank: 'a2', version: 1 });
const l = boardCard({ id: 'l', title: 'Innenstadt-Labor', rank: 'm', stage: 'lab', version: 2 });

describe('BoardPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let socket: FakeBoardSocket;

  const el = () => harness.routeNativeElement as HTMLElement;
  const all = (id: string, root: ParentNode = el()) => [...root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
  const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim();
  const column = (stage: CardStage) => el().querySelector<HTMLElement>(`[data-testid="board-column"][data-stage="${stage}"]`);
  const titles = (stage: CardStage) => all('card-open', column(stage) ?? el()).map((n) => text(n));
  const announcer = () => text(el().querySelector('[data-testid="board-announcer"]'));

  async function settle(): Promise<void> {
    TestBed.tick();
    await harness.fixture.whenStable();
  }

  /** Answers the open requests matching `match` (pages load in parallel); returns them. */
  async function answer(match: (req: HttpRequest<unknown>) => boolean, body: object | null, min = 1): Promise<TestRequest[]> {
    const answered: TestRequest[] = [];
    for (let i = 0; i < 50; i++) {
      TestBed.tick();
      for (const r of http.match(match)) {
        r.flush(body);
        answered.push(r);
      }
      if (answered.length >= min) return answered;
      await new Promise((resolve) => setTimeout(resolve));
    }
    throw new Error('no matching request');
  }

  const isBoardGet = (r: HttpRequest<unknown>) => r.method === 'GET' && r.url === BOARD_URL;

  async function open(data: BoardDto, url = `/boards/${BOARD_ID}`, signedIn = true): Promise<void> {
    localStorage.clear();
    socket = new FakeBoardSocket();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18nTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        provideRouter([{ path: 'boards/:id', component: BoardPage }, { path: '**', children: [] }], withComponentInputBinding()),
      ],
    });
    TestBed.overrideComponent(BoardPage, { set: { providers: [{ provide: BoardSocket, useValue: socket }] } });
    http = TestBed.inject(HttpTestingController);
    if (signedIn) TestBed.inject(AuthStore).setMe(meFixture());
    harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl(url, BoardPage);
    await respond(data);
    await navigation;
    await settle();
  }

  /** Answers the board request (and the action fields, when asked for). */
  async function respond(data: BoardDto): Promise<TestRequest> {
    http.match((r) => r.url === '/api/action-fields').forEach((r) => r.flush(FIELDS));
    const [req] = await answer(isBoardGet, data);
    http.match((r) => r.url === '/api/action-fields').forEach((r) => r.flush(FIELDS));
    await settle();
    return req;
  }

  /** Emits a drop on the target column's drop list, as CDK does after a drag. */
  async function dropCard(card: BoardCardDto, from: CardStage, to: CardStage, previousIndex: number, currentIndex: number): Promise<void> {
    const lists = harness.fixture.debugElement.queryAll(By.directive(CdkDropList)).map((d) => d.injector.get(CdkDropList));
    const source = lists.find((list) => list.data === from);
    const target = lists.find((list) => list.data === to);
    if (!source || !target) throw new Error('no drop list');
    const event = {
      item: { data: card },
      container: target,
      previousContainer: source,
      previousIndex,
      currentIndex,
      isPointerOverContainer: true,
    } as unknown as CdkDragDrop<CardStage, CardStage, BoardCardDto>;
    target.dropped.emit(event);
    await settle();
  }

  function expectMove(): TestRequest {
    TestBed.tick();
    const [req] = http.match((r) => r.method === 'POST' && r.url.endsWith('/move'));
    if (!req) throw new Error('no move request');
    return req;
  }

  afterEach(() => http.verify({ ignoreCancelled: true }));

  it('shows six columns with the default stage names and the cards in rank order', async () => {
    await open(board([a, b, c, l], { labels: ['Handel'] }));
    expect(text(el().querySelector('h1'))).toBe('Zukunftsplan');
    expect(all('board-column').map((col) => text(col.querySelector('h2')))).toEqual([
      'Idee Karten: 3',
      'Maßnahme Karten: 0',
      'Reallabor Karten: 1',
      'Projekt Karten: 0',
      'Verstetigt Karten: 0',
      'Gestoppt Karten: 0',
    ]);
    expect(titles('idea')).toEqual(['Leerstandsbörse', 'Azubi-Speeddating', 'Lieferdienst']);
    expect(titles('lab')).toEqual(['Innenstadt-Labor']);
    expect(all('add-card')).toHaveLength(6);
    expect(socket.joined).toEqual([BOARD_ID]);
    expect(text(el().querySelector('[data-testid="live-state"]'))).toBe('Live: Änderungen anderer erscheinen sofort.');
    expect(el().querySelector('[data-testid="board-announcer"]')?.getAttribute('aria-live')).toBe('polite');
  });

  it('uses the board’s own column names and shows what a card carries', async () => {
    const rich = boardCard({
      id: 'r',
      title: 'Reallabor Altmarkt',
      stage: 'lab',
      actionFieldId: FIELD_ID,
      labels: ['Handel', 'Innenstadt'],
      responsibility: 'cooperative',
      dueDate: '2030-01-31',
      checklistDone: 2,
      checklistTotal: 5,
      attachmentCount: 1,
      public: true,
    });
    const data = board([rich]);
    data.columns[2].label = 'Testfeld';
    await open(data);
    expect(text(column('lab')?.querySelector('h2'))).toBe('Testfeld Karten: 1');
    const card = all('board-card', column('lab') ?? el())[0];
    expect(text(card)).toContain('Handel');
    expect([...card.querySelectorAll('.label')].map((n) => text(n))).toEqual(['Handel', 'Innenstadt']);
    expect(text(card.querySelector('[data-testid="card-responsibility"]'))).toBe('Gemeinsam (Stadt und Unternehmen)');
    expect(text(card.querySelector('[data-testid="card-due"]'))).toBe('Fällig am 31.01.2030');
    expect(text(card.querySelector('[data-testid="card-checklist"]'))).toBe('Checkliste: 2 von 5 erledigt');
    expect(text(card.querySelector('[data-testid="card-attachments"]'))).toBe('Anhänge: 1');
    expect(text(card.querySelector('[data-testid="card-public"]'))).toBe('Öffentlich');
  });

  it('shows readers the board without live updates and without editing', async () => {
    await open(board([a, l], { permissions: { canEdit: false } }));
    expect(socket.joined).toEqual([]);
    expect(text(el().querySelector('[data-testid="live-state"]'))).toBe('Ansicht ohne Live-Aktualisierung');
    expect(all('card-move')).toHaveLength(0);
    expect(all('add-card')).toHaveLength(0);
    expect(all('edit-columns')).toHaveLength(0);
  });

  it('shows the note when the server refuses the room', async () => {
    await open(board([a]));
    socket.state.set('refused');
    await settle();
    expect(text(el().querySelector('[data-testid="live-state"]'))).toBe('Ansicht ohne Live-Aktualisierung');
  });

  it('does not open a live connection for visitors', async () => {
    await open(board([a], { permissions: { canEdit: false } }), `/boards/${BOARD_ID}`, false);
    expect(socket.joined).toEqual([]);
    expect(el().querySelector('.back')).toBeNull();
  });

  describe('drag and drop', () => {
    it('moves at once and sends the neighbours and the version; takes the server’s card', async () => {
      await open(board([a, b, c, l]));
      // "Leerstandsbörse" dropped into the lab column above "Innenstadt-Labor"
      await dropCard(a, 'idea', 'lab', 0, 0);
      expect(titles('idea')).toEqual(['Azubi-Speeddating', 'Lieferdienst']);
      expect(titles('lab')).toEqual(['Leerstandsbörse', 'Innenstadt-Labor']);

      const req = expectMove();
      expect(req.request.url).toBe('/api/cards/a/move');
      expect(req.request.body).toEqual({ stage: 'lab', after: null, before: 'l', version: 3 });
      expect(all('board-card', column('lab') ?? el())[0].classList).toContain('card-pending');

      req.flush({ ...cardDetail({ ...a, stage: 'lab', rank: 'f', version: 4 }) });
      await settle();
      expect(titles('lab')).toEqual(['Leerstandsbörse', 'Innenstadt-Labor']);
      expect(announcer()).toBe('Karte „Leerstandsbörse“ ist jetzt in Reallabor.');
      // the echo of the own move over the socket changes nothing
      socket.changes.next({ boardId: BOARD_ID, cards: [{ ...a, stage: 'lab', rank: 'f', version: 4 }], removed: [] });
      await settle();
      expect(announcer()).toBe('Karte „Leerstandsbörse“ ist jetzt in Reallabor.');
    });

    it('sends the cards above and below for a move within a column', async () => {
      await open(board([a, b, c, l]));
      await dropCard(a, 'idea', 'idea', 0, 1);
      expect(titles('idea')).toEqual(['Azubi-Speeddating', 'Leerstandsbörse', 'Lieferdienst']);
      const req = expectMove();
      expect(req.request.body).toEqual({ stage: 'idea', after: 'b', before: 'c', version: 3 });
      req.flush(cardDetail({ ...a, rank: 'a1V', version: 4 }));
      await settle();
    });

    it('ignores a drop in place', async () => {
      await open(board([a, b]));
      await dropCard(b, 'idea', 'idea', 1, 1);
      http.expectNone((r) => r.url.endsWith('/move'));
    });

    it('on a stale version puts the card where the server has it and says so', async () => {
      await open(board([a, b, c, l]));
      await dropCard(b, 'idea', 'project', 1, 0);
      expect(titles('project')).toEqual(['Azubi-Speeddating']);

      const current = cardDetail({ ...b, stage: 'measure', rank: 'k', version: 7 });
      expectMove().flush(
        { statusCode: 409, code: 'CARD_VERSION_CONFLICT', message: 'stale', requestId: 'r', current },
        { status: 409, statusText: 'Conflict' },
      );
      await settle();
      expect(titles('project')).toEqual([]);
      expect(titles('measure')).toEqual(['Azubi-Speeddating']);
      expect(announcer()).toContain('Karte „Azubi-Speeddating“ wurde inzwischen von jemand anderem geändert');
      expect(announcer()).toContain('(Maßnahme)');
    });

    it('puts the card back when the move is refused', async () => {
      await open(board([a, b, c, l]));
      await dropCard(c, 'idea', 'stopped', 2, 0);
      expect(titles('stopped')).toEqual(['Lieferdienst']);
      expectMove().flush({ statusCode: 403, code: 'FORBIDDEN', message: 'no', requestId: 'r' }, { status: 403, statusText: 'Forbidden' });
      await settle();
      expect(titles('stopped')).toEqual([]);
      expect(titles('idea')).toEqual(['Leerstandsbörse', 'Azubi-Speeddating', 'Lieferdienst']);
      expect(announcer()).toBe('Dazu fehlt Ihnen die Berechtigung.');
    });
  });

  describe('move menu', () => {
    async function openMenu(card: string): Promise<HTMLElement[]> {
      const button = el().querySelector<HTMLButtonElement>(`[data-card-id="${card}"] [data-testid="card-move"]`);
      expect(text(button)).toContain('Verschieben');
      button?.click();
      await settle();
      return [...document.querySelectorAll<HTMLElement>('[role="menuitem"]')];
    }

    it('offers up, down and the other stages, and moves with the same request', async () => {
      await open(board([a, b, c, l]));
      const items = await openMenu('a');
      expect(items.map((i) => text(i))).toEqual([
        'Nach oben',
        'Nach unten',
        'Nach Maßnahme',
        'Nach Reallabor',
        'Nach Projekt',
        'Nach Verstetigt',
        'Nach Gestoppt',
      ]);
      expect(items[0].getAttribute('aria-disabled')).toBe('true');
      items.find((i) => i.getAttribute('data-stage') === 'lab')?.click();
      await settle();
      expect(titles('lab')).toEqual(['Innenstadt-Labor', 'Leerstandsbörse']);
      const req = expectMove();
      expect(req.request.body).toEqual({ stage: 'lab', after: 'l', before: null, version: 3 });
      req.flush(cardDetail({ ...a, stage: 'lab', rank: 'n', version: 4 }));
      await settle();
      expect(announcer()).toBe('Karte „Leerstandsbörse“ ist jetzt in Reallabor.');
      // focus stays with the moved card
      expect(document.activeElement?.closest('[data-card-id]')?.getAttribute('data-card-id')).toBe('a');
    });

    it('moves down within the column', async () => {
      await open(board([a, b, c, l]));
      const items = await openMenu('b');
      expect(items[0].getAttribute('aria-disabled')).toBe('false');
      items[1].click();
      await settle();
      expect(titles('idea')).toEqual(['Leerstandsbörse', 'Lieferdienst', 'Azubi-Speeddating']);
      const req = expectMove();
      expect(req.request.body).toEqual({ stage: 'idea', after: 'c', before: null, version: 1 });
      req.flush(cardDetail({ ...b, rank: 'a3', version: 2 }));
      await settle();
    });
  });

  it('applies live changes of others and announces moves', async () => {
    await open(board([a, b, c, l]));
    socket.changes.next({
      boardId: BOARD_ID,
      cards: [
        { ...c, stage: 'lab', rank: 'z', version: 2 },
        { ...b, version: 1, title: 'alt' }, // not newer: ignored
      ],
      removed: ['a'],
    });
    await settle();
    expect(titles('idea')).toEqual(['Azubi-Speeddating']);
    expect(titles('lab')).toEqual(['Innenstadt-Labor', 'Lieferdienst']);
    expect(announcer()).toBe('Karte „Lieferdienst“ wurde nach Reallabor verschoben. Karte „Leerstandsbörse“ wurde entfernt.');
  });

  it('reloads the board after a reconnect', async () => {
    await open(board([a]));
    socket.rejoins.next();
    TestBed.tick();
    await respond(board([a, b]));
    expect(titles('idea')).toEqual(['Leerstandsbörse', 'Azubi-Speeddating']);
  });

  describe('filters', () => {
    it('passes the filters of the URL to the API', async () => {
      await open(board([a]), `/boards/${BOARD_ID}?label=Handel&responsibility=companies&person=${PERSON_ID}&actionField=nope`);
      // the request has already been answered in open(); look at it again through a reload
      socket.rejoins.next();
      const req = await respond(board([a]));
      expect(req.request.params.get('label')).toBe('Handel');
      expect(req.request.params.get('responsibility')).toBe('companies');
      expect(req.request.params.get('person')).toBe(PERSON_ID);
      expect(req.request.params.has('actionField')).toBe(false); // not an id: ignored
      expect(all('clear-filters')).toHaveLength(1);
    });

    it('puts a chosen filter into the URL and loads the board with it', async () => {
      await open(board([a, boardCard({ id: 'p', persons: [{ id: PERSON_ID, name: 'Anna Beispiel' }], rank: 'z' })], { labels: ['Handel'] }));
      el().querySelector<HTMLElement>('[data-testid="filter-responsibility"]')?.click();
      await settle();
      const options = [...document.querySelectorAll<HTMLElement>('mat-option')];
      expect(options.map((o) => text(o))).toEqual(['Alle', 'Stadtverwaltung', 'Unternehmen', 'Gemeinsam (Stadt und Unternehmen)']);
      options[2].click();
      TestBed.tick(); // the board is loading now: answer before waiting for stability
      const req = await respond(board([]));
      expect(req.request.params.get('responsibility')).toBe('companies');
      expect(TestBed.inject(Router).url).toBe(`/boards/${BOARD_ID}?responsibility=companies`);
      expect(text(column('idea')?.querySelector('[data-testid="column-empty"]'))).toBe('Keine Karten zu diesen Filtern.');
      // persons seen before stay available for the person filter
      el().querySelector<HTMLElement>('[data-testid="filter-person"]')?.click();
      await settle();
      expect([...document.querySelectorAll<HTMLElement>('mat-option')].map((o) => text(o))).toContain('Anna Beispiel');
      document.querySelector<HTMLElement>('mat-option:last-of-type')?.click();
      TestBed.tick();
      await respond(board([]));
      expect(TestBed.inject(Router).url).toBe(`/boards/${BOARD_ID}?responsibility=companies&person=${PERSON_ID}`);

      el().querySelector<HTMLElement>('[data-testid="clear-filters"]')?.click();
      TestBed.tick();
      await respond(board([a]));
      expect(TestBed.inject(Router).url).toBe(`/boards/${BOARD_ID}`);
    });
  });

  it('adds a card to a column and opens its detail', async () => {
    await open(board([a]));
    const add = all('add-card', column('measure') ?? el())[0];
    expect(text(add)).toBe('+ Karte hinzufügen: Maßnahme');
    add.click();
    await settle();
    expect(document.querySelector('h2[mat-dialog-title]')?.textContent?.trim()).toBe('Neue Karte in Maßnahme');
    const title = document.querySelector<HTMLInputElement>('[data-testid="new-card-title"]');
    if (!title) throw new Error('no dialog');
    title.value = '  Azubi-Börse ';
    title.dispatchEvent(new Event('input'));
    document.querySelector<HTMLElement>('[data-testid="new-card-submit"]')?.click();
    const [post] = await answer((r) => r.method === 'POST' && r.url === `${BOARD_URL}/cards`, cardDetail({ id: 'n', title: 'Azubi-Börse', stage: 'measure' }));
    expect(post.request.body).toEqual({ title: 'Azubi-Börse', stage: 'measure' });
    await answer((r) => r.url === '/api/cards/n', cardDetail({ id: 'n', title: 'Azubi-Börse', stage: 'measure' }));
    await answer((r) => r.url === '/api/strategy', { mission: null, goals: [], canEdit: false });
    await answer((r) => r.url === '/api/action-fields', FIELDS);
    await settle();
    expect(titles('measure')).toEqual(['Azubi-Börse']);
    expect(TestBed.inject(Router).url).toBe(`/boards/${BOARD_ID}?card=n`);
    expect(text(document.querySelector('[data-testid="card-dialog-title"]'))).toBe('Azubi-Börse');
  });

  it('lets editors name the columns', async () => {
    await open(board([a, l]));
    el().querySelector<HTMLElement>('[data-testid="edit-columns"]')?.click();
    await settle();
    const input = document.querySelector<HTMLInputElement>('[data-testid="column-label-lab"]');
    if (!input) throw new Error('no dialog');
    expect(input.placeholder).toBe('Reallabor');
    input.value = ' Testfeld ';
    input.dispatchEvent(new Event('input'));
    document.querySelector<HTMLElement>('[data-testid="column-labels-save"]')?.click();
    const saved = board([a, l]);
    saved.columns[2].label = 'Testfeld';
    const [put] = await answer((r) => r.method === 'PUT' && r.url === `${BOARD_URL}/columns`, saved);
    expect(put.request.body).toEqual({
      labels: { idea: null, measure: null, lab: 'Testfeld', project: null, permanent: null, stopped: null },
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await settle();
    expect(text(column('lab')?.querySelector('h2'))).toBe('Testfeld Karten: 1');
    expect(announcer()).toBe('Die Spaltennamen sind gespeichert.');
  });

  it('opens the card detail from a card and reflects it in the URL', async () => {
    await open(board([a]));
    el().querySelector<HTMLElement>('[data-testid="card-open"]')?.click();
    await settle();
    expect(TestBed.inject(Router).url).toBe(`/boards/${BOARD_ID}?card=a`);
    const [cardReq] = await answer((r) => r.url === '/api/cards/a', cardDetail({ ...a }));
    expect(cardReq.request.method).toBe('GET');
    await answer((r) => r.url === '/api/strategy', { mission: null, goals: [], canEdit: false });
    await answer((r) => r.url === '/api/action-fields', FIELDS);
    await settle();
    expect(text(document.querySelector('[data-testid="card-dialog-title"]'))).toBe('Leerstandsbörse');

    document.querySelector<HTMLElement>('[data-testid="card-close"]')?.click();
    await new Promise((resolve) => setTimeout(resolve, 50)); // the dialog's closing
    await settle();
    expect(TestBed.inject(Router).url).toBe(`/boards/${BOARD_ID}`);
    expect(document.querySelector('[data-testid="card-dialog-title"]')).toBeNull();
  });
});
