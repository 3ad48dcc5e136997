import { adminQuery, readServer } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const { adminUrl, template } = readServer();
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${template}`).catch(() => undefined);
  const db = (globalThis as { __embeddedDb?: { stop(): Promise<void> } }).__embeddedDb;
  await db?.stop();
}
