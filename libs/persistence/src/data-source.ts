import { DataSource, type EntitySchema, type MixedList } from 'typeorm';
import type { ServiceDatabase } from './service-schema';

export interface ServiceDataSourceOptions {
  db: ServiceDatabase;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  poolSize?: number;
  applicationName?: string;
}

/**
 * One TypeORM data source per service, bound to its own schema and role. Migrations only, never
 * `synchronize` (conventions.md).
 */
export function createServiceDataSource(options: ServiceDataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.db.url,
    schema: options.db.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    // Errors reach the caller as exceptions and are logged there, in JSON.
    logging: false,
    applicationName: options.applicationName ?? `switchboard-${options.db.schema}`,
    extra: {
      max: options.poolSize ?? 10,
      options: `-c search_path=${options.db.schema}`,
    },
  });
}

/**
 * Connects and brings the schema up to date; returns the migrations it ran. Replicas starting
 * together take turns: a session advisory lock per schema, held on its own connection while the
 * migrations run on another, so a second replica finds the first one's migrations done instead of
 * running them again against a schema they already changed.
 */
export async function initialiseDataSource(ds: DataSource): Promise<string[]> {
  if (!ds.isInitialized) await ds.initialize();
  const lockKey = `switchboard:migrations:${String((ds.options as { schema?: string }).schema ?? 'public')}`;
  const lock = ds.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey]);
    const ran = await ds.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey]).catch(() => undefined);
    await lock.release();
  }
}
