import type { ApiErrorBody, MeDto, OrganisationDetailDto } from '@allmende/contracts';
import { MailSink, tokenFromMail } from '@allmende/e2e-support';
import { sign } from 'jsonwebtoken';
import { seedDemoData } from '../src/database/seed/seed-demo-data';
import { clientIp, codeOf, loginRequest, registerVerified, signIn, uniqueEmail } from './support/accounts';
import { api, refreshCookie } from './support/http';
import { startTestApp, TestApp } from './support/test-app';

const JWT_SECRET = 'integration-test-secret-that-is-long-enough-1234';
const PASSWORD = 'correct-horse-battery';

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('accounts: registration, sign-in, sessions, profile and deletion', () => {
  let t: TestApp;
  let sink: MailSink;

  beforeAll(async () => {
    sink = await new MailSink().start();
    t = await startTestApp(sink.env());
    await seedDemoData(t.ds, 'allmende-demo');
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  const me = (token: string) => api<MeDto>(t.url, 'GET', '/api/me', { token });
  const refresh = (cookie: string) => api<{ accessToken: string }>(t.url, 'POST', '/api/auth/refresh', { cookie });
  const mailsTo = (email: string) => sink.mails.filter((m) => m.to.includes(email));

  describe('registration and e-mail verification', () => {
    it('registers, mails a verification link, refuses sign-in until verified, then signs in', async () => {
      const email = uniqueEmail('newcomer');
      const reg = await api(t.url, 'POST', '/api/auth/register', {
        body: { email: `  ${email.toUpperCase()} `, password: PASSWORD, displayName: '  Nina Neu ' },
      });
      expect(reg.status).toBe(202);
      expect(reg.body).toEqual({ status: 'verification_sent' });

      const [row] = await t.ds.query(`SELECT email, display_name, password_hash, email_verified_at, roles FROM person WHERE email = $1`, [email]);
      expect(row).toMatchObject({ email, display_name: 'Nina Neu', email_verified_at: null, roles: ['member'] });
      expect(row.password_hash).toMatch(/^\$argon2id\$/);

      const mail = await sink.waitFor(email, /bestätigen/);
      expect(mail.text).toContain('Hallo Nina Neu');
      const token = tokenFromMail(mail);

      const early = await loginRequest(t.url, email, PASSWORD);
      expect(early.status).toBe(403);
      expect(codeOf(early)).toBe('EMAIL_NOT_VERIFIED');
      expect(refreshCookie(early)).toBeUndefined();

      const verify = await api(t.url, 'POST', '/api/auth/verify-email', { body: { token } });
      expect(verify.status).toBe(204);
      // a verification link works once
      const again = await api(t.url, 'POST', '/api/auth/verify-email', { body: { token } });
      expect(again.status).toBe(400);
      expect(codeOf(again)).toBe('INVALID_OR_EXPIRED_TOKEN');

      const login = await loginRequest(t.url, email.toUpperCase(), PASSWORD);
      expect(login.status).toBe(200);
      expect(login.headers.get('cache-control')).toBe('no-store');
      expect(Object.keys(login.body).sort()).toEqual(['accessToken', 'expiresIn']);

      const res = await me(login.body.accessToken);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        email,
        displayName: 'Nina Neu',
        emailVerified: true,
        roles: ['member'],
        locale: 'de',
        phone: null,
        bio: null,
        interests: [],
        affiliations: [],
        membership: { status: 'interested', awaitingApproval: false, signedVersion: null, signedAt: null, confirmationPending: false },
      });
      expect(JSON.stringify(res.body)).not.toMatch(/password|argon/i);
    });

    it('pre-ticks nothing: every consent of a new account is not granted and never changed', async () => {
      const acc = await registerVerified(t.url, sink, 'Olga Offen');
      const res = await me(acc.token);
      expect(res.body.consents).toEqual([
        { purpose: 'public_listing', granted: false, changedAt: null },
        { purpose: 'publication', granted: false, changedAt: null },
        { purpose: 'research', granted: false, changedAt: null },
      ]);
      const rows = await t.ds.query(`SELECT * FROM consent WHERE person_id = $1`, [acc.id]);
      expect(rows).toEqual([]);
    });

    it('answers a known address exactly like a new one and mails "already have an account" instead', async () => {
      const acc = await registerVerified(t.url, sink, 'Doris Doppelt');
      const before = mailsTo(acc.email).length;
      const res = await api(t.url, 'POST', '/api/auth/register', {
        body: { email: acc.email.toUpperCase(), password: 'another-password-123', displayName: 'Someone Else', locale: 'en' },
      });
      expect(res.status).toBe(202);
      expect(res.body).toEqual({ status: 'verification_sent' });
      const mail = await sink.waitFor(acc.email, /bereits ein Konto|already have an account/);
      // written in the language of the existing account, with a reset link
      expect(mail.subject).toBe('Sie haben bereits ein Konto');
      expect(tokenFromMail(mail)).toBeTruthy();
      expect(mailsTo(acc.email)).toHaveLength(before + 1);

      const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM person WHERE email = $1`, [acc.email]);
      expect(n).toBe(1);
      // neither the name nor the password of the account changed
      expect((await me(acc.token)).body.displayName).toBe('Doris Doppelt');
      expect((await loginRequest(t.url, acc.email, 'another-password-123')).status).toBe(401);
      expect((await loginRequest(t.url, acc.email, PASSWORD)).status).toBe(200);
    });

    it.each([
      ['a short password', { email: 'short@test.allmende.example', password: 'short', displayName: 'Kurt Kurz' }, 'password'],
      ['an unknown field', { email: 'extra@test.allmende.example', password: PASSWORD, displayName: 'Eva Extra', roles: ['admin'] }, 'roles'],
      ['a bad e-mail', { email: 'not-an-address', password: PASSWORD, displayName: 'Bernd Bad' }, 'email'],
      ['a missing name', { email: 'noname@test.allmende.example', password: PASSWORD }, 'displayName'],
      ['an unknown locale', { email: 'fr@test.allmende.example', password: PASSWORD, displayName: 'Fran Fr', locale: 'fr' }, 'locale'],
    ])('refuses %s with 400 VALIDATION_FAILED and creates nothing', async (_, body, field) => {
      const res = await api<ApiErrorBody>(t.url, 'POST', '/api/auth/register', { body });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details?.map((d) => d.field)).toContain(field);
      const rows = await t.ds.query(`SELECT 1 FROM person WHERE email = $1`, [String(body.email).toLowerCase()]);
      expect(rows).toHaveLength(0);
    });

    it('refuses bad login and verification bodies with 400 VALIDATION_FAILED', async () => {
      const login = await api(t.url, 'POST', '/api/auth/login', { body: { email: 'x', password: 'y' } });
      expect(login.status).toBe(400);
      expect(codeOf(login)).toBe('VALIDATION_FAILED');
      const verify = await api(t.url, 'POST', '/api/auth/verify-email', { body: { token: 'this-token-does-not-exist' } });
      expect(verify.status).toBe(400);
      expect(codeOf(verify)).toBe('INVALID_OR_EXPIRED_TOKEN');
    });
  });

  describe('access tokens', () => {
    let acc: Awaited<ReturnType<typeof registerVerified>>;
    let sessionId: string;
    const now = () => Math.floor(Date.now() / 1000);

    beforeAll(async () => {
      acc = await registerVerified(t.url, sink, 'Tanja Token');
      [{ id: sessionId }] = await t.ds.query(`SELECT id FROM auth_session WHERE person_id = $1 AND revoked_at IS NULL`, [acc.id]);
    });

    const signed = (claims: Record<string, unknown>, secret = JWT_SECRET) =>
      sign({ sid: sessionId, sub: acc.id, iss: 'allmende', aud: 'allmende-api', iat: now() - 10, exp: now() + 600, ...claims }, secret, {
        algorithm: 'HS256',
      });

    it('accepts a token built like the app builds them (the control for the cases below)', async () => {
      expect((await me(signed({}))).status).toBe(200);
    });

    it('answers 401 without a token or with a malformed one', async () => {
      const none = await api(t.url, 'GET', '/api/me');
      expect(none.status).toBe(401);
      expect(codeOf(none)).toBe('UNAUTHENTICATED');
      expect((await me('not.a.jwt')).status).toBe(401);
      expect((await api(t.url, 'GET', '/api/me', { headers: { authorization: acc.token } })).status).toBe(401);
    });

    it('answers 401 for a token with alg "none"', async () => {
      const payload = { sid: sessionId, sub: acc.id, iss: 'allmende', aud: 'allmende-api', iat: now(), exp: now() + 600 };
      const unsigned = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(payload)}.`;
      const res = await me(unsigned);
      expect(res.status).toBe(401);
      expect(codeOf(res)).toBe('UNAUTHENTICATED');
    });

    it('answers 401 for a token signed with another key', async () => {
      expect((await me(signed({}, 'another-secret-that-is-also-long-enough-5678'))).status).toBe(401);
    });

    it('answers 401 for an expired token', async () => {
      const res = await me(signed({ iat: now() - 3600, exp: now() - 60 }));
      expect(res.status).toBe(401);
      expect(codeOf(res)).toBe('UNAUTHENTICATED');
    });

    it('answers 401 for a wrong issuer, audience, unknown session or a session of someone else', async () => {
      expect((await me(signed({ iss: 'someone-else' }))).status).toBe(401);
      expect((await me(signed({ aud: 'another-api' }))).status).toBe(401);
      expect((await me(signed({ sid: '00000000-0000-4000-8000-000000000000' }))).status).toBe(401);
      const [member] = await t.ds.query(`SELECT id FROM person WHERE email = 'member@allmende.example'`);
      // a valid session id paired with another person's id must not act as that person
      expect((await me(signed({ sub: member.id }))).status).toBe(401);
      expect((await me(signed({ sid: 'not-a-uuid' }))).status).toBe(401);
    });

    it('ends the session on logout: the refresh cookie and the access token stop working', async () => {
      const s = await signIn(t.url, acc.email, acc.password);
      expect((await me(s.token)).status).toBe(200);
      const out = await api(t.url, 'POST', '/api/auth/logout', { token: s.token, cookie: s.cookie });
      expect(out.status).toBe(204);
      expect(out.headers.getSetCookie().join()).toMatch(/allmende_refresh=;/);
      expect((await me(s.token)).status).toBe(401);
      const r = await refresh(s.cookie);
      expect(r.status).toBe(401);
      expect(refreshCookie(r)).toBeUndefined();
      // the other session of the same person is untouched
      expect((await me(acc.token)).status).toBe(200);
    });

    it('logs out with only the refresh cookie, too', async () => {
      const s = await signIn(t.url, acc.email, acc.password);
      expect((await api(t.url, 'POST', '/api/auth/logout', { cookie: s.cookie })).status).toBe(204);
      expect((await me(s.token)).status).toBe(401);
    });
  });

  describe('refresh-token rotation', () => {
    it('sets the refresh token only as an httpOnly, strict, path-scoped cookie', async () => {
      const acc = await registerVerified(t.url, sink, 'Kurt Keks');
      const res = await loginRequest(t.url, acc.email, acc.password);
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('allmende_refresh='));
      expect(cookie).toBeDefined();
      expect(cookie).toMatch(/;\s*HttpOnly/i);
      expect(cookie).toMatch(/;\s*SameSite=Strict/i);
      expect(cookie).toMatch(/;\s*Path=\/api\/auth(;|$)/);
      expect(cookie).toMatch(/;\s*Max-Age=\d+/);
      expect(JSON.stringify(res.body)).not.toContain(String(cookie).split(';')[0].split('=')[1]);
    });

    it('rotates the cookie; reusing an old one revokes the whole family', async () => {
      const acc = await registerVerified(t.url, sink, 'Rita Rotation');
      const first = await refresh(acc.cookie);
      expect(first.status).toBe(200);
      const c2 = refreshCookie(first) ?? '';
      expect(c2).toBeTruthy();
      const rotated = first.headers.getSetCookie().find((c) => c.startsWith('allmende_refresh='));
      expect(rotated).toMatch(/;\s*HttpOnly/i);
      expect(rotated).toMatch(/;\s*SameSite=Strict/i);
      expect(rotated).toMatch(/;\s*Path=\/api\/auth(;|$)/);
      expect(first.headers.get('cache-control')).toBe('no-store');
      expect(c2).not.toBe(acc.cookie);
      expect((await me(first.body.accessToken)).status).toBe(200);

      const second = await refresh(c2);
      expect(second.status).toBe(200);
      const c3 = refreshCookie(second) ?? '';
      expect(c3).toBeTruthy();
      expect(c3).not.toBe(c2);

      // c2 was used already: someone copied it
      const reuse = await refresh(c2);
      expect(reuse.status).toBe(401);
      expect(codeOf(reuse)).toBe('REFRESH_TOKEN_REUSED');
      expect(refreshCookie(reuse)).toBeUndefined();

      // the newest cookie and every access token of the family are dead
      const newest = await refresh(c3);
      expect(newest.status).toBe(401);
      expect((await me(second.body.accessToken)).status).toBe(401);
      expect((await me(acc.token)).status).toBe(401);
      const [session] = await t.ds.query(`SELECT revoked_reason FROM auth_session WHERE person_id = $1`, [acc.id]);
      expect(session.revoked_reason).toBe('refresh_token_reuse');
    });

    it('answers 401 without a cookie or with an unknown one', async () => {
      expect((await api(t.url, 'POST', '/api/auth/refresh')).status).toBe(401);
      expect((await refresh('allmende_refresh=made-up-token-value')).status).toBe(401);
    });
  });

  describe('password reset and change', () => {
    it('mails a reset link; the reset ends every session and only the new password works', async () => {
      const acc = await registerVerified(t.url, sink, 'Paula Passwort');
      const other = await signIn(t.url, acc.email, acc.password);

      const forgot = await api(t.url, 'POST', '/api/auth/password/forgot', { body: { email: acc.email } });
      expect(forgot.status).toBe(202);
      expect(forgot.body).toEqual({ status: 'reset_mail_sent' });
      const token = tokenFromMail(await sink.waitFor(acc.email, /Passwort zurücksetzen/));

      const reset = await api(t.url, 'POST', '/api/auth/password/reset', { body: { token, password: 'brand-new-password-42' } });
      expect(reset.status).toBe(204);

      for (const s of [acc, other]) {
        expect((await me(s.token)).status).toBe(401);
        expect((await refresh(s.cookie)).status).toBe(401);
      }
      const old = await loginRequest(t.url, acc.email, acc.password);
      expect(old.status).toBe(401);
      expect(codeOf(old)).toBe('INVALID_CREDENTIALS');
      expect((await loginRequest(t.url, acc.email, 'brand-new-password-42')).status).toBe(200);

      // a used link cannot be used again
      const again = await api(t.url, 'POST', '/api/auth/password/reset', { body: { token, password: 'yet-another-password-1' } });
      expect(again.status).toBe(400);
      expect(codeOf(again)).toBe('INVALID_OR_EXPIRED_TOKEN');
      expect((await loginRequest(t.url, acc.email, 'brand-new-password-42')).status).toBe(200);
    });

    it('answers an unknown address the same and sends no mail', async () => {
      const email = uniqueEmail('nobody');
      const res = await api(t.url, 'POST', '/api/auth/password/forgot', { body: { email } });
      expect(res.status).toBe(202);
      expect(res.body).toEqual({ status: 'reset_mail_sent' });
      // mails are handed to SMTP before the answer: a known address in the same spot proves the sink is listening
      const known = await registerVerified(t.url, sink, 'Kai Kontrolle');
      await api(t.url, 'POST', '/api/auth/password/forgot', { body: { email: known.email } });
      await sink.waitFor(known.email, /Passwort zurücksetzen/);
      expect(mailsTo(email)).toHaveLength(0);
    });

    it('refuses an expired link and a verification link used as a reset link', async () => {
      const acc = await registerVerified(t.url, sink, 'Emil Ablauf');
      await api(t.url, 'POST', '/api/auth/password/forgot', { body: { email: acc.email } });
      const token = tokenFromMail(await sink.waitFor(acc.email, /Passwort zurücksetzen/));
      await t.ds.query(`UPDATE email_token SET expires_at = now() - interval '1 second' WHERE person_id = $1 AND purpose = 'reset_password'`, [acc.id]);
      const expired = await api(t.url, 'POST', '/api/auth/password/reset', { body: { token, password: 'brand-new-password-42' } });
      expect(expired.status).toBe(400);
      expect(codeOf(expired)).toBe('INVALID_OR_EXPIRED_TOKEN');

      const verifyToken = tokenFromMail(await sink.waitFor(acc.email, /bestätigen/));
      const wrongPurpose = await api(t.url, 'POST', '/api/auth/password/reset', { body: { token: verifyToken, password: 'brand-new-password-42' } });
      expect(wrongPurpose.status).toBe(400);
      expect(codeOf(wrongPurpose)).toBe('INVALID_OR_EXPIRED_TOKEN');
      expect((await me(acc.token)).status).toBe(200);
    });

    it('invalidates older reset links once the password was reset', async () => {
      const acc = await registerVerified(t.url, sink, 'Olaf Oldlink');
      await api(t.url, 'POST', '/api/auth/password/forgot', { body: { email: acc.email } });
      const older = tokenFromMail(await sink.waitFor(acc.email, /Passwort zurücksetzen/));
      const count = mailsTo(acc.email).length;
      await api(t.url, 'POST', '/api/auth/password/forgot', { body: { email: acc.email } });
      expect(mailsTo(acc.email)).toHaveLength(count + 1);
      const newer = tokenFromMail(mailsTo(acc.email)[count]);
      expect(newer).not.toBe(older);
      expect((await api(t.url, 'POST', '/api/auth/password/reset', { body: { token: newer, password: 'brand-new-password-42' } })).status).toBe(204);
      const stale = await api(t.url, 'POST', '/api/auth/password/reset', { body: { token: older, password: 'attacker-password-666' } });
      expect(stale.status).toBe(400);
      expect(codeOf(stale)).toBe('INVALID_OR_EXPIRED_TOKEN');
      expect((await loginRequest(t.url, acc.email, 'brand-new-password-42')).status).toBe(200);
    });

    it('confirms the address of an unverified account through a reset link', async () => {
      const email = uniqueEmail('unverified');
      await api(t.url, 'POST', '/api/auth/register', { body: { email, password: PASSWORD, displayName: 'Uwe Unbestätigt' } });
      await sink.waitFor(email, /bestätigen/);
      await api(t.url, 'POST', '/api/auth/password/forgot', { body: { email } });
      const token = tokenFromMail(await sink.waitFor(email, /Passwort zurücksetzen/));
      expect((await api(t.url, 'POST', '/api/auth/password/reset', { body: { token, password: 'brand-new-password-42' } })).status).toBe(204);
      const login = await loginRequest(t.url, email, 'brand-new-password-42');
      expect(login.status).toBe(200);
      expect((await me(login.body.accessToken)).body.emailVerified).toBe(true);
    });

    it('refuses a short new password on reset', async () => {
      const res = await api(t.url, 'POST', '/api/auth/password/reset', { body: { token: 'x'.repeat(43), password: 'short' } });
      expect(res.status).toBe(400);
      expect(codeOf(res)).toBe('VALIDATION_FAILED');
    });

    it('changes the password only with the current one, and then ends every session', async () => {
      const acc = await registerVerified(t.url, sink, 'Chris Change');
      const other = await signIn(t.url, acc.email, acc.password);
      await api(t.url, 'POST', '/api/auth/password/forgot', { body: { email: acc.email } });
      const resetToken = tokenFromMail(await sink.waitFor(acc.email, /Passwort zurücksetzen/));

      const wrong = await api(t.url, 'POST', '/api/auth/password/change', {
        token: acc.token,
        body: { currentPassword: 'not-my-password', newPassword: 'changed-password-77' },
      });
      expect(wrong.status).toBe(400);
      expect(codeOf(wrong)).toBe('WRONG_PASSWORD');
      expect((await me(acc.token)).status).toBe(200);

      expect((await api(t.url, 'POST', '/api/auth/password/change', { body: { currentPassword: acc.password, newPassword: 'changed-password-77' } })).status).toBe(401);

      const ok = await api(t.url, 'POST', '/api/auth/password/change', {
        token: acc.token,
        body: { currentPassword: acc.password, newPassword: 'changed-password-77' },
      });
      expect(ok.status).toBe(204);
      for (const s of [acc, other]) {
        expect((await me(s.token)).status).toBe(401);
        expect((await refresh(s.cookie)).status).toBe(401);
      }
      expect((await loginRequest(t.url, acc.email, acc.password)).status).toBe(401);
      expect((await loginRequest(t.url, acc.email, 'changed-password-77')).status).toBe(200);
      // a reset link mailed before the change cannot undo it
      const stale = await api(t.url, 'POST', '/api/auth/password/reset', { body: { token: resetToken, password: 'attacker-password-666' } });
      expect(stale.status).toBe(400);
      expect(codeOf(stale)).toBe('INVALID_OR_EXPIRED_TOKEN');
    });
  });

  describe('sign-in throttling', () => {
    it('gives the same answer for an unknown address and a wrong password', async () => {
      const acc = await registerVerified(t.url, sink, 'Gabi Gleich');
      const ip = clientIp();
      const unknown = await loginRequest(t.url, uniqueEmail('ghost'), 'some-password-1', ip);
      const wrong = await loginRequest(t.url, acc.email, 'some-password-1', ip);
      const strip = (b: unknown) => ({ ...(b as ApiErrorBody), requestId: undefined });
      expect(unknown.status).toBe(401);
      expect(wrong.status).toBe(401);
      expect(strip(wrong.body)).toEqual(strip(unknown.body));
      expect(codeOf(wrong)).toBe('INVALID_CREDENTIALS');
      expect((wrong.body as unknown as ApiErrorBody).requestId).toBeTruthy();
    });

    it('answers 429 after ten failures, even with the right password, per address and per e-mail', async () => {
      const acc = await registerVerified(t.url, sink, 'Theo Throttle');
      const ip = clientIp();
      for (let i = 0; i < 10; i++) {
        const res = await loginRequest(t.url, acc.email, `wrong-password-${i}`, ip);
        expect(res.status).toBe(401);
        expect(codeOf(res)).toBe('INVALID_CREDENTIALS');
      }
      const blocked = await loginRequest(t.url, acc.email, acc.password, ip);
      expect(blocked.status).toBe(429);
      expect(codeOf(blocked)).toBe('TOO_MANY_REQUESTS');
      expect(refreshCookie(blocked)).toBeUndefined();
      // the e-mail is blocked from any address, and the address for any e-mail
      expect((await loginRequest(t.url, acc.email, acc.password, clientIp())).status).toBe(429);
      const bystander = await registerVerified(t.url, sink, 'Bea Bystander');
      expect((await loginRequest(t.url, bystander.email, bystander.password, ip)).status).toBe(429);
      // already open sessions are not affected
      expect((await me(acc.token)).status).toBe(200);
    });
  });

  describe('profile (PATCH /api/me)', () => {
    let acc: Awaited<ReturnType<typeof registerVerified>>;
    let fields: { id: string; slug: string }[];

    beforeAll(async () => {
      acc = await registerVerified(t.url, sink, 'Frieda Feld');
      fields = await t.ds.query(`SELECT id, slug FROM action_field ORDER BY position`);
    });

    it('edits name, phone, bio, language and interests', async () => {
      const interests = [fields[0].id, fields[2].id];
      const res = await api<MeDto>(t.url, 'PATCH', '/api/me', {
        token: acc.token,
        body: { displayName: ' Frieda Feldmann ', phone: '+49 2041 123456', bio: 'Tischlerin in Fuhlenbrock', locale: 'en', interests },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ displayName: 'Frieda Feldmann', phone: '+49 2041 123456', bio: 'Tischlerin in Fuhlenbrock', locale: 'en' });
      expect([...res.body.interests].sort()).toEqual([...interests].sort());
      expect((await me(acc.token)).body).toMatchObject({ displayName: 'Frieda Feldmann', locale: 'en' });

      // only what is sent changes; empty text clears
      const partial = await api<MeDto>(t.url, 'PATCH', '/api/me', { token: acc.token, body: { bio: '  ' } });
      expect(partial.status).toBe(200);
      expect(partial.body).toMatchObject({ displayName: 'Frieda Feldmann', phone: '+49 2041 123456', bio: null });
      expect(partial.body.interests).toHaveLength(2);

      const cleared = await api<MeDto>(t.url, 'PATCH', '/api/me', { token: acc.token, body: { interests: [], phone: null } });
      expect(cleared.body).toMatchObject({ interests: [], phone: null });
    });

    it('refuses an unknown action field with 400 and changes nothing', async () => {
      await api(t.url, 'PATCH', '/api/me', { token: acc.token, body: { interests: [fields[1].id] } });
      const res = await api(t.url, 'PATCH', '/api/me', {
        token: acc.token,
        body: { displayName: 'Should Not Stick', interests: [fields[0].id, '0b7e9c4e-2f44-4c1a-9a55-5b3f3a0c0f00'] },
      });
      expect(res.status).toBe(400);
      expect(codeOf(res)).toBe('UNKNOWN_ACTION_FIELD');
      const after = (await me(acc.token)).body;
      expect(after.interests).toEqual([fields[1].id]);
      expect(after.displayName).not.toBe('Should Not Stick');
    });

    it.each([
      ['a non-uuid interest', { interests: ['handwerk'] }],
      ['a bad phone number', { phone: 'call me maybe' }],
      ['an unknown language', { locale: 'fr' }],
      ['roles (no self-promotion)', { roles: ['admin'] }],
      ['the e-mail address', { email: 'new@test.allmende.example' }],
      ['an empty name', { displayName: ' ' }],
      ['a null name', { displayName: null }],
      ['a null language', { locale: null }],
    ])('refuses %s with 400 VALIDATION_FAILED', async (_, body) => {
      const before = (await me(acc.token)).body;
      const res = await api(t.url, 'PATCH', '/api/me', { token: acc.token, body });
      expect(res.status).toBe(400);
      expect(codeOf(res)).toBe('VALIDATION_FAILED');
      expect((await me(acc.token)).body).toEqual(before);
    });

    it('needs a token', async () => {
      expect((await api(t.url, 'PATCH', '/api/me', { body: { bio: 'x' } })).status).toBe(401);
    });
  });

  describe('account deletion', () => {
    it('refuses a wrong password with 400 WRONG_PASSWORD and keeps the account', async () => {
      const acc = await registerVerified(t.url, sink, 'Wanda Wrong');
      const res = await api(t.url, 'DELETE', '/api/me', { token: acc.token, body: { password: 'not-my-password' } });
      expect(res.status).toBe(400);
      expect(codeOf(res)).toBe('WRONG_PASSWORD');
      expect((await me(acc.token)).status).toBe(200);
      const missing = await api(t.url, 'DELETE', '/api/me', { token: acc.token, body: {} });
      expect(missing.status).toBe(400);
      expect(codeOf(missing)).toBe('VALIDATION_FAILED');
    });

    it('erases personal data, keeps participation, ends links and sessions', async () => {
      const acc = await registerVerified(t.url, sink, 'Dieter Delete');
      const [field] = await t.ds.query(`SELECT id FROM action_field LIMIT 1`);
      await api(t.url, 'PATCH', '/api/me', { token: acc.token, body: { phone: '02041 99887', bio: 'Bäcker', interests: [field.id] } });
      await api(t.url, 'PUT', '/api/me/consents', { token: acc.token, body: { purpose: 'public_listing', granted: true } });
      const created = await api<OrganisationDetailDto>(t.url, 'POST', '/api/organisations', {
        token: acc.token,
        body: { name: 'Backstube Delete', actorType: 'business', sector: 'crafts' },
      });
      expect(created.status).toBe(201);
      const orgId = created.body.id;
      const anonymousBefore = await api<OrganisationDetailDto>(t.url, 'GET', `/api/organisations/${orgId}`);
      expect(anonymousBefore.body.members.map((m) => m.personId)).toEqual([acc.id]);
      const other = await signIn(t.url, acc.email, acc.password);

      const eventsBefore: { kind: string }[] = await t.ds.query(`SELECT kind FROM participation_event WHERE person_id = $1 ORDER BY id`, [acc.id]);
      expect(eventsBefore.map((e) => e.kind)).toEqual(expect.arrayContaining(['alliance_registered', 'consent_changed', 'organisation_joined']));

      const res = await api(t.url, 'DELETE', '/api/me', { token: acc.token, body: { password: acc.password } });
      expect(res.status).toBe(204);

      const [p] = await t.ds.query(`SELECT email, display_name, phone, bio, password_hash, roles, deleted_at FROM person WHERE id = $1`, [acc.id]);
      expect(p.email).not.toContain(acc.email.split('@')[0]);
      expect(p.email).toMatch(/@invalid$/);
      expect(p).toMatchObject({ display_name: null, phone: null, bio: null, password_hash: null, roles: [] });
      expect(p.deleted_at).not.toBeNull();
      expect(await t.ds.query(`SELECT 1 FROM person_interest WHERE person_id = $1`, [acc.id])).toHaveLength(0);
      expect(await t.ds.query(`SELECT 1 FROM email_token WHERE person_id = $1`, [acc.id])).toHaveLength(0);
      expect(await t.ds.query(`SELECT 1 FROM consent WHERE person_id = $1 AND granted`, [acc.id])).toHaveLength(0);

      const eventsAfter: { kind: string }[] = await t.ds.query(`SELECT kind FROM participation_event WHERE person_id = $1 ORDER BY id`, [acc.id]);
      expect(eventsAfter.slice(0, eventsBefore.length)).toEqual(eventsBefore);

      const affiliations = await t.ds.query(`SELECT ended_at FROM affiliation WHERE person_id = $1`, [acc.id]);
      expect(affiliations).toHaveLength(1);
      expect(affiliations[0].ended_at).not.toBeNull();

      const [membership] = await t.ds.query(`SELECT status FROM alliance_membership WHERE person_id = $1`, [acc.id]);
      expect(membership.status).toBe('left');
      const [last] = await t.ds.query(
        `SELECT from_status, to_status FROM alliance_membership_event WHERE person_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1`,
        [acc.id],
      );
      expect(last).toEqual({ from_status: 'interested', to_status: 'left' });

      for (const s of [acc, other]) {
        expect((await me(s.token)).status).toBe(401);
        expect((await refresh(s.cookie)).status).toBe(401);
      }
      const login = await loginRequest(t.url, acc.email, acc.password);
      expect(login.status).toBe(401);
      expect(codeOf(login)).toBe('INVALID_CREDENTIALS');

      const anonymous = await api<OrganisationDetailDto>(t.url, 'GET', `/api/organisations/${orgId}`);
      expect(anonymous.body.members).toEqual([]);
      const office = await signIn(t.url, 'office@allmende.example', 'allmende-demo');
      const asOffice = await api<OrganisationDetailDto>(t.url, 'GET', `/api/organisations/${orgId}`, { token: office.token });
      expect(asOffice.body.members).toEqual([]);
      const directory = await api<{ items: { id: string }[] }>(t.url, 'GET', '/api/members?q=Dieter&pageSize=100');
      expect(directory.body.items.map((i) => i.id)).not.toContain(acc.id);

      // the address is free again for a new account
      const again = await registerVerified(t.url, sink, 'Dieter Delete');
      expect(again.id).not.toBe(acc.id);
    });

    it('a deleted account cannot be deleted twice or used with a copied session', async () => {
      const acc = await registerVerified(t.url, sink, 'Zora Zweimal');
      expect((await api(t.url, 'DELETE', '/api/me', { token: acc.token, body: { password: acc.password } })).status).toBe(204);
      expect((await api(t.url, 'DELETE', '/api/me', { token: acc.token, body: { password: acc.password } })).status).toBe(401);
    });
  });
});
