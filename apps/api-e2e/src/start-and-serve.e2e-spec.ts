import { ApiProcess, runApiExpectingExit, startApi } from '@allmende/e2e-support';
import { ActionFieldDto, ApiErrorBody, HealthDto } from '@allmende/contracts';
import { Client } from 'pg';

async function countRows(url: string, table: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM ${table}`);
    return rows[0].n as number;
  } finally {
    await client.end();
  }
}

describe('the built API started like `npm start` (embedded PostgreSQL)', () => {
  let api: ApiProcess;
  let counts: Record<string, number>;

  beforeAll(async () => {
    api = await startApi();
    const db = api.embeddedDatabaseUrl();
    counts = {
      action_field: await countRows(db, 'action_field'),
      organisation: await countRows(db, 'organisation'),
      person: await countRows(db, 'person'),
    };
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('answers the health check with the database up', async () => {
    const res = await fetch(`${api.url}/api/health`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as HealthDto;
    expect(body).toMatchObject({ status: 'ok', database: 'up' });
  });

  it('lists the Bottrop action fields in German and English', async () => {
    const res = await fetch(`${api.url}/api/action-fields`);
    expect(res.status).toBe(200);
    const fields = (await res.json()) as ActionFieldDto[];
    expect(fields.map((f) => f.slug)).toEqual(['handwerk', 'handel', 'gruendungen', 'fachkraefte']);
    expect(fields[0].nameDe).toContain('Handwerk');
    expect(fields[0].nameEn).toContain('crafts');
  });

  it('loads demo data of every actor type and the demo logins', () => {
    expect(counts['organisation']).toBeGreaterThanOrEqual(20);
    expect(counts['person']).toBeGreaterThanOrEqual(30);
    expect(api.output()).toContain('office@allmende.example');
    expect(api.output()).toContain(`Allmende is running at`);
  });

  it('serves the web app at / and deep links, and the OpenAPI document', async () => {
    const index = await fetch(`${api.url}/`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<alm-root');
    const deep = await fetch(`${api.url}/some/deep/link`);
    expect(deep.status).toBe(200);
    const openApi = await fetch(`${api.url}/api/docs/openapi.json`);
    expect(openApi.status).toBe(200);
    const doc = (await openApi.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/action-fields']));
  });

  it('sends security headers and a request id', async () => {
    const res = await fetch(`${api.url}/api/health`, { headers: { 'x-request-id': 'e2e-check-1' } });
    expect(res.headers.get('x-request-id')).toBe('e2e-check-1');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('answers unknown API routes and bad input with the one error format', async () => {
    const missing = await fetch(`${api.url}/api/does-not-exist`);
    expect(missing.status).toBe(404);
    const body = (await missing.json()) as ApiErrorBody;
    expect(body).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: expect.any(String), requestId: expect.any(String) });

    const bad = await fetch(`${api.url}/api/action-fields?includeArchived=perhaps`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ApiErrorBody).code).toBe('VALIDATION_FAILED');

    // with the web app served too, a malformed body is still the client's 400
    const malformed = await fetch(`${api.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email": ' });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as ApiErrorBody).code).toBe('BAD_REQUEST');
  });

  it('keeps its data over a restart without duplicating the demo data, and stops cleanly', async () => {
    expect(await api.stop()).toBe(0);
    expect(api.output()).toContain('shutting down');
    api = await startApi({ dataDir: api.dataDir });
    expect(api.output()).toContain('Demo data already present');
    const db = api.embeddedDatabaseUrl();
    for (const table of Object.keys(counts)) {
      expect(await countRows(db, table)).toBe(counts[table]);
    }
  });
});

describe('configuration errors stop the start', () => {
  it('exits non-zero naming PORT when PORT is not a number', async () => {
    const { code, output } = await runApiExpectingExit({ PORT: 'abc' });
    expect(code).not.toBe(0);
    expect(output).toContain('PORT');
    expect(output).toMatch(/whole number/);
  });

  it('names DATABASE_URL when it is not a postgres URL', async () => {
    const { code, output } = await runApiExpectingExit({ DATABASE_URL: 'mysql://nope' });
    expect(code).toBe(1);
    expect(output).toContain('DATABASE_URL');
  });
});
