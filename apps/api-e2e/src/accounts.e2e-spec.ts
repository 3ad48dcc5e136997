import { ApiProcess, MailSink, startApi, tokenFromMail } from '@allmende/e2e-support';
import type { AccessTokenResponse, MeDto } from '@allmende/contracts';

async function post(url: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

describe('accounts end to end (built API, real SMTP on loopback)', () => {
  let api: ApiProcess;
  let sink: MailSink;

  beforeAll(async () => {
    sink = await new MailSink().start();
    api = await startApi({ env: sink.env() });
  });
  afterAll(async () => {
    await api?.stop();
    await sink?.stop();
  });

  it('register → verification mail → verify → login → /api/me → logout', async () => {
    const email = 'neu.mitglied@example.org';
    const registered = await post(api.url, '/api/auth/register', { email, password: 'ein-sicheres-passwort', displayName: 'Nora Neu', locale: 'de' });
    expect(registered.status).toBe(202);

    const mail = await sink.waitFor(email, /E-Mail-Adresse/);
    expect(mail.text).toContain('/verify-email?token=');
    const verified = await post(api.url, '/api/auth/verify-email', { token: tokenFromMail(mail) });
    expect(verified.status).toBe(204);

    const login = await post(api.url, '/api/auth/login', { email, password: 'ein-sicheres-passwort' });
    expect(login.status).toBe(200);
    const { accessToken } = (await login.json()) as AccessTokenResponse;
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('allmende_refresh='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);

    const me = await fetch(`${api.url}/api/me`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(me.status).toBe(200);
    const body = (await me.json()) as MeDto;
    expect(body).toMatchObject({ email, displayName: 'Nora Neu', emailVerified: true, roles: ['member'] });
    expect(body.membership.status).toBe('interested');
    expect(body.consents.every((c) => !c.granted)).toBe(true);

    const refreshPair = (cookie ?? '').split(';')[0];
    const logout = await post(api.url, '/api/auth/logout', {}, { authorization: `Bearer ${accessToken}`, cookie: refreshPair });
    expect(logout.status).toBe(204);
    expect((await post(api.url, '/api/auth/refresh', {}, { cookie: refreshPair })).status).toBe(401);
    expect((await fetch(`${api.url}/api/me`, { headers: { authorization: `Bearer ${accessToken}` } })).status).toBe(401);
  });

  it('signs in the demo office account and reaches an office-only route; a member gets 403', async () => {
    const office = (await (await post(api.url, '/api/auth/login', { email: 'office@allmende.example', password: 'allmende-demo' })).json()) as AccessTokenResponse;
    const queue = await fetch(`${api.url}/api/memberships?status=awaiting_approval`, { headers: { authorization: `Bearer ${office.accessToken}` } });
    expect(queue.status).toBe(200);
    const member = (await (await post(api.url, '/api/auth/login', { email: 'member@allmende.example', password: 'allmende-demo' })).json()) as AccessTokenResponse;
    const denied = await fetch(`${api.url}/api/memberships`, { headers: { authorization: `Bearer ${member.accessToken}` } });
    expect(denied.status).toBe(403);
  });
});

describe('without SMTP settings', () => {
  it('writes the mails to the log instead of sending them', async () => {
    const api = await startApi({ env: { LOG_LEVEL: 'info' } });
    try {
      const res = await post(api.url, '/api/auth/password/forgot', { email: 'member@allmende.example' });
      expect(res.status).toBe(202);
      const deadline = Date.now() + 10_000;
      while (!api.output().includes('/reset-password?token=') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(api.output()).toContain('/reset-password?token=');
    } finally {
      await api.stop();
    }
  });
});
