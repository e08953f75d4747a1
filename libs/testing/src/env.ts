/**
 * Where the real infrastructure for tests is. Tests run against a database whose name ends in
 * `_test` and refuse anything else (conventions.md §8), so a stray DATABASE_URL cannot wipe data.
 */
export interface TestInfra {
  kafkaBrokers: string[];
  /** Administrative URL of the test database (creates roles and schemas). */
  databaseUrl: string;
  /** Administrative URL of the maintenance database, to create and drop the test database. */
  maintenanceUrl: string;
  redisUrl: string;
}

export function testInfra(): TestInfra {
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((b) => b.trim());
  const admin = new URL(process.env.DATABASE_URL ?? 'postgres://switchboard:switchboard@127.0.0.1:5432/switchboard');
  const testDb = process.env.TEST_DATABASE_NAME ?? `${admin.pathname.replace(/^\//, '') || 'switchboard'}_test`;
  if (!testDb.endsWith('_test')) throw new Error(`refusing to run tests against database "${testDb}": its name must end in _test`);
  const databaseUrl = new URL(admin);
  databaseUrl.pathname = `/${testDb}`;
  const maintenanceUrl = new URL(admin);
  return {
    kafkaBrokers: brokers,
    databaseUrl: databaseUrl.toString(),
    maintenanceUrl: maintenanceUrl.toString(),
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  };
}

export function testDatabaseName(url: string): string {
  const name = new URL(url).pathname.replace(/^\//, '');
  if (!name.endsWith('_test')) throw new Error(`refusing to touch database "${name}": not a test database`);
  return name;
}
