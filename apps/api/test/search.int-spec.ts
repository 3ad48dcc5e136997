import type { SearchResult, StartPageDto } from '@allmende/contracts';
import { randomUUID } from 'node:crypto';
import { seedDemoData } from '../src/database/seed/seed-demo-data';
import { api, login } from './support/http';
import { startTestApp, TestApp } from './support/test-app';

describe('search', () => {
  let t: TestApp;
  let member: string;
  let outsider: string;

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.ds, 'allmende-demo');
    member = (await login(t.url, 'member@allmende.example')).token;
    outsider = (await login(t.url, 'schuermann@demo.allmende.example')).token;
  });
  afterAll(async () => {
    await t?.close();
  });

  const search = async (q: string, token?: string, kind?: string) =>
    (await api<SearchResult>(t.url, 'GET', `/api/search?q=${encodeURIComponent(q)}${kind ? `&kind=${kind}` : ''}`, { token })).body;
  const titles = (r: SearchResult, kind: string) => r.groups.find((g) => g.kind === kind)?.items.map((i) => i.title) ?? [];

  it('"Handwerksbetriebe" finds the crafts group (German stemming), highlighted and escaped', async () => {
    const result = await search('Handwerksbetriebe');
    expect(titles(result, 'group')).toContain('Digitale Werkstatt Handwerk');
    const hit = result.groups.find((g) => g.kind === 'group')!.items.find((i) => i.title === 'Digitale Werkstatt Handwerk')!;
    expect(hit.snippetHtml).toMatch(/<mark>Handwerksbetriebe<\/mark>/);
    expect(hit.link).toMatch(/^\/groups\//);
    // prefixes while typing
    expect(titles(await search('Maschinenr'), 'group')).toContain('Reallabor Maschinenring Handwerk');
  });

  it('a thread of a group the person is not in never appears; hidden meetings and cards neither', async () => {
    const [g] = await t.ds.query(`SELECT id FROM working_group WHERE name = 'Digitale Werkstatt Handwerk'`);
    const created = await api(t.url, 'POST', '/api/threads', {
      token: member,
      body: { subjectType: 'group', subjectId: g.id, title: 'Geheimtipp', body: 'Der Zauberlehrling-Schraubenschlüssel ist da <b>fett</b>', clientId: randomUUID() },
    });
    expect(created.status).toBe(201);
    const mine = await search('Zauberlehrling', member);
    expect(titles(mine, 'discussion')).toEqual(['Geheimtipp']);
    // markup in the text never reaches the snippet as markup
    const snippetHtml = mine.groups.find((x) => x.kind === 'discussion')!.items[0].snippetHtml;
    expect(snippetHtml).toContain('<mark>Zauberlehrling</mark>');
    expect(snippetHtml).not.toContain('<b>');
    expect((await search('Zauberlehrling', outsider)).groups).toEqual([]);
    expect((await search('Zauberlehrling')).groups).toEqual([]);

    // members-only meetings and non-public cards stay hidden from anonymous searchers
    expect(titles(await search('Treffen der Wirtschaftsallianz', member), 'meeting').length).toBeGreaterThan(0);
    expect(titles(await search('Treffen der Wirtschaftsallianz'), 'meeting')).toEqual([]);
    expect(titles(await search('Lieferdienst', member), 'card')).toContain('Lieferdienst lokal');
    expect(titles(await search('Lieferdienst'), 'card')).toEqual([]);
  });

  it('the start page gathers my groups, meetings, unread threads, cards and office tasks', async () => {
    const start = await api<StartPageDto>(t.url, 'GET', '/api/me/start', { token: member });
    expect(start.status).toBe(200);
    expect(start.body.groups.map((g) => g.name)).toContain('Digitale Werkstatt Handwerk');
    expect(start.body.cards.map((c) => c.title)).toContain('Maschinenring Handwerk');
    expect(start.body.unreadThreads.length).toBeGreaterThan(0);
    expect(start.body.officeTasks).toBeNull();
    const office = (await login(t.url, 'office@allmende.example')).token;
    const officeStart = await api<StartPageDto>(t.url, 'GET', '/api/me/start', { token: office });
    expect(officeStart.body.officeTasks?.approvals).toBeGreaterThanOrEqual(1);
    expect((await api(t.url, 'GET', '/api/me/start')).status).toBe(401);
  });

  it('persons only when listed; one kind is paginated; bad input is a 400', async () => {
    const [unlisted] = await t.ds.query(
      `SELECT p.display_name FROM person p WHERE NOT EXISTS (SELECT 1 FROM consent c WHERE c.person_id = p.id AND c.purpose = 'public_listing' AND c.granted)
         AND p.deleted_at IS NULL AND p.display_name ~ '^[A-Za-zäöüÄÖÜß. ]+$' LIMIT 1`,
    );
    expect(titles(await search(unlisted.display_name, member), 'person')).not.toContain(unlisted.display_name);
    expect(titles(await search('Petra Wiegand', member), 'person')).toContain('Petra Wiegand');
    const page = await search('Bottrop', member, 'organisation');
    expect(page.groups).toHaveLength(1);
    expect(page.groups[0].total).toBeGreaterThanOrEqual(page.groups[0].items.length);
    expect((await api(t.url, 'GET', '/api/search?q=x')).status).toBe(400);
    expect((await api(t.url, 'GET', '/api/search?q=Handwerk&kind=everything')).status).toBe(400);
  });
});
