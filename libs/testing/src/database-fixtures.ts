import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createServiceDataSource, ensureServiceSchema, initialiseDataSource, MessagingTables1764000000000, serviceDatabase } from '@switchboard/persistence';
import { testInfra } from './env';

/**
 * A throwaway schema with its own role in the test database, migrated with the messaging tables
 * (and any extra migrations), for library-level integration tests.
 */
export async function createTestSchema(
  prefix: string,
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[] = [],
): Promise<{ dataSource: DataSource; schema: string; close: () => Promise<void> }> {
  const infra = testInfra();
  const schema = `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 8)}`;
  const password = `pw_${schema}`;
  const db = serviceDatabase(infra.databaseUrl, schema, password);
  await ensureServiceSchema(infra.databaseUrl, db, password);
  const dataSource = createServiceDataSource({ db, entities: [], migrations: [MessagingTables1764000000000, ...migrations], poolSize: 5 });
  await initialiseDataSource(dataSource);
  return { dataSource, schema, close: () => dataSource.destroy() };
}
