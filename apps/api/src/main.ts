import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ConfigError, parseEnv } from './config/env.schema';
import { resolveRuntime, Runtime } from './config/runtime';
import { createApp } from './create-app';
import { dataSourceOptions, migrate } from './database/data-source';
import { DEMO_ACCOUNTS } from './database/seed/demo-data';
import { seedDemoData } from './database/seed/seed-demo-data';

const say = (line: string) => process.stdout.write(`[allmende] ${line}\n`);

async function loadDemoData(url: string, password: string): Promise<void> {
  const ds = await new DataSource(dataSourceOptions(url)).initialize();
  try {
    say((await seedDemoData(ds, password)) ? 'Loaded the Bottrop demo data' : 'Demo data already present');
  } finally {
    await ds.destroy();
  }
}

async function main(): Promise<void> {
  let env;
  try {
    env = parseEnv(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`[allmende] ${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }

  let runtime: Runtime | undefined;
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal} received, shutting down`);
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      await app?.close();
      await runtime?.stop();
      process.exit(0);
    } catch (e) {
      process.stderr.write(`[allmende] shutdown failed: ${String(e)}\n`);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    runtime = await resolveRuntime(env, say);
    const { config } = runtime;
    await migrate(config.databaseUrl);
    say('Database migrated');
    if (env.DEMO_DATA) await loadDemoData(config.databaseUrl, env.DEMO_PASSWORD);
    app = await createApp(config);
    await app.listen(env.PORT, '0.0.0.0');
    const url = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
    say(`Allmende is running at ${url}/  (API ${url}/api, docs ${url}/api/docs)`);
    if (!config.webDist) say('No built web app found: serving the API only (run `npx nx build web`)');
    if (env.DEMO_DATA) {
      say(`Demo logins (password "${env.DEMO_PASSWORD}"): ${DEMO_ACCOUNTS.map((a) => a.email).join(', ')}`);
    }
  } catch (e) {
    process.stderr.write(`[allmende] start failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    await app?.close().catch(() => undefined);
    await runtime?.stop().catch(() => undefined);
    process.exit(1);
  }
}

void main();
