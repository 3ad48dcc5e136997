import type { ActionFieldDto, ApiErrorBody } from '@allmende/contracts';
import { seedDemoData } from '../src/database/seed/seed-demo-data';
import { DEMO_ACTION_FIELDS, DEMO_ORGANISATIONS, DEMO_PERSONS } from '../src/database/seed/demo-data';
import { startTestApp, TestApp } from './support/test-app';

describe('foundation against a real PostgreSQL', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const count = async (table: string) => Number((await t.ds.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  it('loads the demo data exactly once, even when two loads race', async () => {
    const results = await Promise.all([seedDemoData(t.ds, 'allmende-demo'), seedDemoData(t.ds, 'allmende-demo')]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await seedDemoData(t.ds, 'allmende-demo')).toBe(false);
    expect(await count('action_field')).toBe(DEMO_ACTION_FIELDS.length);
    expect(await count('organisation')).toBe(DEMO_ORGANISATIONS.length);
    expect(await count('person')).toBe(DEMO_PERSONS.length);
    const actorTypes = await t.ds.query(`SELECT DISTINCT actor_type FROM organisation ORDER BY 1`);
    expect(actorTypes.map((r: { actor_type: string }) => r.actor_type)).toEqual([
      'business',
      'civil_society',
      'intermediary',
      'public_administration',
      'science',
    ]);
  });

  it('stores demo passwords as argon2id hashes, never in clear', async () => {
    const [row] = await t.ds.query(`SELECT password_hash FROM person WHERE email = 'member@allmende.example'`);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('lists action fields in order and hides archived ones unless asked', async () => {
    await t.ds.query(`UPDATE action_field SET archived = true WHERE slug = 'fachkraefte'`);
    try {
      const active = (await (await fetch(`${t.url}/api/action-fields`)).json()) as ActionFieldDto[];
      expect(active.map((f) => f.slug)).toEqual(['handwerk', 'handel', 'gruendungen']);
      const all = (await (await fetch(`${t.url}/api/action-fields?includeArchived=true`)).json()) as ActionFieldDto[];
      expect(all.map((f) => f.slug)).toContain('fachkraefte');
      expect(all.find((f) => f.slug === 'fachkraefte')?.archived).toBe(true);
    } finally {
      await t.ds.query(`UPDATE action_field SET archived = false WHERE slug = 'fachkraefte'`);
    }
  });

  it('reports health with the database', async () => {
    const res = await fetch(`${t.url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', database: 'up' });
  });

  it('refuses unknown query fields with VALIDATION_FAILED and names the field', async () => {
    const res = await fetch(`${t.url}/api/action-fields?sort=name`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as ApiErrorBody;
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.details).toEqual([{ field: 'sort', problems: [expect.stringContaining('should not exist')] }]);
    expect(body.requestId).toBeTruthy();
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('answers a malformed JSON body with 400, not 500', async () => {
    const res = await fetch(`${t.url}/api/action-fields`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"broken": ',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ApiErrorBody).code).toBe('BAD_REQUEST');
  });

  it('denies routes that are not marked public', async () => {
    // the docs JSON is served outside the guard; a non-public API route must answer 401 or 404, never 200
    const res = await fetch(`${t.url}/api/action-fields`, { method: 'DELETE' });
    expect([401, 404]).toContain(res.status);
  });

  it('migrations can all be undone and redone', async () => {
    const applied = Number((await t.ds.query(`SELECT count(*) AS n FROM migrations`))[0].n);
    expect(applied).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < applied; i++) await t.ds.undoLastMigration({ transaction: 'each' });
    const gone = await t.ds.query(`SELECT to_regclass('public.action_field') AS t`);
    expect(gone[0].t).toBeNull();
    await t.ds.runMigrations({ transaction: 'each' });
    const back = await t.ds.query(`SELECT to_regclass('public.participation_event') AS t`);
    expect(back[0].t).toBe('participation_event');
  });
});
