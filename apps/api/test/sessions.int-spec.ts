import type { MeDto } from '@allmende/contracts';
import { seedDemoData } from '../src/database/seed/seed-demo-data';
import { api, login } from './support/http';
import { startAppOn, startTestApp, TestApp } from './support/test-app';

/**
 * Open sessions are remembered between requests (OpenSessions); these tests prove that
 * remembering never lets an ended session or old roles through, on this instance or another.
 */
describe('remembered sessions end everywhere at once', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    a = await startTestApp();
    await seedDemoData(a.ds, 'allmende-demo');
    b = await startAppOn(a.databaseUrl);
  });
  afterAll(async () => {
    // passport strategies are per process: the second app closes last
    await a?.close();
    await b?.app.close();
  });

  const me = (t: TestApp, token: string) => api<MeDto>(t.url, 'GET', '/api/me', { token });
  /** The status a request answers once the notification had a moment to arrive (at most a second). */
  const settles = async (request: () => Promise<{ status: number }>, status: number) => {
    const deadline = Date.now() + 1000;
    let last = (await request()).status;
    while (last !== status && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
      last = (await request()).status;
    }
    return last;
  };

  // passport keeps one 'jwt' strategy per process, the one registered last: in this test
  // both apps check tokens with b's strategy and so with b's OpenSessions. b hears of a
  // logout on a only through the database's notification, as another process would.
  it('a logout on one instance ends the session on the other, which had it remembered', async () => {
    const s = await login(a.url, 'member@allmende.example');
    expect((await me(a, s.token)).status).toBe(200);
    expect((await me(b, s.token)).status).toBe(200); // now remembered
    expect((await api(a.url, 'POST', '/api/auth/logout', { token: s.token, cookie: s.cookie })).status).toBe(204);
    expect(await settles(() => me(b, s.token), 401)).toBe(401);
    expect((await me(a, s.token)).status).toBe(401);
  });

  it('the instance that ends a session forgets it at once', async () => {
    const s = await login(b.url, 'member@allmende.example');
    expect((await me(b, s.token)).status).toBe(200); // remembered
    expect((await api(b.url, 'POST', '/api/auth/logout', { token: s.token, cookie: s.cookie })).status).toBe(204);
    expect((await me(b, s.token)).status).toBe(401);
  });

  it('a session ended in the database directly (say, by an administrator in psql) stops working', async () => {
    const s = await login(a.url, 'researcher@allmende.example');
    expect((await me(a, s.token)).status).toBe(200);
    expect((await me(b, s.token)).status).toBe(200);
    await a.ds.query(`UPDATE auth_session SET revoked_at = now(), revoked_reason = 'test' WHERE person_id = (SELECT id FROM person WHERE email = $1)`, [
      'researcher@allmende.example',
    ]);
    expect(await settles(() => me(a, s.token), 401)).toBe(401);
    expect(await settles(() => me(b, s.token), 401)).toBe(401);
  });

  it('changed roles apply to a remembered session: an office right taken away in the database is gone', async () => {
    const s = await login(a.url, 'office@allmende.example');
    const office = () => api(b.url, 'GET', '/api/memberships', { token: s.token });
    expect((await office()).status).toBe(200);
    const [{ roles }] = await a.ds.query(`SELECT roles FROM person WHERE email = 'office@allmende.example'`);
    await a.ds.query(`UPDATE person SET roles = '{member}' WHERE email = 'office@allmende.example'`);
    try {
      expect(await settles(office, 403)).toBe(403);
    } finally {
      await a.ds.query(`UPDATE person SET roles = $1 WHERE email = 'office@allmende.example'`, [roles]);
    }
  });

  it('a deleted person is signed out everywhere', async () => {
    const s = await login(a.url, 'brinkmann@demo.allmende.example');
    expect((await me(b, s.token)).status).toBe(200);
    await a.ds.query(`UPDATE person SET deleted_at = now() WHERE email = 'brinkmann@demo.allmende.example'`);
    expect(await settles(() => me(b, s.token), 401)).toBe(401);
  });
});
