import type { ActionFieldDto, ApiErrorBody, WorkingGroupDetailDto, WorkingGroupPage } from '@allmende/contracts';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner.js';
import { seedDemoData } from '../src/database/seed/seed-demo-data';
import { api, login } from './support/http';
import { startTestApp, TestApp } from './support/test-app';

describe('working groups', () => {
  let t: TestApp;
  let member: string; // signatory, active
  let other: string; // another active member
  let office: string;
  let interested: string; // not a signatory
  let crafts: ActionFieldDto;

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.ds, 'allmende-demo');
    member = (await login(t.url, 'member@allmende.example')).token;
    other = (await login(t.url, 'kaya@demo.allmende.example')).token;
    office = (await login(t.url, 'office@allmende.example')).token;
    interested = (await login(t.url, 'nowak@demo.allmende.example')).token;
    crafts = (await api<ActionFieldDto[]>(t.url, 'GET', '/api/action-fields')).body.find((f) => f.slug === 'handwerk')!;
  });
  afterAll(async () => {
    await t?.close();
  });

  const events = async (kind: string, subjectId: string) =>
    Number((await t.ds.query(`SELECT count(*) AS n FROM participation_event WHERE kind = $1 AND subject_id = $2`, [kind, subjectId]))[0].n);

  const propose = (token: string, body: Record<string, unknown> = {}) =>
    api<WorkingGroupDetailDto>(t.url, 'POST', '/api/working-groups', {
      token,
      body: { name: 'Werkstattnetz Kirchhellen', purpose: 'Betriebe teilen eine Werkstatt im Norden der Stadt.', goals: 'Eine Werkstatt für fünf Betriebe.', actionFieldId: crafts.id, ...body },
    });

  it('a member proposes, the office approves and activates, another member joins; history shows the transitions', async () => {
    const proposed = await propose(member);
    expect(proposed.status).toBe(201);
    const id = proposed.body.id;
    expect(proposed.body).toMatchObject({ state: 'proposed', myRole: 'lead' });
    expect(await events('group_proposed', id)).toBe(1);

    const approved = await api<WorkingGroupDetailDto>(t.url, 'POST', `/api/working-groups/${id}/transitions`, {
      token: office,
      body: { to: 'approved', reason: 'Beschluss des 8. Plattformtreffens', effectiveOn: '2019-09-05' },
    });
    expect(approved.status).toBe(201);
    const active = await api<WorkingGroupDetailDto>(t.url, 'POST', `/api/working-groups/${id}/transitions`, { token: office, body: { to: 'active', reason: 'Auftakt' } });
    expect(active.body.state).toBe('active');

    const joined = await api<WorkingGroupDetailDto>(t.url, 'POST', `/api/working-groups/${id}/members`, { token: other, body: {} });
    expect(joined.status).toBe(201);
    expect(joined.body.myRole).toBe('member');
    expect(joined.body.memberCount).toBe(2);

    const detail = await api<WorkingGroupDetailDto>(t.url, 'GET', `/api/working-groups/${id}`, { token: other });
    expect(detail.body.history.map((h) => [h.from, h.to])).toEqual([
      [null, 'proposed'],
      ['proposed', 'approved'],
      ['approved', 'active'],
    ]);
    expect(detail.body.history[1]).toMatchObject({ reason: 'Beschluss des 8. Plattformtreffens', effectiveOn: '2019-09-05', actorName: 'Petra Wiegand' });
  });

  it('answers a forbidden transition with 409 INVALID_GROUP_TRANSITION', async () => {
    const { body: g } = await propose(member, { name: 'Sprung-Test' });
    const res = await api<ApiErrorBody>(t.url, 'POST', `/api/working-groups/${g.id}/transitions`, { token: office, body: { to: 'active', reason: 'ohne Beschluss' } });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('INVALID_GROUP_TRANSITION');
    const dissolved = await api(t.url, 'POST', `/api/working-groups/${g.id}/transitions`, { token: office, body: { to: 'dissolved', reason: 'Vorschlag abgelehnt' } });
    expect(dissolved.status).toBe(201);
    const edit = await api<ApiErrorBody>(t.url, 'PATCH', `/api/working-groups/${g.id}`, { token: member, body: { name: 'Neuer Name' } });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('GROUP_DISSOLVED');
    const again = await api<ApiErrorBody>(t.url, 'POST', `/api/working-groups/${g.id}/transitions`, { token: office, body: { to: 'active', reason: 'doch' } });
    expect(again.body.code).toBe('INVALID_GROUP_TRANSITION');
  });

  it('a member cannot approve (403); a person who has not signed cannot propose (403)', async () => {
    const { body: g } = await propose(member, { name: 'Rechte-Test' });
    const res = await api(t.url, 'POST', `/api/working-groups/${g.id}/transitions`, { token: member, body: { to: 'approved', reason: 'selbst' } });
    expect(res.status).toBe(403);
    const notSigned = await propose(interested, { name: 'Ohne Unterschrift' });
    expect(notSigned.status).toBe(403);
    expect((notSigned.body as unknown as ApiErrorBody).code).toBe('SIGNATORIES_ONLY');
  });

  it('leaving and re-joining records participation events in the same transaction', async () => {
    const list = await api<WorkingGroupPage>(t.url, 'GET', `/api/working-groups?state=active&actionField=${crafts.id}`);
    const group = list.body.items.find((g) => g.name === 'Digitale Werkstatt Handwerk')!;
    const joined = await api(t.url, 'POST', `/api/working-groups/${group.id}/members`, { token: other, body: {} });
    expect(joined.status).toBe(201);
    const left = await api(t.url, 'DELETE', `/api/working-groups/${group.id}/members/me`, { token: other });
    expect(left.status).toBe(204);
    const rejoined = await api(t.url, 'POST', `/api/working-groups/${group.id}/members`, { token: other, body: {} });
    expect(rejoined.status).toBe(201);
    expect(await events('group_joined', group.id)).toBeGreaterThanOrEqual(2);
    expect(await events('group_left', group.id)).toBe(1);
    const [ev] = await t.ds.query(
      `SELECT e.actor_type, e.sector FROM participation_event e JOIN person p ON p.id = e.person_id
        WHERE e.kind = 'group_left' AND e.subject_id = $1 AND p.email = 'kaya@demo.allmende.example'`,
      [group.id],
    );
    expect(ev).toEqual({ actor_type: 'business', sector: 'start_up' });
    const twice = await api<ApiErrorBody>(t.url, 'POST', `/api/working-groups/${group.id}/members`, { token: other, body: {} });
    expect(twice.body.code).toBe('ALREADY_GROUP_MEMBER');
  });

  it('closed groups take requests that a lead accepts; members see each other, outsiders only listed members', async () => {
    const list = await api<WorkingGroupPage>(t.url, 'GET', `/api/working-groups?q=Maschinenring`);
    const lab = list.body.items[0];
    expect(lab).toMatchObject({ realWorldLab: true, access: 'closed' });
    const asked = await api<WorkingGroupDetailDto>(t.url, 'POST', `/api/working-groups/${lab.id}/members`, { token: other, body: {} });
    expect(asked.body.myRole).toBe('pending');
    const lead = (await login(t.url, 'terhorst@demo.allmende.example')).token;
    const before = await api<WorkingGroupDetailDto>(t.url, 'GET', `/api/working-groups/${lab.id}`, { token: lead });
    const request = before.body.pending.find((p) => p.displayName === 'Sophie Kaya')!;
    expect(request.kind).toBe('request');
    // another member may not accept
    const notLead = await api(t.url, 'POST', `/api/working-groups/${lab.id}/requests/${request.personId}/accept`, { token: member });
    expect(notLead.status).toBe(403);
    const accepted = await api<WorkingGroupDetailDto>(t.url, 'POST', `/api/working-groups/${lab.id}/requests/${request.personId}/accept`, { token: lead });
    expect(accepted.status).toBe(201);

    const inside = await api<WorkingGroupDetailDto>(t.url, 'GET', `/api/working-groups/${lab.id}`, { token: member });
    const outside = await api<WorkingGroupDetailDto>(t.url, 'GET', `/api/working-groups/${lab.id}`);
    expect(inside.body.hiddenMembers).toBe(0);
    expect(outside.body.members.length + outside.body.hiddenMembers).toBe(inside.body.members.length);
    const listed: { id: string }[] = await t.ds.query(`SELECT person_id AS id FROM consent WHERE purpose = 'public_listing' AND granted`);
    for (const m of outside.body.members) expect(listed.map((l) => l.id)).toContain(m.personId);
    expect(outside.body.pending).toEqual([]);
  });

  it('filters by action field, state and mine, and uses the same number of SQL statements for any page size', async () => {
    const mine = await api<WorkingGroupPage>(t.url, 'GET', `/api/working-groups?mine=true`, { token: member });
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(mine.body.items.every((g) => g.myRole !== null)).toBe(true);
    const dissolved = await api<WorkingGroupPage>(t.url, 'GET', `/api/working-groups?state=dissolved`);
    expect(dissolved.body.items.every((g) => g.state === 'dissolved')).toBe(true);

    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    const count = async (pageSize: number) => {
      spy.mockClear();
      const res = await api<WorkingGroupPage>(t.url, 'GET', `/api/working-groups?pageSize=${pageSize}`, { token: member });
      expect(res.status).toBe(200);
      return spy.mock.calls.length;
    };
    const small = await count(1);
    const large = await count(50);
    spy.mockRestore();
    expect(large).toBe(small);
    expect(small).toBeLessThanOrEqual(2); // session check + the page
  });

  it('refuses bad input with clear codes', async () => {
    const unknownField = await propose(member, { actionFieldId: '00000000-0000-4000-8000-000000000000' });
    expect((unknownField.body as unknown as ApiErrorBody).code).toBe('UNKNOWN_ACTION_FIELD');
    const badState = await api<ApiErrorBody>(t.url, 'GET', `/api/working-groups?state=finished`);
    expect(badState.status).toBe(400);
    const badDate = await api<ApiErrorBody>(t.url, 'POST', `/api/working-groups/00000000-0000-4000-8000-000000000000/transitions`, {
      token: office,
      body: { to: 'approved', reason: 'x y z', effectiveOn: '5.9.2019' },
    });
    expect(badDate.body.code).toBe('VALIDATION_FAILED');
    const missing = await api<ApiErrorBody>(t.url, 'GET', `/api/working-groups/00000000-0000-4000-8000-000000000000`);
    expect(missing.status).toBe(404);
  });

  it('the office adds an action field such as Fachkräfte-Werkstatt; members may not', async () => {
    const body = { slug: 'energie', nameDe: 'Energiewende im Betrieb', nameEn: 'Energy transition at work', descriptionDe: '', descriptionEn: '', color: '#335577', icon: 'bolt' };
    expect((await api(t.url, 'POST', '/api/action-fields', { token: member, body })).status).toBe(403);
    const created = await api<ActionFieldDto>(t.url, 'POST', '/api/action-fields', { token: office, body });
    expect(created.status).toBe(201);
    expect(created.body.position).toBe(5);
    const taken = await api<ApiErrorBody>(t.url, 'POST', '/api/action-fields', { token: office, body });
    expect(taken.body.code).toBe('SLUG_TAKEN');
    const archived = await api<ActionFieldDto>(t.url, 'PUT', `/api/action-fields/${created.body.id}`, { token: office, body: { ...body, archived: true } });
    expect(archived.body.archived).toBe(true);
  });
});
