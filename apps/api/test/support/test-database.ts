import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** What the global setup wrote for the test files: the server and the migrated template. */
export interface TestDatabaseServer {
  adminUrl: string;
  template: string;
}

/** Set by the global setup; jest workers inherit it, so parallel jest runs never share a template. */
export const STATE_ENV = 'ALLMENDE_INT_DB';

export function readServer(): TestDatabaseServer {
  const state = process.env[STATE_ENV];
  if (!state) throw new Error(`${STATE_ENV} is not set: run integration tests with apps/api/jest.int.config.cts`);
  return JSON.parse(state) as TestDatabaseServer;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh database cloned from the migrated template; `drop` removes it. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const { adminUrl, template } = readServer();
  const name = `allmende_t_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
  return {
    url: withDatabase(adminUrl, name),
    drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
