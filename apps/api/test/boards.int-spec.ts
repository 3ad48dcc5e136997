import {
  SOCKET_PATH,
  type ApiErrorBody,
  type BoardChangesPayload,
  type BoardDto,
  type BoardSummaryDto,
  type CardConflictBody,
  type CardDto,
  type CardEventDto,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type StrategyDto,
} from '@allmende/contracts';
import { io, Socket } from 'socket.io-client';
import { seedDemoData } from '../src/database/seed/seed-demo-data';
import { api, login } from './support/http';
import { startTestApp, TestApp } from './support/test-app';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

describe('boards', () => {
  let t: TestApp;
  let office: string;
  /** Lead of "Digitale Werkstatt Handwerk". */
  let lead: string;
  /** A signatory in other groups, not in "Digitale Werkstatt Handwerk". */
  let other: string;
  let boardId: string;
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.ds, 'allmende-demo');
    office = (await login(t.url, 'office@allmende.example')).token;
    lead = (await login(t.url, 'member@allmende.example')).token;
    other = (await login(t.url, 'schuermann@demo.allmende.example')).token;
    const boards = await api<BoardSummaryDto[]>(t.url, 'GET', '/api/boards', { token: lead });
    boardId = boards.body.find((b) => b.groupName === 'Digitale Werkstatt Handwerk')!.id;
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await t?.close();
  });

  async function connect(token: string): Promise<ClientSocket> {
    const socket: ClientSocket = io(t.url, { path: SOCKET_PATH, auth: { token }, transports: ['websocket'], reconnection: false });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return socket;
  }

  const board = async (token?: string) => (await api<BoardDto>(t.url, 'GET', `/api/boards/${boardId}`, { token })).body;
  const column = (b: BoardDto, stage: string) => b.columns.find((c) => c.stage === stage)!.cards;
  const newCard = async (title: string, stage = 'idea', extra: Record<string, unknown> = {}) => {
    const res = await api<CardDto>(t.url, 'POST', `/api/boards/${boardId}/cards`, { token: lead, body: { title, stage, ...extra } });
    expect(res.status).toBe(201);
    return res.body;
  };

  it('lists the alliance board and a board per group; every board has the six stages as columns', async () => {
    const boards = await api<BoardSummaryDto[]>(t.url, 'GET', '/api/boards', { token: lead });
    expect(boards.body[0]).toMatchObject({ kind: 'alliance', title: 'Zukunftsplan', canEdit: false });
    expect(boards.body.filter((b) => b.kind === 'group').length).toBeGreaterThanOrEqual(8);
    expect(boards.body.find((b) => b.id === boardId)!.canEdit).toBe(true);
    const alliance = await api<BoardDto>(t.url, 'GET', `/api/boards/${boards.body[0].id}`, { token: lead });
    expect(alliance.body.columns.map((c) => c.stage)).toEqual(['idea', 'measure', 'lab', 'project', 'permanent', 'stopped']);
    const lab = column(alliance.body, 'lab').find((c) => c.title === 'Maschinenring Handwerk')!;
    const detail = await api<CardDto>(t.url, 'GET', `/api/cards/${lab.id}`, { token: lead });
    expect(Object.values(detail.body.lab!).every((v) => v.length > 10)).toBe(true);
    expect(detail.body.decision?.text).toContain('Maschinenring');
  });

  it('a group member creates, edits and moves cards; history and participation are written with each change', async () => {
    const card = await newCard('Aufmaß per Tablet', 'idea', { description: 'Erst **testen**, dann <script>alert(1)</script> kaufen', labels: ['Digitalisierung'] });
    expect(card.descriptionHtml).toContain('<strong>testen</strong>');
    expect(card.descriptionHtml).not.toContain('<script');
    const [kaya] = await t.ds.query(`SELECT id FROM person WHERE email = 'kaya@demo.allmende.example'`);
    const edited = await api<CardDto>(t.url, 'PATCH', `/api/cards/${card.id}`, {
      token: lead,
      body: { version: card.version, responsibility: 'companies', personIds: [kaya.id], dueDate: '2027-03-31', checklist: [{ id: 'a', text: 'Tablet leihen', done: true }] },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ version: card.version + 1, responsibility: 'companies', dueDate: '2027-03-31', checklistDone: 1, checklistTotal: 1 });
    expect(edited.body.persons.map((p) => p.id)).toEqual([kaya.id]);
    const badRef = await api<ApiErrorBody>(t.url, 'PATCH', `/api/cards/${card.id}`, {
      token: lead,
      body: { version: edited.body.version, strategicGoalId: '00000000-0000-4000-8000-000000000000' },
    });
    expect([badRef.status, badRef.body.code]).toEqual([400, 'UNKNOWN_REFERENCE']);

    const moved = await api<CardDto>(t.url, 'POST', `/api/cards/${card.id}/move`, { token: lead, body: { stage: 'measure', version: edited.body.version } });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ stage: 'measure', version: edited.body.version + 1 });
    const history = await api<CardEventDto[]>(t.url, 'GET', `/api/cards/${card.id}/history`, { token: other });
    expect(history.body.map((e) => e.kind)).toEqual(['moved', 'edited', 'created']);
    expect(history.body[0].data).toEqual({ from: 'idea', to: 'measure' });
    const events: { kind: string; person_id: string }[] = await t.ds.query(`SELECT kind, person_id FROM participation_event WHERE subject_id = $1 ORDER BY id`, [card.id]);
    expect(events.map((e) => e.kind)).toEqual(['card_created', 'responsibility_taken', 'card_edited', 'card_moved']);
    expect(events[1].person_id).toBe(kaya.id);
  });

  it('places cards between neighbours with fractional keys: one row written, order as asked', async () => {
    const a = await newCard('A', 'lab');
    const c = await newCard('C', 'lab');
    const b = await newCard('B', 'idea');
    const res = await api<CardDto>(t.url, 'POST', `/api/cards/${b.id}/move`, { token: lead, body: { stage: 'lab', after: a.id, before: c.id, version: b.version } });
    expect(res.status).toBe(200);
    expect(column(await board(lead), 'lab').map((x) => x.title)).toEqual(['A', 'B', 'C']);
    const first = await api<CardDto>(t.url, 'POST', `/api/cards/${c.id}/move`, { token: lead, body: { stage: 'lab', before: a.id, version: c.version } });
    expect(column(await board(lead), 'lab').map((x) => x.title)).toEqual(['C', 'A', 'B']);
    // only the moved card's version changed
    const versions = Object.fromEntries(column(await board(lead), 'lab').map((x) => [x.title, x.version]));
    expect(versions).toEqual({ A: a.version, B: b.version + 1, C: first.body.version });
  });

  it('a stale version gets 409 with the current card; two clients moving one card at once end in one consistent order', async () => {
    const card = await newCard('Umstritten', 'idea');
    const edit = await api<CardDto>(t.url, 'PATCH', `/api/cards/${card.id}`, { token: lead, body: { version: card.version, title: 'Umstritten (neu)' } });
    const stale = await api<CardConflictBody>(t.url, 'PATCH', `/api/cards/${card.id}`, { token: office, body: { version: card.version, title: 'Alt' } });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('CARD_VERSION_CONFLICT');
    expect(stale.body.current).toMatchObject({ id: card.id, title: 'Umstritten (neu)', version: edit.body.version });

    const [x, y] = await Promise.all([
      api<CardDto>(t.url, 'POST', `/api/cards/${card.id}/move`, { token: lead, body: { stage: 'project', version: edit.body.version } }),
      api<CardDto>(t.url, 'POST', `/api/cards/${card.id}/move`, { token: office, body: { stage: 'stopped', version: edit.body.version } }),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    const winner = x.status === 200 ? 'project' : 'stopped';
    const after = await board(lead);
    const everywhere = after.columns.flatMap((col) => col.cards.filter((c) => c.id === card.id).map(() => col.stage));
    expect(everywhere).toEqual([winner]);
  });

  it('concurrent moves of different cards into the same gap all land, in distinct places, nothing lost or doubled', async () => {
    const top = await newCard('Oben', 'permanent');
    const bottom = await newCard('Unten', 'permanent');
    const movers = await Promise.all(['M1', 'M2', 'M3', 'M4', 'M5'].map((title) => newCard(title, 'idea')));
    const results = await Promise.all(
      movers.map((m) => api<CardDto>(t.url, 'POST', `/api/cards/${m.id}/move`, { token: lead, body: { stage: 'permanent', after: top.id, before: bottom.id, version: m.version } })),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const col = column(await board(lead), 'permanent');
    expect(col[0].title).toBe('Oben');
    expect(col[col.length - 1].title).toBe('Unten');
    expect(col.map((c) => c.title).sort()).toEqual(['M1', 'M2', 'M3', 'M4', 'M5', 'Oben', 'Unten']);
    expect(new Set(col.map((c) => c.rank)).size).toBe(col.length);
  });

  it('members of other groups may read but not move, and cannot join the board room; the group sees moves live', async () => {
    const card = await newCard('Nur für die Gruppe', 'idea');
    const denied = await api<ApiErrorBody>(t.url, 'POST', `/api/cards/${card.id}/move`, { token: other, body: { stage: 'measure', version: card.version } });
    expect([denied.status, denied.body.code]).toEqual([403, 'FORBIDDEN']);
    expect((await api(t.url, 'PATCH', `/api/cards/${card.id}`, { token: other, body: { version: card.version, title: 'x' } })).status).toBe(403);
    expect((await api(t.url, 'POST', `/api/boards/${boardId}/cards`, { token: other, body: { title: 'Fremd' } })).status).toBe(403);
    expect((await api(t.url, 'GET', `/api/cards/${card.id}`, { token: other })).status).toBe(200);

    const outsider = await connect(other);
    expect(await outsider.emitWithAck('board:join', boardId)).toEqual({ ok: false, error: 'FORBIDDEN' });
    const watcher = await connect(office);
    expect(await watcher.emitWithAck('board:join', boardId)).toEqual({ ok: true });
    const leaked: BoardChangesPayload[] = [];
    outsider.on('board:changes', (p) => leaked.push(p));
    const live = new Promise<BoardChangesPayload>((resolve) => watcher.on('board:changes', (p) => p.cards.some((c) => c.id === card.id && c.stage === 'measure') && resolve(p)));
    await api(t.url, 'POST', `/api/cards/${card.id}/move`, { token: lead, body: { stage: 'measure', version: card.version } });
    const payload = await live;
    expect(payload.boardId).toBe(boardId);
    expect(leaked).toEqual([]);

    const removed = new Promise<BoardChangesPayload>((resolve) => watcher.on('board:changes', (p) => p.removed.includes(card.id) && resolve(p)));
    expect((await api(t.url, 'DELETE', `/api/cards/${card.id}`, { token: lead })).status).toBe(204);
    await removed;
    expect((await api(t.url, 'GET', `/api/cards/${card.id}`, { token: lead })).status).toBe(404);
  });

  it('outsiders see only public cards', async () => {
    const hidden = await newCard('Intern', 'idea');
    const shown = await newCard('Öffentlich', 'idea', { public: true });
    const anon = await board();
    const ids = anon.columns.flatMap((c) => c.cards.map((x) => x.id));
    expect(ids).toContain(shown.id);
    expect(ids).not.toContain(hidden.id);
    expect(anon.columns.flatMap((c) => c.cards).every((c) => c.public && c.persons.length === 0)).toBe(true);
    expect(anon.permissions.canEdit).toBe(false);
    expect((await api(t.url, 'GET', `/api/cards/${hidden.id}`)).status).toBe(404);
    expect((await api(t.url, 'GET', `/api/cards/${shown.id}/history`)).status).toBe(403);
    const boards = await api<BoardSummaryDto[]>(t.url, 'GET', '/api/boards');
    expect(boards.body.every((b) => !b.canEdit)).toBe(true);
  });

  it('filters by label, responsibility and person; column labels are editable, stages fixed', async () => {
    await newCard('Mit Etikett', 'idea', { labels: ['Filtertest'], responsibility: 'city_office' });
    const byLabel = await api<BoardDto>(t.url, 'GET', `/api/boards/${boardId}?label=Filtertest`, { token: lead });
    expect(byLabel.body.columns.flatMap((c) => c.cards).map((c) => c.title)).toEqual(['Mit Etikett']);
    expect(byLabel.body.labels).toContain('Filtertest');
    const byResp = await api<BoardDto>(t.url, 'GET', `/api/boards/${boardId}?responsibility=city_office`, { token: lead });
    expect(byResp.body.columns.flatMap((c) => c.cards).every((c) => c.responsibility === 'city_office')).toBe(true);
    expect((await api(t.url, 'GET', `/api/boards/${boardId}?responsibility=alle`, { token: lead })).status).toBe(400);

    const relabelled = await api<BoardDto>(t.url, 'PUT', `/api/boards/${boardId}/columns`, { token: lead, body: { labels: { lab: 'Pilot', idea: '' } } });
    expect(relabelled.body.columns.find((c) => c.stage === 'lab')!.label).toBe('Pilot');
    expect(relabelled.body.columns.find((c) => c.stage === 'idea')!.label).toBeNull();
    expect((await api(t.url, 'PUT', `/api/boards/${boardId}/columns`, { token: other, body: { labels: { lab: 'X' } } })).status).toBe(403);
  });

  it('attachments are checked, kept and counted on the card', async () => {
    const card = await newCard('Mit Anhang', 'idea');
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(Buffer.from('%PDF-1.4 Konzept'))]), 'Konzept.pdf');
    const up = await fetch(`${t.url}/api/cards/${card.id}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${lead}` }, body: form });
    expect(up.status).toBe(201);
    const attachment = (await up.json()) as { id: string };
    const detail = await api<CardDto>(t.url, 'GET', `/api/cards/${card.id}`, { token: other });
    expect(detail.body).toMatchObject({ attachmentCount: 1, version: card.version + 1 });
    const file = await fetch(`${t.url}/api/cards/${card.id}/attachments/${attachment.id}`, { headers: { authorization: `Bearer ${other}` } });
    expect(await file.text()).toBe('%PDF-1.4 Konzept');
    const bad = new FormData();
    bad.append('file', new Blob([new Uint8Array(Buffer.from('<html>'))]), 'seite.html');
    expect((await fetch(`${t.url}/api/cards/${card.id}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${lead}` }, body: bad })).status).toBe(400);
  });

  it('the strategy: Leitbild, Leitziele, strategic goals and their measures; the office edits strategic goals', async () => {
    const strategy = await api<StrategyDto>(t.url, 'GET', '/api/strategy', { token: lead });
    expect(strategy.body.mission?.de).toContain('Wirtschaftsallianz');
    expect(strategy.body.goals.length).toBeGreaterThanOrEqual(5);
    const measures = strategy.body.goals.flatMap((g) => g.strategicGoals.flatMap((s) => s.measures));
    expect(measures.map((m) => m.title)).toContain('Maschinenring Handwerk');
    const anon = await api<StrategyDto>(t.url, 'GET', '/api/strategy');
    const anonMeasures = anon.body.goals.flatMap((g) => g.strategicGoals.flatMap((s) => s.measures));
    expect(anonMeasures.length).toBeLessThan(measures.length);
    expect(anonMeasures.map((m) => m.title)).not.toContain('Lieferdienst lokal');

    expect((await api(t.url, 'POST', '/api/strategy/goals', { token: lead, body: { goalNumber: 1, title: 'Eigenes Ziel' } })).status).toBe(403);
    const created = await api<StrategyDto>(t.url, 'POST', '/api/strategy/goals', { token: office, body: { goalNumber: 2, title: 'Innenstadt als Treffpunkt' } });
    expect(created.status).toBe(201);
    const goal = created.body.goals[1].strategicGoals.find((s) => s.title === 'Innenstadt als Treffpunkt')!;
    expect((await api(t.url, 'DELETE', `/api/strategy/goals/${goal.id}`, { token: office })).status).toBe(204);
  });
});
