// Groups issue: listing working groups with 1,000 groups and 20,000 memberships
// answers p95 <= 20 ms over HTTP, with a constant number of SQL statements.
import pg from 'pg';
import { freshDatabase, login, measure, report, startApi } from './lib.mjs';

const db = await freshDatabase();
let api;
try {
  api = await startApi(db.url, { SQL_STATEMENT_HEADER: 'true' }); // migrates and loads the demo data
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  await client.query(`
    INSERT INTO person (email, display_name, roles, email_verified_at)
    SELECT 'bench' || i || '@bench.example', 'Bench Person ' || i, '{member}', now() FROM generate_series(1, 2000) i`);
  await client.query(`
    INSERT INTO working_group (action_field_id, name, purpose, goals, state, access)
    SELECT (SELECT id FROM action_field ORDER BY position OFFSET (i % 4) LIMIT 1),
           'Bench-Gruppe ' || lpad(i::text, 4, '0'), 'Zweck der Gruppe ' || i, '',
           (ARRAY['proposed','approved','active','dormant','dissolved','permanent'])[1 + i % 6], 'open'
      FROM generate_series(1, 1000) i`);
  // 20 members each: 20,000 memberships
  await client.query(`
    WITH g AS (SELECT id, row_number() OVER (ORDER BY name) AS n FROM working_group WHERE name LIKE 'Bench-%'),
         p AS (SELECT id, row_number() OVER (ORDER BY email) AS n FROM person WHERE email LIKE '%@bench.example')
    INSERT INTO group_membership (group_id, person_id, role, status, joined_at)
    SELECT g.id, p.id, CASE WHEN k = 0 THEN 'lead' ELSE 'member' END, 'member', now()
      FROM g CROSS JOIN generate_series(0, 19) k JOIN p ON p.n = 1 + ((g.n * 20 + k) % 2000)`);
  // the demo member belongs to some bench groups, so "myRole" is computed for real
  await client.query(`
    INSERT INTO group_membership (group_id, person_id, role, status, joined_at)
    SELECT g.id, (SELECT id FROM person WHERE email = 'member@allmende.example'), 'member', 'member', now()
      FROM working_group g WHERE g.name LIKE 'Bench-%' AND g.name LIKE '%7'`);
  await client.query('ANALYZE');
  const { rows } = await client.query(`SELECT (SELECT count(*) FROM working_group) AS groups, (SELECT count(*) FROM group_membership) AS memberships`);
  const [field] = (await client.query(`SELECT id FROM action_field WHERE slug = 'handel'`)).rows;
  await client.end();
  console.log(`data: ${rows[0].groups} groups, ${rows[0].memberships} memberships`);

  const token = await login(api.url, 'member@allmende.example');
  const auth = { authorization: `Bearer ${token}` };
  const pages = (pageSize, extra = '') =>
    Array.from({ length: 20 }, (_, i) => ({ url: `${api.url}/api/working-groups?pageSize=${pageSize}&page=${1 + ((i * 7) % Math.floor(1000 / pageSize))}${extra}`, headers: auth }));

  let ok = true;
  ok = report('GET /api/working-groups pageSize=20 (signed in)', await measure(pages(20)), 20) && ok;
  ok = report('GET /api/working-groups pageSize=100 (signed in)', await measure(pages(100)), 20) && ok;
  ok = report('GET /api/working-groups filtered field+state', await measure(pages(20, `&actionField=${field.id}&state=active`)), 20) && ok;
  ok = report('GET /api/working-groups?mine=true', await measure([{ url: `${api.url}/api/working-groups?mine=true`, headers: auth }]), 20) && ok;
  ok = report('GET /api/working-groups anonymous', await measure(pages(20).map((r) => ({ url: r.url }))), 20) && ok;
  if (!ok) process.exitCode = 1;
} finally {
  await api?.stop();
  await db.stop();
}
