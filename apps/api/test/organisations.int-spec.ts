import type { DirectoryPersonDto, MeDto, OrganisationDetailDto, OrganisationDto, Page } from '@allmende/contracts';
import { MailSink } from '@allmende/e2e-support';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner.js';
import { seedDemoData } from '../src/database/seed/seed-demo-data';
import { codeOf, NewAccount, registerVerified, signIn } from './support/accounts';
import { api, DEMO_PASSWORD, Session } from './support/http';
import { startTestApp, TestApp } from './support/test-app';

describe('organisations, member directory and consent', () => {
  let t: TestApp;
  let sink: MailSink;
  let office: Session;
  let member: Session;
  let memberId: string;
  let kampsId: string;

  beforeAll(async () => {
    sink = await new MailSink().start();
    t = await startTestApp(sink.env());
    await seedDemoData(t.ds, DEMO_PASSWORD);
    office = await signIn(t.url, 'office@allmende.example', DEMO_PASSWORD);
    member = await signIn(t.url, 'member@allmende.example', DEMO_PASSWORD);
    [{ id: memberId }] = await t.ds.query(`SELECT id FROM person WHERE email = 'member@allmende.example'`);
    [{ id: kampsId }] = await t.ds.query(`SELECT id FROM organisation WHERE name = 'Tischlerei Kamps GmbH'`);
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  const directory = (query = '') => api<Page<DirectoryPersonDto>>(t.url, 'GET', `/api/members${query}`);
  const names = (page: Page<DirectoryPersonDto>) => page.items.map((i) => i.displayName).sort();
  const organisation = (id: string, token?: string) => api<OrganisationDetailDto>(t.url, 'GET', `/api/organisations/${id}`, { token });

  async function allDirectoryPages(pageSize: number): Promise<DirectoryPersonDto[]> {
    const all: DirectoryPersonDto[] = [];
    for (let page = 1; page < 100; page++) {
      const res = await directory(`?pageSize=${pageSize}&page=${page}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ page, pageSize });
      all.push(...res.body.items);
      if (res.body.items.length < pageSize) {
        expect(all).toHaveLength(res.body.total);
        return all;
      }
    }
    throw new Error('directory never ended');
  }

  describe('demo organisations', () => {
    it('shows the confirmed demo members of an organisation to outsiders', async () => {
      const res = await organisation(kampsId);
      expect(res.status).toBe(200);
      expect(res.body.canManage).toBe(false);
      // Markus Kamps (representative, consented) and Daniel Krause (employee, consented); Svenja Hartmann only asked to join
      expect(res.body.members.map((m) => m.displayName).sort()).toEqual(['Daniel Krause', 'Markus Kamps']);
      expect(res.body.members.every((m) => m.confirmedAt !== null)).toBe(true);
    });

    it('lets the demo representative manage the organisation and confirm the pending request', async () => {
      const res = await organisation(kampsId, member.token);
      expect(res.body.canManage).toBe(true);
      const pending = res.body.members.find((m) => m.displayName === 'Svenja Hartmann');
      expect(pending?.confirmedAt).toBeNull();
      const confirmed = await api<OrganisationDetailDto>(t.url, 'POST', `/api/organisations/${kampsId}/affiliations/${pending?.affiliationId}/confirm`, {
        token: member.token,
      });
      expect(confirmed.status).toBe(201);
      expect(confirmed.body.members.find((m) => m.displayName === 'Svenja Hartmann')?.confirmedAt).not.toBeNull();
    });

    it('does not make a newcomer the confirmed representative of an organisation that already has one', async () => {
      const claimant = await registerVerified(t.url, sink, 'Clara Claim');
      const res = await api<OrganisationDetailDto>(t.url, 'POST', `/api/organisations/${kampsId}/affiliations`, {
        token: claimant.token,
        body: { role: 'representative' },
      });
      expect(res.status).toBe(201);
      expect(res.body.canManage).toBe(false);
      expect(res.body.members.find((m) => m.personId === claimant.id)).toMatchObject({ role: 'representative', confirmedAt: null });
      const edit = await api(t.url, 'PUT', `/api/organisations/${kampsId}`, {
        token: claimant.token,
        body: { name: 'Taken over', actorType: 'business', sector: 'crafts' },
      });
      expect(edit.status).toBe(403);
    });
  });

  describe('member directory', () => {
    it('lists exactly the persons who consented to public listing (all pages, checked in the database)', async () => {
      const listed = await allDirectoryPages(7);
      const ids = listed.map((p) => p.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBeGreaterThan(10);
      const consented: { person_id: string }[] = await t.ds.query(
        `SELECT person_id FROM consent WHERE purpose = 'public_listing' AND granted AND person_id = ANY($1)`,
        [ids],
      );
      expect(consented).toHaveLength(ids.length);
      // and nobody who consented (and is still a member) is missing
      const expected: { id: string }[] = await t.ds.query(
        `SELECT p.id FROM person p JOIN consent c ON c.person_id = p.id AND c.purpose = 'public_listing' AND c.granted
           LEFT JOIN alliance_membership m ON m.person_id = p.id
          WHERE p.deleted_at IS NULL AND coalesce(m.status, 'interested') <> 'left'`,
      );
      expect([...ids].sort()).toEqual(expected.map((e) => e.id).sort());
      // people without that consent stay out: Yusuf Demir only agreed to research, Dr. Jonas Albers to publication
      const shown = listed.map((p) => p.displayName);
      expect(shown).not.toContain('Yusuf Demir');
      expect(shown).not.toContain('Dr. Jonas Albers');
      expect(shown).toContain('Markus Kamps');
    });

    it('shows no contact data', async () => {
      const res = await directory('?pageSize=100');
      const json = JSON.stringify(res.body);
      expect(json).not.toMatch(/@/);
      expect(json).not.toMatch(/phone|email|roles/i);
      expect(Object.keys(res.body.items[0]).sort()).toEqual(['bio', 'displayName', 'id', 'interests', 'organisations']);
    });

    it('filters by actor type', async () => {
      const res = await directory('?actorType=science&pageSize=100');
      expect(res.status).toBe(200);
      expect(names(res.body)).toEqual(['Nadine Becker', 'Prof. Dr. Stefan Lenz']);
      for (const p of res.body.items) expect(p.organisations.some((o) => o.actorType === 'science')).toBe(true);
      expect(res.body.total).toBe(2);
    });

    it('filters by sector', async () => {
      const res = await directory('?sector=crafts&pageSize=100');
      expect(names(res.body)).toEqual(['Anna Overbeck', 'Daniel Krause', 'Laura Engel', 'Markus Kamps', 'Sabine Brinkmann', 'Svenja Hartmann', 'Thomas Wolters']);
      for (const p of res.body.items) expect(p.organisations.some((o) => o.sector === 'crafts')).toBe(true);
    });

    it('filters by action field of interest', async () => {
      const [handel] = await t.ds.query(`SELECT id FROM action_field WHERE slug = 'handel'`);
      const res = await directory(`?actionField=${handel.id}&pageSize=100`);
      expect(names(res.body)).toEqual(['Anna Overbeck', 'Claudia Schürmann', 'Jan Peters', 'Lena Hoffmann', 'Petra Wiegand', 'Tobias Neumann']);
      for (const p of res.body.items) expect(p.interests).toContain(handel.id);
      expect((await directory('?actionField=handel')).status).toBe(400);
    });

    it('searches names and organisation names, with wildcards taken literally', async () => {
      expect(names((await directory('?q=tischlerei')).body)).toEqual(['Daniel Krause', 'Markus Kamps', 'Svenja Hartmann']);
      expect(names((await directory('?q=Sabine')).body)).toEqual(['Sabine Brinkmann']);
      expect((await directory('?q=%25')).body.total).toBe(0);
      expect((await directory('?q=_')).body.total).toBe(0);
      const combined = await directory('?q=Kamps&actorType=business&sector=crafts');
      expect(names(combined.body)).toEqual(['Daniel Krause', 'Markus Kamps', 'Svenja Hartmann']);
      expect((await directory('?q=Kamps&actorType=science')).body.total).toBe(0);
    });

    it('pages without gaps or overlaps', async () => {
      const first = await directory('?pageSize=5&page=1');
      const second = await directory('?pageSize=5&page=2');
      expect(first.body.items).toHaveLength(5);
      expect(second.body.items).toHaveLength(5);
      expect(first.body.total).toBe(second.body.total);
      const all = await directory('?pageSize=10');
      expect([...first.body.items, ...second.body.items].map((i) => i.id)).toEqual(all.body.items.map((i) => i.id));
      const beyond = await directory('?pageSize=5&page=999');
      expect(beyond.body).toMatchObject({ items: [], page: 999 });
      for (const bad of ['?pageSize=0', '?pageSize=101', '?page=0', '?page=x', '?sort=name', '?actorType=alien', '?sector=mining']) {
        const res = await directory(bad);
        expect([bad, res.status, codeOf(res)]).toEqual([bad, 400, 'VALIDATION_FAILED']);
      }
    });

    it('uses a fixed number of SQL statements per page, whatever its size', async () => {
      const statements = async (path: string, token?: string) => {
        const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
        try {
          const res = await api<Page<unknown>>(t.url, 'GET', path, { token });
          expect(res.status).toBe(200);
          return { count: spy.mock.calls.length, items: res.body.items.length };
        } finally {
          spy.mockRestore();
        }
      };
      for (const [path, token] of [
        ['/api/members', undefined],
        ['/api/members', member.token],
        ['/api/organisations', undefined],
        ['/api/memberships', office.token],
      ] as const) {
        // a session this instance has seen open is remembered (OpenSessions), so it costs no statement below
        if (token) expect((await api(t.url, 'GET', '/api/me', { token })).status).toBe(200);
        const small = await statements(`${path}?pageSize=2`, token);
        const large = await statements(`${path}?pageSize=50`, token);
        expect(small.items).toBe(2);
        expect(large.items).toBeGreaterThan(10);
        expect([path, large.count]).toEqual([path, small.count]);
        // the spy does see the statements: the page itself, one statement
        expect([path, small.count]).toEqual([path, 1]);
      }
    });
  });

  describe('consent', () => {
    const setConsent = (token: string, purpose: string, granted: boolean) =>
      api<MeDto['consents']>(t.url, 'PUT', '/api/me/consents', { token, body: { purpose, granted } });
    const consentEvents = (personId: string) =>
      t.ds.query(
        `SELECT kind, organisation_id, actor_type, sector, subject_type, data FROM participation_event
          WHERE person_id = $1 AND kind = 'consent_changed' ORDER BY id`,
        [personId],
      );
    const kampsOrg = { name: 'Tischlerei Kamps GmbH', actorType: 'business', sector: 'crafts', wzCode: '16.23', district: 'Fuhlenbrock' };

    afterAll(async () => {
      await api(t.url, 'PUT', `/api/organisations/${kampsId}`, { token: office.token, body: kampsOrg });
      await setConsent(member.token, 'public_listing', true);
    });

    it('a person who revokes public listing disappears from the directory and organisation pages; the change is kept', async () => {
      expect(names((await directory('?q=Markus')).body)).toEqual(['Markus Kamps']);
      const eventsBefore = await t.ds.query(`SELECT count(*)::int AS n FROM consent_event WHERE person_id = $1`, [memberId]);

      const res = await setConsent(member.token, 'public_listing', false);
      expect(res.status).toBe(200);
      expect(res.body.find((c) => c.purpose === 'public_listing')).toMatchObject({ granted: false, changedAt: expect.any(String) });
      // the other purposes stay as they were
      expect(res.body.find((c) => c.purpose === 'research')?.granted).toBe(true);

      expect((await directory('?q=Markus')).body.total).toBe(0);
      const all = await allDirectoryPages(50);
      expect(all.map((p) => p.id)).not.toContain(memberId);
      expect((await organisation(kampsId)).body.members.map((m) => m.personId)).not.toContain(memberId);
      // the person still sees their own link
      expect((await organisation(kampsId, member.token)).body.members.map((m) => m.personId)).toContain(memberId);

      const [after] = await t.ds.query(`SELECT count(*)::int AS n FROM consent_event WHERE person_id = $1`, [memberId]);
      expect(after.n).toBe(eventsBefore[0].n + 1);
      const [last] = await t.ds.query(`SELECT purpose, granted FROM consent_event WHERE person_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1`, [memberId]);
      expect(last).toEqual({ purpose: 'public_listing', granted: false });

      const events = await consentEvents(memberId);
      expect(events.at(-1)).toEqual({
        kind: 'consent_changed',
        organisation_id: kampsId,
        actor_type: 'business',
        sector: 'crafts',
        subject_type: 'consent',
        data: { purpose: 'public_listing', granted: false },
      });
    });

    it('records the actor type of the organisation at the moment of the change, never rewriting older events', async () => {
      const changed = await api(t.url, 'PUT', `/api/organisations/${kampsId}`, {
        token: office.token,
        body: { ...kampsOrg, actorType: 'intermediary', sector: null },
      });
      expect(changed.status).toBe(200);
      expect((await setConsent(member.token, 'public_listing', true)).status).toBe(200);
      const events = await consentEvents(memberId);
      expect(events.at(-2)).toMatchObject({ actor_type: 'business', sector: 'crafts', data: { granted: false } });
      expect(events.at(-1)).toMatchObject({ organisation_id: kampsId, actor_type: 'intermediary', sector: null, data: { granted: true } });
      expect(names((await directory('?q=Markus')).body)).toEqual(['Markus Kamps']);
    });

    it('does not record a change when nothing changes', async () => {
      const before = (await consentEvents(memberId)).length;
      const [{ n: consentBefore }] = await t.ds.query(`SELECT count(*)::int AS n FROM consent_event WHERE person_id = $1`, [memberId]);
      expect((await setConsent(member.token, 'public_listing', true)).status).toBe(200);
      expect(await consentEvents(memberId)).toHaveLength(before);
      const [{ n: consentAfter }] = await t.ds.query(`SELECT count(*)::int AS n FROM consent_event WHERE person_id = $1`, [memberId]);
      expect(consentAfter).toBe(consentBefore);
    });

    it('records a consent of a person without organisation without actor type', async () => {
      const loner = await registerVerified(t.url, sink, 'Lotte Los');
      const res = await setConsent(loner.token, 'research', true);
      expect(res.body).toEqual([
        { purpose: 'public_listing', granted: false, changedAt: null },
        { purpose: 'publication', granted: false, changedAt: null },
        { purpose: 'research', granted: true, changedAt: expect.any(String) },
      ]);
      expect(await consentEvents(loner.id)).toEqual([
        { kind: 'consent_changed', organisation_id: null, actor_type: null, sector: null, subject_type: 'consent', data: { purpose: 'research', granted: true } },
      ]);
      // research consent alone does not list anyone
      expect((await directory('?q=Lotte')).body.total).toBe(0);
    });

    it('refuses unknown purposes and non-boolean values', async () => {
      for (const body of [{ purpose: 'marketing', granted: true }, { purpose: 'research', granted: 'yes' }, { purpose: 'research' }]) {
        const res = await api(t.url, 'PUT', '/api/me/consents', { token: member.token, body });
        expect(res.status).toBe(400);
        expect(codeOf(res)).toBe('VALIDATION_FAILED');
      }
      expect((await api(t.url, 'PUT', '/api/me/consents', { body: { purpose: 'research', granted: true } })).status).toBe(401);
    });
  });

  describe('organisation lifecycle', () => {
    let rep: NewAccount;
    let applicant: NewAccount;
    let outsider: NewAccount;
    let orgId: string;
    let applicantAffiliation: string;

    beforeAll(async () => {
      rep = await registerVerified(t.url, sink, 'Rosa Repräsentantin');
      applicant = await registerVerified(t.url, sink, 'Ben Bewerber');
      outsider = await registerVerified(t.url, sink, 'Otto Außen');
    });

    it('creates an organisation; the creator becomes its confirmed representative', async () => {
      const res = await api<OrganisationDetailDto>(t.url, 'POST', '/api/organisations', {
        token: rep.token,
        body: { name: ' Schreinerei Holzwurm ', actorType: 'business', sector: 'crafts', wzCode: '16.23', district: 'Eigen', website: 'https://holzwurm.example' },
      });
      expect(res.status).toBe(201);
      orgId = res.body.id;
      expect(res.body).toMatchObject({ name: 'Schreinerei Holzwurm', actorType: 'business', sector: 'crafts', wzCode: '16.23', canManage: true });
      expect(res.body.members).toEqual([
        { affiliationId: expect.any(String), personId: rep.id, displayName: rep.displayName, role: 'representative', confirmedAt: expect.any(String) },
      ]);
      const me = await api<MeDto>(t.url, 'GET', '/api/me', { token: rep.token });
      expect(me.body.affiliations).toEqual([
        { id: expect.any(String), organisationId: orgId, organisationName: 'Schreinerei Holzwurm', actorType: 'business', role: 'representative', confirmedAt: expect.any(String) },
      ]);
      const [event] = await t.ds.query(`SELECT organisation_id, actor_type, sector, subject_id FROM participation_event WHERE person_id = $1 AND kind = 'organisation_joined'`, [rep.id]);
      expect(event).toEqual({ organisation_id: orgId, actor_type: 'business', sector: 'crafts', subject_id: orgId });

      const listed = await api<Page<OrganisationDto>>(t.url, 'GET', '/api/organisations?q=holzwurm&actorType=business&sector=crafts');
      expect(listed.body.items.map((o) => o.id)).toEqual([orgId]);
      expect((await api<Page<OrganisationDto>>(t.url, 'GET', '/api/organisations?q=holzwurm&actorType=science')).body.total).toBe(0);
    });

    it('refuses a sector for anything but a business, and bad input', async () => {
      const create = await api(t.url, 'POST', '/api/organisations', {
        token: rep.token,
        body: { name: 'Verein mit Branche', actorType: 'civil_society', sector: 'retail' },
      });
      expect(create.status).toBe(400);
      expect(codeOf(create)).toBe('SECTOR_ONLY_FOR_BUSINESS');
      const update = await api(t.url, 'PUT', `/api/organisations/${orgId}`, {
        token: rep.token,
        body: { name: 'Schreinerei Holzwurm', actorType: 'science', sector: 'crafts' },
      });
      expect(update.status).toBe(400);
      expect(codeOf(update)).toBe('SECTOR_ONLY_FOR_BUSINESS');
      for (const body of [
        { name: 'X', actorType: 'business' },
        { name: 'Firma', actorType: 'alien' },
        { name: 'Firma', actorType: 'business', sector: 'mining' },
        { name: 'Firma', actorType: 'business', website: 'javascript:alert(1)' },
        { name: 'Firma', actorType: 'business', wzCode: 'abc' },
        { name: 'Firma', actorType: 'business', canManage: true },
      ]) {
        const res = await api(t.url, 'POST', '/api/organisations', { token: rep.token, body });
        expect([JSON.stringify(body), res.status, codeOf(res)]).toEqual([JSON.stringify(body), 400, 'VALIDATION_FAILED']);
      }
      expect((await api(t.url, 'POST', '/api/organisations', { body: { name: 'Anonym GmbH', actorType: 'business' } })).status).toBe(401);
      const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM organisation WHERE name IN ('Verein mit Branche', 'Firma', 'Anonym GmbH')`);
      expect(n).toBe(0);
    });

    it('answers 404 for an unknown organisation and 400 for a malformed id', async () => {
      const unknown = await organisation('6f1c2d3e-4b5a-4c6d-8e7f-8091a2b3c4d5');
      expect(unknown.status).toBe(404);
      expect(codeOf(unknown)).toBe('NOT_FOUND');
      const malformed = await organisation('not-a-uuid');
      expect(malformed.status).toBe(400);
      const join = await api(t.url, 'POST', '/api/organisations/6f1c2d3e-4b5a-4c6d-8e7f-8091a2b3c4d5/affiliations', {
        token: applicant.token,
        body: { role: 'employee' },
      });
      expect(join.status).toBe(404);
    });

    it('lets another member ask to join: pending until confirmed, never twice', async () => {
      const res = await api<OrganisationDetailDto>(t.url, 'POST', `/api/organisations/${orgId}/affiliations`, {
        token: applicant.token,
        body: { role: 'employee' },
      });
      expect(res.status).toBe(201);
      expect(res.body.canManage).toBe(false);
      const own = res.body.members.find((m) => m.personId === applicant.id);
      expect(own).toMatchObject({ role: 'employee', confirmedAt: null });
      applicantAffiliation = String(own?.affiliationId);
      const again = await api(t.url, 'POST', `/api/organisations/${orgId}/affiliations`, { token: applicant.token, body: { role: 'representative' } });
      expect(again.status).toBe(409);
      expect(codeOf(again)).toBe('ALREADY_AFFILIATED');
      // pending links are no organisation context for participation yet
      expect(await t.ds.query(`SELECT 1 FROM participation_event WHERE person_id = $1 AND kind = 'organisation_joined'`, [applicant.id])).toHaveLength(0);
    });

    it('shows outsiders only confirmed members who consented to listing', async () => {
      expect((await organisation(orgId)).body.members).toEqual([]);
      await api(t.url, 'PUT', '/api/me/consents', { token: rep.token, body: { purpose: 'public_listing', granted: true } });
      await api(t.url, 'PUT', '/api/me/consents', { token: applicant.token, body: { purpose: 'public_listing', granted: true } });
      const anonymous = await organisation(orgId);
      expect(anonymous.body.canManage).toBe(false);
      expect(anonymous.body.members.map((m) => m.personId)).toEqual([rep.id]);
      // another signed-in member sees no more than that
      const asOutsider = await organisation(orgId, outsider.token);
      expect(asOutsider.body.members.map((m) => m.personId)).toEqual([rep.id]);
      // the representative sees the pending request too
      const asRep = await organisation(orgId, rep.token);
      expect(asRep.body.canManage).toBe(true);
      expect(asRep.body.members.map((m) => m.personId).sort()).toEqual([rep.id, applicant.id].sort());
    });

    it('forbids non-representatives to edit or confirm', async () => {
      const body = { name: 'Gekapert', actorType: 'business', sector: 'crafts' };
      for (const who of [applicant, outsider]) {
        const edit = await api(t.url, 'PUT', `/api/organisations/${orgId}`, { token: who.token, body });
        expect(edit.status).toBe(403);
        expect(codeOf(edit)).toBe('FORBIDDEN');
        const confirm = await api(t.url, 'POST', `/api/organisations/${orgId}/affiliations/${applicantAffiliation}/confirm`, { token: who.token });
        expect(confirm.status).toBe(403);
      }
      // the demo representative of another organisation has no say here either
      expect((await api(t.url, 'PUT', `/api/organisations/${orgId}`, { token: member.token, body })).status).toBe(403);
      expect((await api(t.url, 'PUT', `/api/organisations/${orgId}`, { body })).status).toBe(401);
      const [row] = await t.ds.query(`SELECT name FROM organisation WHERE id = $1`, [orgId]);
      expect(row.name).toBe('Schreinerei Holzwurm');
      const [aff] = await t.ds.query(`SELECT confirmed_at FROM affiliation WHERE id = $1`, [applicantAffiliation]);
      expect(aff.confirmed_at).toBeNull();
    });

    it('lets the representative confirm; then outsiders see the new member', async () => {
      const res = await api<OrganisationDetailDto>(t.url, 'POST', `/api/organisations/${orgId}/affiliations/${applicantAffiliation}/confirm`, {
        token: rep.token,
      });
      expect(res.status).toBe(201);
      expect(res.body.members.find((m) => m.personId === applicant.id)?.confirmedAt).toEqual(expect.any(String));
      expect((await organisation(orgId)).body.members.map((m) => m.personId).sort()).toEqual([rep.id, applicant.id].sort());
      const again = await api(t.url, 'POST', `/api/organisations/${orgId}/affiliations/${applicantAffiliation}/confirm`, { token: rep.token });
      expect(again.status).toBe(404);
      const [event] = await t.ds.query(
        `SELECT organisation_id, actor_type, data FROM participation_event WHERE person_id = $1 AND kind = 'organisation_joined'`,
        [applicant.id],
      );
      expect(event).toEqual({ organisation_id: orgId, actor_type: 'business', data: { role: 'employee' } });
      const directoryEntry = (await directory('?q=Ben Bewerber')).body.items[0];
      expect(directoryEntry.organisations).toEqual([{ id: orgId, name: 'Schreinerei Holzwurm', actorType: 'business', sector: 'crafts', role: 'employee' }]);
    });

    it('lets representatives and the office edit; a non-business loses its sector', async () => {
      const byRep = await api<OrganisationDetailDto>(t.url, 'PUT', `/api/organisations/${orgId}`, {
        token: rep.token,
        body: { name: 'Schreinerei Holzwurm', actorType: 'business', sector: 'crafts', description: 'Möbel nach Maß' },
      });
      expect(byRep.status).toBe(200);
      expect(byRep.body.description).toBe('Möbel nach Maß');
      const byOffice = await api<OrganisationDetailDto>(t.url, 'PUT', `/api/organisations/${orgId}`, {
        token: office.token,
        body: { name: 'Schreinerei Holzwurm eG', actorType: 'civil_society' },
      });
      expect(byOffice.status).toBe(200);
      expect(byOffice.body).toMatchObject({ name: 'Schreinerei Holzwurm eG', actorType: 'civil_society', sector: null, canManage: true });
      // the office sees everyone, also on demo organisations it does not belong to
      expect((await organisation(kampsId, office.token)).body.canManage).toBe(true);
    });

    it('ends a link: the person may, an outsider may not; the end is recorded with the organisation', async () => {
      const repAffiliation = (await organisation(orgId, rep.token)).body.members.find((m) => m.personId === rep.id)?.affiliationId;
      expect(repAffiliation).toBeDefined();
      const forbidden = await api(t.url, 'DELETE', `/api/organisations/${orgId}/affiliations/${repAffiliation}`, { token: outsider.token });
      expect(forbidden.status).toBe(403);
      const byApplicant = await api(t.url, 'DELETE', `/api/organisations/${orgId}/affiliations/${applicantAffiliation}`, { token: applicant.token });
      expect(byApplicant.status).toBe(204);
      expect((await organisation(orgId)).body.members.map((m) => m.personId)).toEqual([rep.id]);
      const me = await api<MeDto>(t.url, 'GET', '/api/me', { token: applicant.token });
      expect(me.body.affiliations).toEqual([]);
      const [left] = await t.ds.query(`SELECT organisation_id, actor_type FROM participation_event WHERE person_id = $1 AND kind = 'organisation_left'`, [applicant.id]);
      expect(left).toEqual({ organisation_id: orgId, actor_type: 'civil_society' });
      // the history stays; joining again is possible
      const rejoin = await api(t.url, 'POST', `/api/organisations/${orgId}/affiliations`, { token: applicant.token, body: { role: 'employee' } });
      expect(rejoin.status).toBe(201);
      const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM affiliation WHERE person_id = $1 AND organisation_id = $2`, [applicant.id, orgId]);
      expect(n).toBe(2);
    });
  });
});
