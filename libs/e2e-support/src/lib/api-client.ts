import { DEMO_PASSWORD } from './browser';

export interface ApiCallInit {
  method?: string;
  token?: string;
  body?: unknown;
}

/** One JSON call to the API; anything but 2xx is thrown with the answer's text. */
export async function apiCall<T>(baseUrl: string, path: string, init: ApiCallInit = {}): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

/** An access token of a demo account, for preparing or checking data beside the browser. */
export async function apiToken(baseUrl: string, email: string): Promise<string> {
  const { accessToken } = await apiCall<{ accessToken: string }>(baseUrl, '/api/auth/login', {
    method: 'POST',
    body: { email, password: DEMO_PASSWORD },
  });
  return accessToken;
}
