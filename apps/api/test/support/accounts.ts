import type { ApiErrorBody, MeDto } from '@allmende/contracts';
import { MailSink, tokenFromMail } from '@allmende/e2e-support';
import { randomBytes } from 'node:crypto';
import { AuthService } from '../../src/modules/auth/auth.service';
import { api, login, refreshCookie, Response, Session } from './http';
import type { TestApp } from './test-app';

/** A fresh, unique e-mail address for a test account. */
export function uniqueEmail(prefix = 'person'): string {
  return `${prefix}-${randomBytes(4).toString('hex')}@test.allmende.example`;
}

/** A client address for the login limiter (trusted from loopback via X-Forwarded-For), so tests don't throttle each other. */
export function clientIp(): string {
  const b = randomBytes(3);
  return `10.${b[0]}.${b[1]}.${b[2] || 1}`;
}

/** The error code of an error answer. */
export const codeOf = (res: Response) => (res.body as ApiErrorBody | undefined)?.code;

/** POST /api/auth/login from a given client address; returns the raw answer. */
export function loginRequest(url: string, email: string, password: string, ip = clientIp()): Promise<Response<{ accessToken: string }>> {
  return api<{ accessToken: string }>(url, 'POST', '/api/auth/login', { body: { email, password }, headers: { 'x-forwarded-for': ip } });
}

/** Signs in and fails loudly otherwise. */
export async function signIn(url: string, email: string, password: string): Promise<Session> {
  const res = await loginRequest(url, email, password);
  if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { token: res.body.accessToken, cookie: refreshCookie(res) ?? '' };
}

export interface NewAccount extends Session {
  id: string;
  email: string;
  password: string;
  displayName: string;
}

/** Registers over HTTP, confirms the address with the token from the mail and signs in. */
export async function registerVerified(url: string, sink: MailSink, displayName: string, password = 'correct-horse-battery'): Promise<NewAccount> {
  const email = uniqueEmail(displayName.toLowerCase().replace(/[^a-z]+/g, '-'));
  const reg = await api(url, 'POST', '/api/auth/register', { body: { email, password, displayName } });
  if (reg.status !== 202) throw new Error(`register ${email} failed: ${reg.status} ${JSON.stringify(reg.body)}`);
  const mail = await sink.waitFor(email, /bestätigen|confirm/i);
  const verified = await api(url, 'POST', '/api/auth/verify-email', { body: { token: tokenFromMail(mail) } });
  if (verified.status !== 204) throw new Error(`verify ${email} failed: ${verified.status} ${JSON.stringify(verified.body)}`);
  const session = await signIn(url, email, password);
  const me = await api<MeDto>(url, 'GET', '/api/me', { token: session.token });
  return { ...session, id: me.body.id, email, password, displayName };
}

/** Creates `n` verified persons directly (fast) and signs each in; answers their ids, e-mails and tokens. */
export async function createPeople(t: TestApp, n: number, prefix: string): Promise<{ id: string; token: string; email: string }[]> {
  const hash = await t.app.get(AuthService).hashPassword('ein-sicheres-passwort');
  const rows: { id: string; email: string }[] = await t.ds.query(
    `INSERT INTO person (email, password_hash, display_name, email_verified_at)
     SELECT $1 || i || '@example.org', $2, 'Person ' || i, now() FROM generate_series(1, $3::int) i RETURNING id, email`,
    [prefix, hash, n],
  );
  const people = [];
  for (const r of rows) people.push({ ...r, token: (await login(t.url, r.email, 'ein-sicheres-passwort')).token });
  return people;
}
