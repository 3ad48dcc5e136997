import { EnvSchema } from './env.schema';

/** The validated environment plus what start-up resolved (database, secrets, web folder). */
export interface AppConfig {
  env: EnvSchema;
  databaseUrl: string;
  jwtSecret: string;
  /** Absolute path of the built web app, or null when it is not there (API-only runs). */
  webDist: string | null;
  /** True when this process started the embedded PostgreSQL. */
  embeddedDatabase: boolean;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** An absolute link into the web app, for mails and feeds (PUBLIC_URL, else the local port). */
export function publicLink(config: AppConfig, path: string): string {
  const base = config.env.PUBLIC_URL ?? `http://localhost:${config.env.PORT}`;
  return `${base.replace(/\/$/, '')}${path}`;
}
