import 'reflect-metadata';
import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './naming-strategy';
import { PreparingClient } from './prepared-statements';

/** The one place that says how the API talks to PostgreSQL. */
export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    // idle connections stay a minute, so a burst after a pause does not wait for new ones
    extra: { max: poolSize, idleTimeoutMillis: 60_000, application_name: 'allmende-api', Client: PreparingClient },
  };
}

/** Runs pending migrations against `url` and closes the connection. */
export async function migrate(url: string): Promise<void> {
  const ds = await new DataSource(dataSourceOptions(url)).initialize();
  // A session lock, so two instances starting together migrate one after the other.
  const lock = ds.createQueryRunner();
  try {
    await lock.connect();
    await lock.query(`SELECT pg_advisory_lock(hashtext('allmende:migrate'))`);
    await ds.runMigrations({ transaction: 'each' });
    await lock.query(`SELECT pg_advisory_unlock(hashtext('allmende:migrate'))`);
  } finally {
    await lock.release();
    await ds.destroy();
  }
}

// For the TypeORM CLI (`npm run migration:*`): DATABASE_URL must point at the database.
export default new DataSource(dataSourceOptions(process.env['DATABASE_URL'] ?? 'postgres://localhost/allmende'));
