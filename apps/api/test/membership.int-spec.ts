import type {
  CharterVersionDto,
  MeDto,
  MembershipAdminDto,
  MembershipDto,
  MembershipHistoryEntryDto,
  Page,
  PublishCharterRequest,
} from '@allmende/contracts';
import { MailSink } from '@allmende/e2e-support';
import { seedDemoData } from '../src/database/seed/seed-demo-data';
import { codeOf, NewAccount, registerVerified, signIn } from './support/accounts';
import { api, DEMO_PASSWORD, Session } from './support/http';
import { startTestApp, TestApp } from './support/test-app';

const CHARTER_V2: PublishCharterRequest = {
  missionDe: 'Die Wirtschaftsallianz gestaltet den Standort gemeinsam, offen und auf Augenhöhe – jetzt auch mit dem Handlungsfeld Fachkräfte.',
  missionEn: 'The alliance shapes the local economy together, openly and as equals – now including skilled workers.',
  goals: [{ de: 'Fachkräfte gewinnen und halten', en: 'Attract and keep skilled workers' }],
};

describe('charter and alliance membership', () => {
  let t: TestApp;
  let sink: MailSink;
  let office: Session;
  let admin: Session;
  let member: Session;
  let researcher: Session;
  let memberId: string;
  let officeId: string;

  beforeAll(async () => {
    sink = await new MailSink().start();
    t = await startTestApp(sink.env());
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  const me = (s: Session) => api<MeDto>(t.url, 'GET', '/api/me', { token: s.token });
  const sign = (s: Session, version: number) => api<MembershipDto>(t.url, 'POST', '/api/me/membership/sign', { token: s.token, body: { version } });
  const history = (personId: string) => api<MembershipHistoryEntryDto[]>(t.url, 'GET', `/api/memberships/${personId}/history`, { token: office.token });
  const transition = (personId: string, to: string, reason = 'decided in the plenary', token = office.token) =>
    api<MembershipDto>(t.url, 'POST', `/api/memberships/${personId}/transitions`, { token, body: { to, reason } });
  const kinds = async (personId: string) =>
    ((await t.ds.query(`SELECT kind FROM participation_event WHERE person_id = $1 ORDER BY id`, [personId])) as { kind: string }[]).map((r) => r.kind);

  it('answers 404 NO_CHARTER before any charter is published, and signing is refused', async () => {
    const res = await api(t.url, 'GET', '/api/charter');
    expect(res.status).toBe(404);
    expect(codeOf(res)).toBe('NO_CHARTER');
    const early = await registerVerified(t.url, sink, 'Erna Early');
    const signed = await sign(early, 1);
    expect(signed.status).toBe(404);
    expect(codeOf(signed)).toBe('NO_CHARTER');
    expect((await me(early)).body.membership).toMatchObject({ status: 'interested', awaitingApproval: false });

    await seedDemoData(t.ds, DEMO_PASSWORD);
    office = await signIn(t.url, 'office@allmende.example', DEMO_PASSWORD);
    admin = await signIn(t.url, 'admin@allmende.example', DEMO_PASSWORD);
    member = await signIn(t.url, 'member@allmende.example', DEMO_PASSWORD);
    researcher = await signIn(t.url, 'researcher@allmende.example', DEMO_PASSWORD);
    [{ id: memberId }] = await t.ds.query(`SELECT id FROM person WHERE email = 'member@allmende.example'`);
    [{ id: officeId }] = await t.ds.query(`SELECT id FROM person WHERE email = 'office@allmende.example'`);
  });

  it('shows the current charter to everyone', async () => {
    const res = await api<CharterVersionDto>(t.url, 'GET', '/api/charter');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: 1, goals: expect.arrayContaining([expect.objectContaining({ de: expect.any(String), en: expect.any(String) })]) });
    expect(res.body.missionDe).toContain('Wirtschaftsallianz Bottrop');
  });

  describe('office-only routes', () => {
    it.each([
      ['GET', '/api/memberships', undefined],
      ['GET', '/api/memberships?status=awaiting_approval', undefined],
      ['GET', '/api/charter/versions', undefined],
      ['POST', '/api/charter/versions', CHARTER_V2],
    ])('refuses a member %s %s with 403 and an anonymous caller with 401', async (method, path, body) => {
      const asMember = await api(t.url, method, path, { token: member.token, body });
      expect(asMember.status).toBe(403);
      expect(codeOf(asMember)).toBe('FORBIDDEN');
      expect((await api(t.url, method, path, { body })).status).toBe(401);
      expect((await api(t.url, method, path, { token: researcher.token, body })).status).toBe(403);
      const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM charter_version`);
      expect(n).toBe(1);
    });

    it('refuses a member the approval, transition and history of someone else', async () => {
      const [peters] = await t.ds.query(`SELECT id FROM person WHERE email = 'peters@demo.allmende.example'`);
      expect((await api(t.url, 'POST', `/api/memberships/${peters.id}/approve`, { token: member.token })).status).toBe(403);
      expect((await transition(peters.id, 'left', 'not wanted', member.token)).status).toBe(403);
      expect((await api(t.url, 'GET', `/api/memberships/${peters.id}/history`, { token: member.token })).status).toBe(403);
      // a member cannot promote themselves either
      expect((await transition(memberId, 'active', 'self promotion', member.token)).status).toBe(403);
      const [m] = await t.ds.query(`SELECT status, awaiting_approval FROM alliance_membership WHERE person_id = $1`, [peters.id]);
      expect(m).toEqual({ status: 'interested', awaiting_approval: true });
    });

    it('lets the office list memberships, the approval queue first, and filter them', async () => {
      const res = await api<Page<MembershipAdminDto>>(t.url, 'GET', '/api/memberships?pageSize=100', { token: office.token });
      expect(res.status).toBe(200);
      const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM person WHERE deleted_at IS NULL`);
      expect(res.body.total).toBe(n);
      const queue = await api<Page<MembershipAdminDto>>(t.url, 'GET', '/api/memberships?status=awaiting_approval', { token: office.token });
      expect(queue.body.items.map((i) => i.displayName).sort()).toEqual(['Heike Lindemann', 'Jan Peters', 'Tobias Neumann']);
      expect(queue.body.items.every((i) => i.membership.awaitingApproval)).toBe(true);
      expect(res.body.items.slice(0, 3).every((i) => i.membership.awaitingApproval)).toBe(true);
      const dormant = await api<Page<MembershipAdminDto>>(t.url, 'GET', '/api/memberships?status=dormant', { token: office.token });
      expect(dormant.body.items.map((i) => i.displayName).sort()).toEqual(['Anna Overbeck', 'Oliver Krämer']);
      const search = await api<Page<MembershipAdminDto>>(t.url, 'GET', '/api/memberships?q=kamps', { token: office.token });
      expect(search.body.items.map((i) => i.displayName)).toEqual(['Markus Kamps']);
      expect(search.body.items[0]).toMatchObject({ email: 'member@allmende.example', roles: ['member'], organisations: ['Tischlerei Kamps GmbH'] });
      expect((await api(t.url, 'GET', '/api/memberships?status=famous', { token: office.token })).status).toBe(400);
    });

    it('lets the office read all versions; only admins set roles', async () => {
      const versions = await api<CharterVersionDto[]>(t.url, 'GET', '/api/charter/versions', { token: office.token });
      expect(versions.status).toBe(200);
      expect(versions.body.map((v) => v.version)).toEqual([1]);
      const asModerator = await api(t.url, 'PUT', `/api/memberships/${memberId}/roles`, { token: office.token, body: { roles: ['member', 'moderator'] } });
      expect(asModerator.status).toBe(403);
      const asAdmin = await api(t.url, 'PUT', `/api/memberships/${memberId}/roles`, { token: admin.token, body: { roles: ['member', 'moderator'] } });
      expect(asAdmin.status).toBe(200);
      expect(asAdmin.body).toEqual(['member', 'moderator']);
      // a change ends the person's sessions (sockets keep the roles they were opened with), so it applies at once
      expect((await me(member)).status).toBe(401);
      expect((await api(t.url, 'POST', '/api/auth/refresh', { cookie: member.cookie })).status).toBe(401);
      member = await signIn(t.url, 'member@allmende.example', DEMO_PASSWORD);
      expect((await me(member)).body.roles).toEqual(['member', 'moderator']);
      expect((await api(t.url, 'GET', '/api/memberships?pageSize=1', { token: member.token })).status).toBe(200);
      // setting the same roles again changes nothing and ends nothing
      expect((await api(t.url, 'PUT', `/api/memberships/${memberId}/roles`, { token: admin.token, body: { roles: ['moderator', 'member'] } })).status).toBe(200);
      expect((await me(member)).status).toBe(200);

      expect((await api(t.url, 'PUT', `/api/memberships/${memberId}/roles`, { token: admin.token, body: { roles: ['member'] } })).status).toBe(200);
      member = await signIn(t.url, 'member@allmende.example', DEMO_PASSWORD);
      expect((await api(t.url, 'GET', '/api/memberships?pageSize=1', { token: member.token })).status).toBe(403);
      expect((await api(t.url, 'PUT', `/api/memberships/${memberId}/roles`, { token: admin.token, body: { roles: ['emperor'] } })).status).toBe(400);
      const [adminRow] = await t.ds.query(`SELECT id FROM person WHERE email = 'admin@allmende.example'`);
      const demote = await api(t.url, 'PUT', `/api/memberships/${adminRow.id}/roles`, { token: admin.token, body: { roles: ['member'] } });
      expect(demote.status).toBe(409);
      expect(codeOf(demote)).toBe('CANNOT_DEMOTE_SELF');
    });

    it('answers 404 for an unknown person and 400 for a malformed id', async () => {
      const ghost = '0c9d8e7f-6a5b-4c3d-9e2f-1a0b9c8d7e6f';
      const approve = await api(t.url, 'POST', `/api/memberships/${ghost}/approve`, { token: office.token });
      expect(approve.status).toBe(404);
      expect(codeOf(approve)).toBe('NOT_FOUND');
      const moved = await transition(ghost, 'left');
      expect(moved.status).toBe(404);
      expect((await api(t.url, 'PUT', `/api/memberships/${ghost}/roles`, { token: admin.token, body: { roles: ['member'] } })).status).toBe(404);
      expect((await api(t.url, 'POST', '/api/memberships/nobody/approve', { token: office.token })).status).toBe(400);
    });
  });

  describe('lifecycle of a new member', () => {
    let newbie: NewAccount;

    beforeAll(async () => {
      newbie = await registerVerified(t.url, sink, 'Nora Neumitglied');
    });

    it('starts as interested, with one history entry', async () => {
      expect((await me(newbie)).body.membership).toEqual({
        status: 'interested',
        awaitingApproval: false,
        signedVersion: null,
        signedAt: null,
        confirmationPending: false,
      });
      const h = await history(newbie.id);
      expect(h.status).toBe(200);
      expect(h.body).toEqual([{ from: null, to: 'interested', reason: null, actorName: newbie.displayName, at: expect.any(String) }]);
      expect(await kinds(newbie.id)).toEqual(['alliance_registered']);
    });

    it('refuses an outdated or unknown version and an approval before signing', async () => {
      const future = await sign(newbie, 2);
      expect(future.status).toBe(409);
      expect(codeOf(future)).toBe('CHARTER_VERSION_OUTDATED');
      const notYet = await api(t.url, 'POST', `/api/memberships/${newbie.id}/approve`, { token: office.token });
      expect(notYet.status).toBe(409);
      expect(codeOf(notYet)).toBe('NOT_AWAITING_APPROVAL');
      for (const version of ['1', 0, null]) {
        const bad = await api(t.url, 'POST', '/api/me/membership/sign', { token: newbie.token, body: { version } });
        expect(bad.status).toBe(400);
      }
    });

    it('signs the current version and waits for approval', async () => {
      const res = await sign(newbie, 1);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'interested', awaitingApproval: true, signedVersion: 1, signedAt: expect.any(String), confirmationPending: false });
      const queue = await api<Page<MembershipAdminDto>>(t.url, 'GET', '/api/memberships?status=awaiting_approval', { token: office.token });
      expect(queue.body.items.map((i) => i.personId)).toContain(newbie.id);
      expect(await kinds(newbie.id)).toEqual(['alliance_registered', 'charter_signed']);
    });

    it('refuses moves the office may not make: interested → active / dormant / signatory', async () => {
      for (const to of ['active', 'dormant', 'signatory', 'interested']) {
        const res = await transition(newbie.id, to);
        expect([to, res.status, codeOf(res)]).toEqual([to, 409, 'INVALID_MEMBERSHIP_TRANSITION']);
      }
      expect((await me(newbie)).body.membership).toMatchObject({ status: 'interested', awaitingApproval: true });
    });

    it('is approved by the office and becomes a signatory', async () => {
      const res = await api<MembershipDto>(t.url, 'POST', `/api/memberships/${newbie.id}/approve`, { token: office.token });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'signatory', awaitingApproval: false, signedVersion: 1, confirmationPending: false });
      const again = await api(t.url, 'POST', `/api/memberships/${newbie.id}/approve`, { token: office.token });
      expect(again.status).toBe(409);
      expect(codeOf(again)).toBe('NOT_AWAITING_APPROVAL');
      const [row] = await t.ds.query(`SELECT approved_by, approved_at FROM alliance_membership WHERE person_id = $1`, [newbie.id]);
      expect(row.approved_by).toBe(officeId);
      expect(row.approved_at).not.toBeNull();
      expect((await history(newbie.id)).body.map((e) => [e.from, e.to, e.reason, e.actorName])).toEqual([
        [null, 'interested', null, newbie.displayName],
        ['interested', 'signatory', 'signature approved', 'Petra Wiegand'],
      ]);
      expect(await kinds(newbie.id)).toEqual(['alliance_registered', 'charter_signed', 'membership_approved']);
    });

    it('is set dormant by the office with a reason (a reason is required)', async () => {
      const noReason = await api(t.url, 'POST', `/api/memberships/${newbie.id}/transitions`, { token: office.token, body: { to: 'dormant' } });
      expect(noReason.status).toBe(400);
      expect(codeOf(noReason)).toBe('VALIDATION_FAILED');
      const shortReason = await transition(newbie.id, 'dormant', ' x ');
      expect(shortReason.status).toBe(400);
      const res = await transition(newbie.id, 'dormant', 'no reply for a year');
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('dormant');
      expect((await history(newbie.id)).body.at(-1)).toMatchObject({ from: 'signatory', to: 'dormant', reason: 'no reply for a year', actorName: 'Petra Wiegand' });
      const [event] = await t.ds.query(
        `SELECT data FROM participation_event WHERE person_id = $1 AND kind = 'membership_changed' ORDER BY id DESC LIMIT 1`,
        [newbie.id],
      );
      expect(event.data).toEqual({ from: 'signatory', to: 'dormant' });
    });

    it('asks signatories to confirm a new charter version; signing it clears that, signing the old one is refused', async () => {
      expect((await me(member)).body.membership).toMatchObject({ status: 'active', signedVersion: 1, confirmationPending: false });
      const published = await api<CharterVersionDto>(t.url, 'POST', '/api/charter/versions', { token: office.token, body: CHARTER_V2 });
      expect(published.status).toBe(201);
      expect(published.body).toMatchObject({ version: 2, missionDe: CHARTER_V2.missionDe, goals: CHARTER_V2.goals });
      expect((await api<CharterVersionDto>(t.url, 'GET', '/api/charter')).body.version).toBe(2);
      const [publishedBy] = await t.ds.query(`SELECT published_by FROM charter_version WHERE version = 2`);
      expect(publishedBy.published_by).toBe(officeId);

      expect((await me(member)).body.membership).toMatchObject({ status: 'active', signedVersion: 1, confirmationPending: true });
      expect((await me(newbie)).body.membership).toMatchObject({ status: 'dormant', signedVersion: 1, confirmationPending: true });
      // people who never became signatories are not asked to confirm
      const nowak = await signIn(t.url, 'nowak@demo.allmende.example', DEMO_PASSWORD);
      expect((await me(nowak)).body.membership).toMatchObject({ status: 'interested', confirmationPending: false });

      const outdated = await sign(member, 1);
      expect(outdated.status).toBe(409);
      expect(codeOf(outdated)).toBe('CHARTER_VERSION_OUTDATED');

      const confirmed = await sign(member, 2);
      expect(confirmed.status).toBe(201);
      // a signatory confirming needs no new approval and keeps their status
      expect(confirmed.body).toMatchObject({ status: 'active', awaitingApproval: false, signedVersion: 2, confirmationPending: false });
      expect((await me(member)).body.membership.confirmationPending).toBe(false);
      const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM charter_signature WHERE person_id = $1`, [memberId]);
      expect(n).toBe(2);
    });

    it('refuses invalid charter versions', async () => {
      for (const body of [
        { ...CHARTER_V2, missionDe: 'zu kurz' },
        { ...CHARTER_V2, goals: [] },
        { ...CHARTER_V2, goals: [{ de: 'ok ok', en: '' }] },
        { ...CHARTER_V2, version: 7 },
      ]) {
        const res = await api(t.url, 'POST', '/api/charter/versions', { token: office.token, body });
        expect(res.status).toBe(400);
        expect(codeOf(res)).toBe('VALIDATION_FAILED');
      }
      const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM charter_version`);
      expect(n).toBe(2);
    });

    it('leaves the alliance by themselves; leaving twice is refused', async () => {
      expect((await sign(newbie, 2)).body).toMatchObject({ status: 'dormant', confirmationPending: false });
      const res = await api<MembershipDto>(t.url, 'POST', '/api/me/membership/leave', { token: newbie.token });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'left', awaitingApproval: false, confirmationPending: false });
      expect((await history(newbie.id)).body.at(-1)).toMatchObject({ from: 'dormant', to: 'left', actorName: newbie.displayName });
      const again = await api(t.url, 'POST', '/api/me/membership/leave', { token: newbie.token });
      expect(again.status).toBe(409);
      expect(codeOf(again)).toBe('INVALID_MEMBERSHIP_TRANSITION');
      // nor may the office move someone who left
      expect(codeOf(await transition(newbie.id, 'active'))).toBe('INVALID_MEMBERSHIP_TRANSITION');
      expect(await kinds(newbie.id)).toEqual([
        'alliance_registered',
        'charter_signed',
        'membership_approved',
        'membership_changed',
        'charter_signed',
        'alliance_left',
      ]);
      const [left] = await t.ds.query(`SELECT data FROM participation_event WHERE person_id = $1 AND kind = 'alliance_left'`, [newbie.id]);
      expect(left.data).toEqual({ from: 'dormant', to: 'left' });
    });

    it('may sign again after leaving, and then waits for approval again', async () => {
      const res = await sign(newbie, 2);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'interested', awaitingApproval: true, signedVersion: 2 });
      expect((await history(newbie.id)).body.at(-1)).toMatchObject({ from: 'left', to: 'interested', reason: 'signed again' });
      const approved = await api<MembershipDto>(t.url, 'POST', `/api/memberships/${newbie.id}/approve`, { token: office.token });
      expect(approved.body).toMatchObject({ status: 'signatory', awaitingApproval: false });
    });

    it('lets someone waiting for approval leave, which takes them out of the queue', async () => {
      const waiting = await registerVerified(t.url, sink, 'Wilma Warteschlange');
      await sign(waiting, 2);
      const res = await api<MembershipDto>(t.url, 'POST', '/api/me/membership/leave', { token: waiting.token });
      expect(res.body).toMatchObject({ status: 'left', awaitingApproval: false });
      const queue = await api<Page<MembershipAdminDto>>(t.url, 'GET', '/api/memberships?status=awaiting_approval&pageSize=100', { token: office.token });
      expect(queue.body.items.map((i) => i.personId)).not.toContain(waiting.id);
    });

    it('lets the office end a membership with a reason', async () => {
      const [kraemer] = await t.ds.query(`SELECT id FROM person WHERE email = 'kraemer@demo.allmende.example'`);
      const res = await transition(kraemer.id, 'active', 'back at the table');
      expect(res.body.status).toBe('active');
      const left = await transition(kraemer.id, 'left', 'moved away');
      expect(left.body.status).toBe('left');
      expect((await history(kraemer.id)).body.slice(-2).map((e) => [e.from, e.to, e.reason])).toEqual([
        ['dormant', 'active', 'back at the table'],
        ['active', 'left', 'moved away'],
      ]);
    });
  });

  describe('participation_event', () => {
    it('is append-only: UPDATE and DELETE via SQL fail, INSERT works', async () => {
      const [row] = await t.ds.query(`SELECT id FROM participation_event ORDER BY id LIMIT 1`);
      expect(row).toBeDefined();
      await expect(t.ds.query(`UPDATE participation_event SET kind = 'forged' WHERE id = $1`, [row.id])).rejects.toThrow(/append-only/);
      await expect(t.ds.query(`UPDATE participation_event SET occurred_at = now() - interval '1 year' WHERE id = $1`, [row.id])).rejects.toThrow(/append-only/);
      await expect(t.ds.query(`UPDATE participation_event SET person_id = $2 WHERE id = $1`, [row.id, officeId])).rejects.toThrow(/append-only/);
      await expect(t.ds.query(`DELETE FROM participation_event WHERE id = $1`, [row.id])).rejects.toThrow(/append-only/);
      await expect(t.ds.query(`DELETE FROM participation_event`)).rejects.toThrow(/append-only/);
      const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM participation_event WHERE id = $1 AND kind <> 'forged'`, [row.id]);
      expect(n).toBe(1);
      const [inserted] = await t.ds.query(`INSERT INTO participation_event (person_id, kind) VALUES ($1, 'charter_signed') RETURNING id, occurred_at`, [officeId]);
      expect(inserted.occurred_at).toBeInstanceOf(Date);
    });

    it('keeps the events when an organisation is deleted, only dropping the link', async () => {
      const founder = await registerVerified(t.url, sink, 'Fritz Gründer');
      const org = await api<{ id: string }>(t.url, 'POST', '/api/organisations', { token: founder.token, body: { name: 'Kurzlebig GmbH', actorType: 'business', sector: 'start_up' } });
      expect(org.status).toBe(201);
      await t.ds.query(`DELETE FROM organisation WHERE id = $1`, [org.body.id]);
      const [event] = await t.ds.query(`SELECT organisation_id, actor_type, sector FROM participation_event WHERE person_id = $1 AND kind = 'organisation_joined'`, [founder.id]);
      expect(event).toEqual({ organisation_id: null, actor_type: 'business', sector: 'start_up' });
    });
  });
});
