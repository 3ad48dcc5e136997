import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startEmbeddedPostgres } from '../database/embedded-postgres';
import { AppConfig } from './app-config';
import { EnvSchema } from './env.schema';
import { loadOrCreateLocalSecrets } from './secrets';

export interface Runtime {
  config: AppConfig;
  /** Stops what start-up started (the embedded database). */
  stop(): Promise<void>;
}

/** Finds the built web app: WEB_DIST, or dist/apps/web/browser beside the built API. */
function findWebDist(env: EnvSchema): string | null {
  const candidates = env.WEB_DIST ? [env.WEB_DIST] : [join(__dirname, '..', 'web', 'browser'), 'dist/apps/web/browser'];
  const found = candidates.map((c) => resolve(c)).find((c) => existsSync(join(c, 'index.html')));
  return found ?? null;
}

/**
 * Turns the validated environment into a runnable configuration: with DATABASE_URL
 * it uses that database and starts nothing; without, it starts the embedded
 * PostgreSQL in DATA_DIR and uses the secrets generated there.
 */
export async function resolveRuntime(env: EnvSchema, log: (line: string) => void): Promise<Runtime> {
  const webDist = findWebDist(env);
  if (env.DATABASE_URL) {
    const jwtSecret = env.JWT_SECRET ?? loadOrCreateLocalSecrets(env.DATA_DIR).jwtSecret;
    return { config: { env, databaseUrl: env.DATABASE_URL, jwtSecret, webDist, embeddedDatabase: false }, stop: async () => undefined };
  }
  const secrets = loadOrCreateLocalSecrets(env.DATA_DIR);
  log(`Starting the embedded PostgreSQL in ${resolve(env.DATA_DIR, 'postgres')} (port ${env.EMBEDDED_PG_PORT})`);
  const db = await startEmbeddedPostgres({
    dataDir: env.DATA_DIR,
    port: env.EMBEDDED_PG_PORT,
    password: secrets.postgresPassword,
    database: 'allmende',
  });
  return {
    config: { env, databaseUrl: db.url, jwtSecret: env.JWT_SECRET ?? secrets.jwtSecret, webDist, embeddedDatabase: true },
    stop: () => db.stop(),
  };
}
