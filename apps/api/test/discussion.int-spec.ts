import { MailSink } from '@allmende/e2e-support';
import {
  SOCKET_PATH,
  type ApiErrorBody,
  type ClientToServerEvents,
  type GroupMuteDto,
  type MessageDto,
  type MessagePage,
  type NotificationPage,
  type ServerToClientEvents,
  type ThreadDto,
} from '@allmende/contracts';
import { randomUUID } from 'node:crypto';
import { io, Socket } from 'socket.io-client';
import { seedDemoData } from '../src/database/seed/seed-demo-data';
import { DigestJob } from '../src/modules/notifications/digest.job';
import { api, login } from './support/http';
import { startTestApp, TestApp } from './support/test-app';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
const GROUP = 'Digitale Werkstatt Handwerk';

describe('discussion', () => {
  let t: TestApp;
  let sink: MailSink;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let groupId: string;
  const sockets: ClientSocket[] = [];

  // member: lead of the group; brinkmann, wolters, terhorst, krause: members; schuermann: not in the group
  const people = ['member', 'brinkmann', 'wolters', 'terhorst', 'krause', 'kowalski', 'schuermann', 'office'];

  beforeAll(async () => {
    sink = await new MailSink().start();
    t = await startTestApp(sink.env());
    await seedDemoData(t.ds, 'allmende-demo');
    for (const p of people) {
      const email = ['member', 'office'].includes(p) ? `${p}@allmende.example` : `${p}@demo.allmende.example`;
      tokens[p] = (await login(t.url, email)).token;
      ids[p] = (await t.ds.query(`SELECT id FROM person WHERE email = $1`, [email]))[0].id;
    }
    groupId = (await t.ds.query(`SELECT id FROM working_group WHERE name = $1`, [GROUP]))[0].id;
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await t?.close();
    await sink?.stop();
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

  const newThread = async (who: string, title: string, subjectType = 'group', subjectId: string | null = groupId) => {
    const res = await api<{ thread: ThreadDto; message: MessageDto }>(t.url, 'POST', '/api/threads', {
      token: tokens[who],
      body: { subjectType, subjectId, title, body: `Erster Beitrag zu ${title}`, clientId: randomUUID() },
    });
    expect(res.status).toBe(201);
    return res.body;
  };
  const post = (who: string, threadId: string, body: string, extra: Record<string, unknown> = {}) =>
    api<MessageDto & ApiErrorBody & { retryAfterSeconds?: number }>(t.url, 'POST', `/api/threads/${threadId}/messages`, {
      token: tokens[who],
      body: { clientId: randomUUID(), body, ...extra },
    });
  const unread = async (who: string) => (await api<NotificationPage>(t.url, 'GET', '/api/notifications', { token: tokens[who] })).body.unread;

  it('the demo alliance has lively threads with mentions', async () => {
    const mine = await api<ThreadDto[]>(t.url, 'GET', '/api/threads', { token: tokens.member });
    const titles = mine.body.map((x) => x.title);
    expect(titles).toEqual(expect.arrayContaining(['Welche Tablet-App fürs Aufmaß?', 'Offenes Thema: Wie erreichen wir mehr junge Betriebe?', 'Buchungsregeln für die Maschinen']));
    const tablet = mine.body.find((x) => x.title === 'Welche Tablet-App fürs Aufmaß?')!;
    const page = await api<MessagePage>(t.url, 'GET', `/api/threads/${tablet.id}/messages`, { token: tokens.member });
    expect(page.body.items).toHaveLength(5);
    expect(page.body.items[3].mentions.map((m) => m.id)).toEqual([ids.member]);
    expect(await unread('member')).toBeGreaterThanOrEqual(1);
    // schuermann is not in that group: its threads are not listed for him
    const theirs = await api<ThreadDto[]>(t.url, 'GET', '/api/threads', { token: tokens.schuermann });
    expect(theirs.body.map((x) => x.title)).not.toContain('Welche Tablet-App fürs Aufmaß?');
    expect(theirs.body.map((x) => x.title)).toContain('Aktionstag im Frühjahr');
  });

  it('a group thread: members read and write, others get nothing; new topics notify the group', async () => {
    const before = await unread('brinkmann');
    const { thread, message } = await newThread('member', 'Aufmaß per Tablet');
    expect(message.body).toContain('Aufmaß per Tablet');
    expect(await unread('brinkmann')).toBe(before + 1);
    const list = await api<ThreadDto[]>(t.url, 'GET', `/api/threads?subjectType=group&subjectId=${groupId}`, { token: tokens.wolters });
    expect(list.body.map((x) => x.id)).toContain(thread.id);

    for (const path of [`/api/threads/${thread.id}`, `/api/threads/${thread.id}/messages`]) {
      expect((await api(t.url, 'GET', path, { token: tokens.schuermann })).status).toBe(404);
    }
    expect((await post('schuermann', thread.id, 'Darf ich?')).status).toBe(404);
    const others = await api<ThreadDto[]>(t.url, 'GET', `/api/threads?subjectType=group&subjectId=${groupId}`, { token: tokens.schuermann });
    expect(others.body).toEqual([]);
    const outsider = await connect(tokens.schuermann);
    expect(await outsider.emitWithAck('thread:join', { threadId: thread.id })).toEqual({ ok: false, error: 'NOT_FOUND' });
    const created = await api<ApiErrorBody>(t.url, 'POST', '/api/threads', {
      token: tokens.schuermann,
      body: { subjectType: 'group', subjectId: groupId, title: 'Fremd', body: 'x', clientId: randomUUID() },
    });
    expect(created.status).toBe(403);
  });

  it('starting a thread again with the same client id answers the first thread, also when both arrive at once', async () => {
    const start = (title: string, clientId: string) =>
      api<{ thread: ThreadDto; message: MessageDto }>(t.url, 'POST', '/api/threads', {
        token: tokens.terhorst,
        body: { subjectType: 'group', subjectId: groupId, title, body: 'Doppelt geklickt', clientId },
      });
    const count = async (title: string) =>
      (await t.ds.query(`SELECT count(*)::int AS n FROM thread WHERE title = $1`, [title]))[0].n as number;

    const clientId = randomUUID();
    const first = await start('Einmal gestartet', clientId);
    const again = await start('Einmal gestartet', clientId);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.thread.id).toBe(first.body.thread.id);
    expect(again.body.message.id).toBe(first.body.message.id);
    expect(await count('Einmal gestartet')).toBe(1);

    const racingId = randomUUID();
    const racing = await Promise.all([1, 2, 3].map(() => start('Gleichzeitig gestartet', racingId)));
    expect(racing.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(racing.map((r) => r.body.thread.id)).size).toBe(1);
    expect(await count('Gleichzeitig gestartet')).toBe(1);
    const [{ n }] = await t.ds.query(`SELECT message_count AS n FROM thread WHERE id = $1`, [racing[0].body.thread.id]);
    expect(n).toBe(1);
  });

  it('a retried post with the same client id is stored once; markdown is sanitised; edits keep history; deletes are soft', async () => {
    const { thread } = await newThread('member', 'Wiederholte Beiträge');
    const clientId = randomUUID();
    const body = { clientId, body: 'Bitte **nur einmal** <script>alert(1)</script>' };
    const [first, second] = [
      await api<MessageDto>(t.url, 'POST', `/api/threads/${thread.id}/messages`, { token: tokens.wolters, body }),
      await api<MessageDto>(t.url, 'POST', `/api/threads/${thread.id}/messages`, { token: tokens.wolters, body }),
    ];
    expect([first.status, second.status]).toEqual([201, 200]);
    expect(second.body.id).toBe(first.body.id);
    const concurrent = randomUUID();
    const racing = await Promise.all([1, 2, 3].map(() => api<MessageDto>(t.url, 'POST', `/api/threads/${thread.id}/messages`, { token: tokens.wolters, body: { clientId: concurrent, body: 'gleichzeitig' } })));
    expect(new Set(racing.map((r) => r.body.id)).size).toBe(1);
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM message WHERE thread_id = $1 AND author_id = $2`, [thread.id, ids.wolters]);
    expect(n).toBe(2);
    expect(first.body.bodyHtml).toContain('<strong>nur einmal</strong>');
    expect(first.body.bodyHtml).not.toContain('<script');

    expect((await api(t.url, 'PATCH', `/api/messages/${first.body.id}`, { token: tokens.member, body: { body: 'fremd' } })).status).toBe(403);
    const edited = await api<MessageDto>(t.url, 'PATCH', `/api/messages/${first.body.id}`, { token: tokens.wolters, body: { body: 'Korrigiert' } });
    expect(edited.body).toMatchObject({ body: 'Korrigiert', editedAt: expect.any(String) });
    const revisions = await api<{ body: string }[]>(t.url, 'GET', `/api/messages/${first.body.id}/revisions`, { token: tokens.wolters });
    expect(revisions.body.map((r) => r.body)).toEqual([body.body]);
    const reacted = await api<MessageDto>(t.url, 'PUT', `/api/messages/${first.body.id}/reactions`, { token: tokens.brinkmann, body: { emoji: '👍' } });
    expect(reacted.body.reactions).toEqual([{ emoji: '👍', count: 1, mine: true }]);
    expect((await api<ApiErrorBody>(t.url, 'PUT', `/api/messages/${first.body.id}/reactions`, { token: tokens.brinkmann, body: { emoji: '💩' } })).body.code).toBe('UNKNOWN_REACTION');
    expect((await api(t.url, 'DELETE', `/api/messages/${first.body.id}`, { token: tokens.wolters })).status).toBe(204);
    const page = await api<MessagePage>(t.url, 'GET', `/api/threads/${thread.id}/messages`, { token: tokens.brinkmann });
    const deleted = page.body.items.find((m) => m.id === first.body.id)!;
    expect(deleted).toMatchObject({ deleted: true, body: '', bodyHtml: '' });
  });

  it('mentions notify readers of the thread, live; replies notify the author; unread counts per thread', async () => {
    const { thread } = await newThread('member', 'Wer kann helfen?');
    const bell = await connect(tokens.brinkmann);
    const live = new Promise<{ unread: number }>((resolve) => bell.on('notification:new', (p) => p.notification.kind === 'mention' && resolve(p)));
    const before = await unread('brinkmann');
    const outsiderBefore = await unread('schuermann');
    const mention = await post('terhorst', thread.id, `Frag @[Lea Brinkmann](person:${ids.brinkmann}) und @[Fremd](person:${ids.schuermann})`);
    expect(mention.status).toBe(201);
    expect(mention.body.mentions.map((m) => m.id)).toEqual([ids.brinkmann]);
    expect(mention.body.bodyHtml).toContain('<strong>@Lea Brinkmann</strong>');
    expect((await live).unread).toBe(before + 1);
    expect(await unread('schuermann')).toBe(outsiderBefore);

    const reply = await post('krause', thread.id, 'Ich kann helfen', { parentId: mention.body.id });
    expect(reply.body.parentId).toBe(mention.body.id);
    const page = await api<NotificationPage>(t.url, 'GET', '/api/notifications', { token: tokens.terhorst });
    expect(page.body.items[0]).toMatchObject({ kind: 'reply', read: false, link: `/threads/${thread.id}?message=${reply.body.id}` });
    expect(page.body.items[0].text).toContain('geantwortet');

    const threads = await api<ThreadDto[]>(t.url, 'GET', `/api/threads?subjectType=group&subjectId=${groupId}`, { token: tokens.kowalski });
    expect(threads.body.find((x) => x.id === thread.id)!.unread).toBe(3);
    await api(t.url, 'POST', `/api/threads/${thread.id}/read`, { token: tokens.kowalski, body: { lastReadId: mention.body.id } });
    const after = await api<ThreadDto[]>(t.url, 'GET', `/api/threads?subjectType=group&subjectId=${groupId}`, { token: tokens.kowalski });
    expect(after.body.find((x) => x.id === thread.id)!.unread).toBe(1);
    await api(t.url, 'POST', '/api/notifications/read', { token: tokens.terhorst, body: {} });
    expect(await unread('terhorst')).toBe(0);
  });

  it('socket posts are validated and acknowledged after commit; the room gets them; typing and presence', async () => {
    const { thread } = await newThread('member', 'Live');
    const author = await connect(tokens.wolters);
    const reader = await connect(tokens.krause);
    const presence = new Promise<{ readers: { id: string }[] }>((resolve) =>
      author.on('thread:presence', (p) => p.readers.length === 2 && resolve(p)),
    );
    expect((await author.emitWithAck('thread:join', { threadId: thread.id })).ok).toBe(true);
    expect((await reader.emitWithAck('thread:join', { threadId: thread.id })).ok).toBe(true);
    expect((await presence).readers.map((r) => r.id).sort()).toEqual([ids.wolters, ids.krause].sort());

    const typing = new Promise((resolve) => reader.on('thread:typing', resolve));
    author.emit('thread:typing', thread.id);
    expect(await typing).toMatchObject({ threadId: thread.id, person: { id: ids.wolters } });

    const bad = await author.emitWithAck('thread:post', { threadId: thread.id, clientId: 'nicht-uuid', body: '' } as never);
    expect(bad).toMatchObject({ ok: false, error: 'VALIDATION_FAILED' });
    const arrived = new Promise<MessageDto>((resolve) => reader.on('thread:message', resolve));
    const ack = await author.emitWithAck('thread:post', { threadId: thread.id, clientId: randomUUID(), body: 'Über den Socket' });
    expect(ack.ok).toBe(true);
    const stored = await t.ds.query(`SELECT body FROM message WHERE id = $1`, [(ack as { message: MessageDto }).message.id]);
    expect(stored).toEqual([{ body: 'Über den Socket' }]);
    expect((await arrived).body).toBe('Über den Socket');
  });

  it('moderation: reports, hiding with a reason, locking, muting, all in the log; rate limits', async () => {
    const { thread } = await newThread('member', 'Moderiert');
    const rude = await post('wolters', thread.id, 'Unfreundlich');
    expect((await api(t.url, 'POST', `/api/messages/${rude.body.id}/reports`, { token: tokens.krause, body: { reason: 'Ton' } })).status).toBe(201);
    expect((await api<ApiErrorBody>(t.url, 'POST', `/api/messages/${rude.body.id}/reports`, { token: tokens.krause, body: { reason: 'Ton' } })).body.code).toBe('ALREADY_REPORTED');
    const reports = await api<{ message: { id: number } }[]>(t.url, 'GET', '/api/moderation/reports', { token: tokens.member });
    expect(reports.body.map((r) => r.message.id)).toContain(rude.body.id);

    expect((await api(t.url, 'PUT', `/api/messages/${rude.body.id}/hidden`, { token: tokens.krause, body: { hidden: true, reason: 'x' } })).status).toBe(403);
    expect((await api<ApiErrorBody>(t.url, 'PUT', `/api/messages/${rude.body.id}/hidden`, { token: tokens.member, body: { hidden: true } })).body.code).toBe('REASON_REQUIRED');
    const hidden = await api<MessageDto>(t.url, 'PUT', `/api/messages/${rude.body.id}/hidden`, { token: tokens.member, body: { hidden: true, reason: 'Netiquette' } });
    expect(hidden.body).toMatchObject({ hidden: true, body: 'Unfreundlich', hiddenReason: 'Netiquette' });
    const asReader = await api<MessagePage>(t.url, 'GET', `/api/threads/${thread.id}/messages`, { token: tokens.krause });
    expect(asReader.body.items.find((m) => m.id === rude.body.id)).toMatchObject({ hidden: true, body: '' });

    const until = new Date(Date.now() + 3600_000).toISOString();
    expect((await api(t.url, 'POST', `/api/working-groups/${groupId}/mutes`, { token: tokens.krause, body: { personId: ids.wolters, until, reason: 'Pause' } })).status).toBe(403);
    expect((await api(t.url, 'POST', `/api/working-groups/${groupId}/mutes`, { token: tokens.member, body: { personId: ids.wolters, until, reason: 'Pause' } })).status).toBe(204);
    const muted = await post('wolters', thread.id, 'Noch was');
    expect([muted.status, muted.body.code]).toEqual([403, 'MUTED']);
    // the error says until when, so the composer can tell the person
    expect(new Date((muted.body as unknown as { until: string }).until).getTime()).toBe(new Date(until).getTime());
    expect((await api(t.url, 'DELETE', `/api/working-groups/${groupId}/mutes/${ids.wolters}`, { token: tokens.member })).status).toBe(204);

    const locked = await api<ThreadDto>(t.url, 'PUT', `/api/threads/${thread.id}/lock`, { token: tokens.office, body: { locked: true, reason: 'Erledigt' } });
    expect(locked.body).toMatchObject({ locked: true, lockReason: 'Erledigt' });
    const closed = await post('krause', thread.id, 'Zu spät');
    expect([closed.status, closed.body.code]).toEqual([409, 'THREAD_LOCKED']);

    const logEntries = await api<{ action: string }[]>(t.url, 'GET', '/api/moderation/log', { token: tokens.office });
    expect(logEntries.body.slice(0, 5).map((e) => e.action)).toEqual(['lock', 'unmute', 'mute', 'hide', 'report']);
    expect((await api(t.url, 'GET', '/api/moderation/log', { token: tokens.member })).status).toBe(403);

    const { thread: busy } = await newThread('member', 'Schnell');
    const results = [];
    for (let i = 0; i < 9; i++) results.push(await post('kowalski', busy.id, `Nummer ${i}`));
    expect(results.slice(0, 8).every((r) => r.status === 201)).toBe(true);
    expect([results[8].status, results[8].body.code, results[8].body.retryAfterSeconds]).toEqual([429, 'RATE_LIMITED', 10]);
  });

  it('leads and the office list the active mutes of a group and lift them; others may not look', async () => {
    const path = `/api/working-groups/${groupId}/mutes`;
    const until = new Date(Date.now() + 2 * 3600_000).toISOString();
    expect((await api(t.url, 'POST', path, { token: tokens.member, body: { personId: ids.terhorst, until, reason: 'Bitte durchatmen' } })).status).toBe(204);
    // an ended mute stays in the table until someone mutes again, but is not listed
    await t.ds.query(
      `INSERT INTO group_mute (group_id, person_id, until, reason, muted_by) VALUES ($1,$2, now() - interval '1 minute', 'vorbei', $3)
       ON CONFLICT (group_id, person_id) DO UPDATE SET until = EXCLUDED.until`,
      [groupId, ids.kowalski, ids.member],
    );

    const listed = await api<GroupMuteDto[]>(t.url, 'GET', path, { token: tokens.member });
    expect(listed.status).toBe(200);
    expect(listed.body).toHaveLength(1);
    expect(listed.body[0]).toMatchObject({ person: { id: ids.terhorst }, reason: 'Bitte durchatmen', mutedBy: { id: ids.member } });
    expect(listed.body[0].person.name).toBeTruthy();
    expect(new Date(listed.body[0].until).getTime()).toBe(new Date(until).getTime());
    expect(Date.parse(listed.body[0].mutedAt)).not.toBeNaN();
    expect((await api<GroupMuteDto[]>(t.url, 'GET', path, { token: tokens.office })).body.map((m) => m.person.id)).toEqual([ids.terhorst]);

    expect((await api(t.url, 'GET', path, { token: tokens.krause })).status).toBe(403);
    expect((await api(t.url, 'GET', path, { token: tokens.schuermann })).status).toBe(403);
    expect((await api(t.url, 'GET', path, {})).status).toBe(401);
    expect((await api(t.url, 'GET', `/api/working-groups/${randomUUID()}/mutes`, { token: tokens.office })).status).toBe(404);

    expect((await api(t.url, 'DELETE', `${path}/${ids.terhorst}`, { token: tokens.member })).status).toBe(204);
    expect((await api<GroupMuteDto[]>(t.url, 'GET', path, { token: tokens.member })).body).toEqual([]);
    await t.ds.query(`DELETE FROM group_mute WHERE group_id = $1 AND person_id = $2`, [groupId, ids.kowalski]);
  });

  it('a client dropped for 30 s gets every missed message in order when it comes back, nothing twice', async () => {
    const { thread } = await newThread('member', 'Wiederverbindung');
    let client = await connect(tokens.brinkmann);
    const seen = new Map<number, MessageDto>();
    const keep = (m: MessageDto) => seen.set(m.id, m);
    const first = await client.emitWithAck('thread:join', { threadId: thread.id, lastSeenId: 0 });
    first.missed!.forEach(keep);
    client.on('thread:message', keep);
    const before = await post('terhorst', thread.id, 'Vor der Trennung');
    await new Promise((r) => setTimeout(r, 200));
    expect(seen.has(before.body.id)).toBe(true);

    client.close();
    const posted: number[] = [];
    const authors = ['terhorst', 'krause', 'kowalski', 'member'];
    for (let i = 0; i < 6; i++) {
      posted.push((await post(authors[i % authors.length], thread.id, `Verpasst ${i}`)).body.id);
      await new Promise((r) => setTimeout(r, 5_000));
    }
    client = await connect(tokens.brinkmann);
    client.on('thread:message', keep);
    const lastSeen = Math.max(...seen.keys());
    const back = await client.emitWithAck('thread:join', { threadId: thread.id, lastSeenId: lastSeen });
    expect(back.missed!.map((m) => m.id)).toEqual(posted);
    back.missed!.forEach(keep);
    const after = await post('krause', thread.id, 'Wieder da');
    await new Promise((r) => setTimeout(r, 200));
    const ordered = [...seen.keys()].sort((a, b) => a - b);
    const all = await api<MessagePage>(t.url, 'GET', `/api/threads/${thread.id}/messages?after=0`, { token: tokens.brinkmann });
    expect(ordered).toEqual(all.body.items.map((m) => m.id));
    expect(ordered[ordered.length - 1]).toBe(after.body.id);
  }, 60_000);

  it('meeting changes notify registered persons; the daily digest mails unread notifications once', async () => {
    const [m] = await t.ds.query(`SELECT id, title, starts_at, ends_at, kind FROM meeting WHERE kind = 'group_session' AND starts_at > now() ORDER BY starts_at LIMIT 1`);
    await api(t.url, 'POST', `/api/meetings/${m.id}/registrations`, { token: tokens.krause });
    const before = await unread('krause');
    const changed = await api(t.url, 'PUT', `/api/meetings/${m.id}`, {
      token: tokens.office,
      body: { kind: m.kind, title: `${m.title} (neuer Raum)`, startsAt: new Date(m.starts_at).toISOString(), endsAt: new Date(m.ends_at).toISOString() },
    });
    expect(changed.status).toBe(200);
    expect(await unread('krause')).toBe(before + 1);

    expect((await api(t.url, 'PUT', '/api/me/notification-settings', { token: tokens.krause, body: { digest: 'hourly' } })).status).toBe(400);
    expect((await api(t.url, 'PUT', '/api/me/notification-settings', { token: tokens.krause, body: { digest: 'daily' } })).status).toBe(200);
    const job = t.app.get(DigestJob);
    expect(await job.runOnce()).toBeGreaterThanOrEqual(1);
    const digest = await sink.waitFor('krause@demo.allmende.example', /Benachrichtigungen/);
    expect(digest.text).toContain('(neuer Raum)');
    expect(digest.text).toContain(`/meetings/${m.id}`);
    const count = sink.mails.length;
    await job.runOnce();
    expect(sink.mails.filter((x) => x.to.includes('krause@demo.allmende.example')).length).toBe(1);
    expect(sink.mails.length).toBeGreaterThanOrEqual(count);
  });
});
