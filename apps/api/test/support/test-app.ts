import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../src/config/app-config';
import { parseEnv } from '../../src/config/env.schema';
import { createApp } from '../../src/create-app';
import { createTestDatabase } from './test-database';

export interface TestApp {
  app: INestApplication;
  /** Base URL of the listening app, e.g. http://127.0.0.1:41234 */
  url: string;
  ds: DataSource;
  databaseUrl: string;
  close(): Promise<void>;
}

/** The real app on its own fresh database, listening on a free port. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const t = await startAppOn(db.url, env);
  return {
    ...t,
    async close() {
      await t.close();
      await db.drop();
    },
  };
}

/** Another app process on an existing test database (a restart, or a second instance); closing it keeps the database. */
export async function startAppOn(databaseUrl: string, env: Record<string, string> = {}): Promise<TestApp> {
  const config: AppConfig = {
    // TEST_LOG_LEVEL=error shows the app's logs while debugging a test
    env: parseEnv({ LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent', DEMO_DATA: 'false', JOB_INTERVAL_MS: '0', RESEARCH_REFRESH_SECONDS: '0', ...env }),
    databaseUrl,
    jwtSecret: 'integration-test-secret-that-is-long-enough-1234',
    webDist: null,
    embeddedDatabase: false,
  };
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    url: `http://127.0.0.1:${address.port}`,
    ds: app.get(DataSource),
    databaseUrl,
    close: () => app.close(),
  };
}
