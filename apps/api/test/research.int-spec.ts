import type { ContinuityReport, CouncilReport, ExportResult, ParticipationReport, StudyDto, CompositionReport, OutputsReport } from '@allmende/contracts';
import { AuthService } from '../src/modules/auth/auth.service';
import { seedDemoData } from '../src/database/seed/seed-demo-data';
import { pseudonym } from '../src/modules/research/exports.service';
import { api, login } from './support/http';
import { startTestApp, TestApp } from './support/test-app';

describe('research', () => {
  let t: TestApp;
  let researcher: string;
  let office: string;
  let member: string;

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.ds, 'allmende-demo');
    researcher = (await login(t.url, 'researcher@allmende.example')).token;
    office = (await login(t.url, 'office@allmende.example')).token;
    member = (await login(t.url, 'member@allmende.example')).token;
  });
  afterAll(async () => {
    await t?.close();
  });

  const study = async (name: string) => (await api<StudyDto>(t.url, 'POST', '/api/research/studies', { token: researcher, body: { name } })).body;
  const exportOf = async (studyId: string, format = 'csv') =>
    (await api<ExportResult>(t.url, 'POST', '/api/research/exports', { token: researcher, body: { studyId, format } })).body;
  const csvRows = (content: string) => content.trim().split('\r\n').slice(1).map((l) => l.split(','));

  it('members may not use the research routes; researchers and the office may', async () => {
    for (const path of ['/api/research/participation?groupBy=actorType', '/api/research/continuity', '/api/research/composition', '/api/research/outputs', '/api/research/studies', '/api/research/exports']) {
      expect((await api(t.url, 'GET', path, { token: member })).status).toBe(403);
      expect((await api(t.url, 'GET', path)).status).toBe(401);
      expect((await api(t.url, 'GET', path, { token: researcher })).status).toBe(200);
    }
    expect((await api(t.url, 'POST', '/api/research/exports', { token: member, body: {} })).status).toBe(403);
    expect((await api(t.url, 'GET', '/api/reports/council?from=2016-01-01&to=2020-01-01', { token: member })).status).toBe(403);
    expect((await api(t.url, 'GET', '/api/research/participation?groupBy=colour', { token: researcher })).status).toBe(400);
  });

  it('a person without research consent takes part: in no export and no figure; small cells read "< 5"', async () => {
    // a new person in a group, with research consent withheld, takes part a lot
    const hash = await t.app.get(AuthService).hashPassword('ein-sicheres-passwort');
    const [p] = await t.ds.query(
      `INSERT INTO person (email, password_hash, display_name, email_verified_at) VALUES ('ohne.einwilligung@example.org', $1, 'Ohne Einwilligung', now()) RETURNING id`,
      [hash],
    );
    await t.ds.query(`INSERT INTO consent (person_id, purpose, granted) VALUES ($1, 'research', false)`, [p.id]);
    await t.ds.query(
      `INSERT INTO participation_event (person_id, actor_type, sector, kind, subject_type, subject_id, occurred_at)
       SELECT $1, 'business', 'crafts', 'group_joined', 'working_group', g.id, '2031-01-15' FROM working_group g WHERE g.name = 'Digitale Werkstatt Handwerk'`,
      [p.id],
    );
    // and four consenting people take part in the same month: a cell of four persons
    const four: { person_id: string }[] = await t.ds.query(`SELECT person_id FROM consent WHERE purpose = 'research' AND granted ORDER BY person_id LIMIT 4`);
    for (const f of four) {
      await t.ds.query(`INSERT INTO participation_event (person_id, actor_type, kind, occurred_at) VALUES ($1, 'science', 'meeting_attended', '2031-01-20')`, [f.person_id]);
    }

    const report = await api<ParticipationReport>(t.url, 'GET', '/api/research/participation?groupBy=actorType&period=month&from=2031-01-01&to=2031-02-01', { token: researcher });
    expect(report.status).toBe(200);
    // the person without consent is not counted: no "business" cell at all in that month
    expect(report.body.rows.find((r) => r.key === 'business')).toBeUndefined();
    const science = report.body.rows.find((r) => r.key === 'science')!;
    expect(science).toMatchObject({ period: '2031-01', persons: { value: null, suppressed: true }, events: { value: null, suppressed: true } });
    const byGroup = await api<ParticipationReport>(t.url, 'GET', '/api/research/participation?groupBy=group&period=quarter&from=2031-01-01', { token: researcher });
    expect(byGroup.body.rows.every((r) => r.key === null)).toBe(true);

    const s = await study('Teilnahme ohne Einwilligung');
    const result = await exportOf(s.id);
    const persons = result.files.find((f) => f.name === 'persons.csv')!.content;
    const events = result.files.find((f) => f.name === 'events.csv')!.content;
    expect(persons).not.toContain(pseudonym(Buffer.alloc(0), p.id));
    const [secret] = await t.ds.query(`SELECT secret FROM research_study WHERE id = $1`, [s.id]);
    expect(persons).not.toContain(pseudonym(secret.secret, p.id));
    expect(events).not.toContain(pseudonym(secret.secret, p.id));
    expect(events).not.toContain('2031-01-15');
    expect(persons + events).not.toMatch(/@|Ohne Einwilligung|Markus Kamps/);
    expect(result.files.map((f) => f.name)).toEqual(['persons.csv', 'events.csv', 'codebook.md']);
    expect(result.files[2].content).toContain('pseudonym');

    // consent revoked: gone from the next export and from the figures
    const [someone] = four;
    const before = await exportOf(s.id);
    expect(before.files[0].content).toContain(pseudonym(secret.secret, someone.person_id));
    await t.ds.query(`UPDATE consent SET granted = false WHERE person_id = $1 AND purpose = 'research'`, [someone.person_id]);
    const after = await exportOf(s.id);
    expect(after.files[0].content).not.toContain(pseudonym(secret.secret, someone.person_id));
    expect(after.persons).toBe(before.persons - 1);
  });

  it('pseudonyms are stable within a study and differ between studies; every export is logged', async () => {
    const a = await study('Studie A');
    const b = await study('Studie B');
    expect((await api(t.url, 'POST', '/api/research/studies', { token: researcher, body: { name: 'Studie A' } })).status).toBe(409);
    const first = csvRows((await exportOf(a.id)).files[0].content).map((r) => r[0]);
    const again = csvRows((await exportOf(a.id)).files[0].content).map((r) => r[0]);
    const other = csvRows((await exportOf(b.id)).files[0].content).map((r) => r[0]);
    expect(first.length).toBeGreaterThan(5);
    expect(again).toEqual(first);
    expect(other.filter((x) => first.includes(x))).toEqual([]);
    const json = await exportOf(a.id, 'json');
    const persons = JSON.parse(json.files[0].content) as { pseudonym: string }[];
    expect(persons.map((x) => x.pseudonym).sort()).toEqual([...first].sort());

    const log = await api<{ study: string; exportedBy: string; filters: { format: string } }[]>(t.url, 'GET', '/api/research/exports', { token: office });
    expect(log.body.filter((l) => l.study === 'Studie A')).toHaveLength(3);
    expect(log.body[0]).toMatchObject({ study: 'Studie A', exportedBy: 'Dr. Jonas Albers', filters: { format: 'json' } });
  });

  it('the dashboard tells the story of three years: participation, continuity, composition, outputs', async () => {
    const quarters = await api<ParticipationReport>(t.url, 'GET', '/api/research/participation?groupBy=actorType&period=quarter', { token: researcher });
    const periods = new Set(quarters.body.rows.map((r) => r.period));
    expect(periods.size).toBeGreaterThanOrEqual(8);
    expect(quarters.body.rows.some((r) => !r.persons.suppressed && (r.persons.value ?? 0) >= 5)).toBe(true);

    const continuity = await api<ContinuityReport>(t.url, 'GET', '/api/research/continuity?k=2&n=4', { token: researcher });
    expect(continuity.body.plenaries.map((p) => p.seriesNumber)).toEqual([8, 7, 6, 5]);
    expect(continuity.body.share).toBeGreaterThan(0);
    expect(continuity.body.cohorts.length).toBeGreaterThan(0);

    const composition = await api<CompositionReport>(t.url, 'GET', '/api/research/composition', { token: researcher });
    expect(composition.body.alliance.length).toBeGreaterThan(1);
    const outputs = await api<OutputsReport>(t.url, 'GET', '/api/research/outputs', { token: researcher });
    expect(outputs.body.byGroup.find((g) => g.groupId === null)?.stages).toMatchObject({ lab: 1, project: 1 });
    expect(outputs.body.decisions.reduce((n, d) => n + d.count, 0)).toBeGreaterThanOrEqual(9);
  });

  it('the council report sums up a period', async () => {
    const report = await api<CouncilReport>(t.url, 'GET', '/api/reports/council?from=2016-01-01&to=2020-01-01', { token: office });
    expect(report.status).toBe(200);
    expect(report.body.plenaries.map((p) => p.seriesNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(report.body.plenaries[0].attendance).toBe(46);
    expect(report.body.decisions.length).toBeGreaterThanOrEqual(9);
    expect(report.body.groups.map((g) => g.state)).toEqual(expect.arrayContaining(['active', 'dissolved']));
    expect(report.body.members.total).toBeGreaterThan(20);
    expect((await api(t.url, 'GET', '/api/reports/council?from=2020-01-01&to=2016-01-01', { token: office })).status).toBe(400);
  });
});
