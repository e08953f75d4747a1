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

/** Connects and brings the schema up to date; returns the migrations it ran. */
export async function initialiseDataSource(ds: DataSource): Promise<string[]> {
  if (!ds.isInitialized) await ds.initialize();
  const ran = await ds.runMigrations({ transaction: 'each' });
  return ran.map((m) => m.name);
}
