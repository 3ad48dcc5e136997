import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { migrate } from '../../src/database/data-source';
import { adminQuery, STATE_ENV, withDatabase } from './test-database';
import { createServer } from 'node:net';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the database server once for all integration tests (the embedded one, or
 * the server of DATABASE_URL) and migrates a template database that every test
 * file clones.
 */
export default async function globalSetup(): Promise<void> {
  let adminUrl = process.env['DATABASE_URL'];
  if (!adminUrl) {
    const db = await startEmbeddedPostgres({
      dataDir: mkdtempSync(join(tmpdir(), 'allmende-int-')),
      port: await freePort(),
      password: randomBytes(12).toString('hex'),
      database: 'allmende',
    });
    (globalThis as { __embeddedDb?: typeof db }).__embeddedDb = db;
    adminUrl = db.url;
  }
  const template = `allmende_tpl_${process.pid}_${randomBytes(3).toString('hex')}`;
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${template}`);
  await adminQuery(adminUrl, `CREATE DATABASE ${template}`);
  await migrate(withDatabase(adminUrl, template));
  process.env[STATE_ENV] = JSON.stringify({ adminUrl, template });
}
