import { REFRESH_COOKIE } from '@allmende/contracts';

export interface Response<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** JSON over fetch, with an optional bearer token and cookie. */
export async function api<T = unknown>(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; cookie?: string; headers?: Record<string, string> } = {},
): Promise<Response<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  if (options.cookie) headers['cookie'] = options.cookie;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON
  }
  return { status: res.status, body: body as T, headers: res.headers };
}

/** The refresh cookie (`name=value`) from a response, if it set one. */
export function refreshCookie(res: Response): string | undefined {
  const cookies = res.headers.getSetCookie();
  const c = cookies.find((x) => x.startsWith(`${REFRESH_COOKIE}=`));
  const pair = c?.split(';')[0];
  return pair && pair !== `${REFRESH_COOKIE}=` ? pair : undefined;
}

export interface Session {
  token: string;
  cookie: string;
}

export const DEMO_PASSWORD = 'allmende-demo';

/** Signs in over HTTP. */
export async function login(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await api<{ accessToken: string }>(baseUrl, 'POST', '/api/auth/login', { body: { email, password } });
  if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { token: res.body.accessToken, cookie: refreshCookie(res) ?? '' };
}
