import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './free-port';

// Every API process a test started is killed when the test process ends, whatever happened.
const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((c) => c.kill('SIGKILL')));

export const WORKSPACE_ROOT = resolve(__dirname, '../../../..');
export const API_MAIN = join(WORKSPACE_ROOT, 'dist/apps/api/main.js');

export interface ApiProcess {
  url: string;
  dataDir: string;
  /** Everything the process printed so far. */
  output(): string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
  /** URL of the embedded PostgreSQL started by the process (reads the generated secrets). */
  embeddedDatabaseUrl(): string;
  pgPort: number;
}

export interface StartApiOptions {
  /** Reuse a data folder (to test restarts); a new temporary one by default. */
  dataDir?: string;
  env?: Record<string, string>;
  timeoutMs?: number;
}

/** Runs the built API (`node dist/apps/api/main.js`) the way `npm start` does, on free ports. */
export async function startApi(options: StartApiOptions = {}): Promise<ApiProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'allmende-e2e-'));
  chmodSync(dataDir, 0o755);
  const port = await freePort();
  const pgPort = await freePort();
  const child = spawn(process.execPath, [API_MAIN], {
    cwd: WORKSPACE_ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '',
      PORT: String(port),
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(pgPort),
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((res) =>
    child.once('exit', (code) => {
      running.delete(child);
      res(code);
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, () => output, options.timeoutMs ?? 90_000);
  return {
    url,
    dataDir,
    pgPort,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
    embeddedDatabaseUrl() {
      const secrets = JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8')) as { postgresPassword: string };
      return `postgres://postgres:${encodeURIComponent(secrets.postgresPassword)}@127.0.0.1:${pgPort}/allmende`;
    },
  };
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`API exited with ${child.exitCode} before it was healthy:\n${output()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`API did not become healthy within ${timeoutMs} ms:\n${output()}`);
}

/** Runs the built API expecting it to fail; resolves with exit code and output. */
export function runApiExpectingExit(env: Record<string, string>, timeoutMs = 30_000): Promise<{ code: number | null; output: string }> {
  return new Promise((res, rej) => {
    const child = spawn(process.execPath, [API_MAIN], {
      cwd: WORKSPACE_ROOT,
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      rej(new Error(`API did not exit within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      res({ code, output });
    });
  });
}
