import { Client } from 'pg';
import { createKafka } from '@switchboard/messaging';
import { testDatabaseName, testInfra } from './env';

/**
 * Deletes the run's prefixed topics and its database (set SWITCHBOARD_KEEP_TEST_DATA=1 to keep
 * them for a post-mortem), and stops containers if global setup started them.
 */
export default async function globalTeardown(): Promise<void> {
  const prefix = process.env.KAFKA_TOPIC_PREFIX;
  if (prefix?.startsWith('test-') && !process.env.SWITCHBOARD_TEST_TEARDOWN_DONE && !process.env.SWITCHBOARD_KEEP_TEST_DATA) {
    process.env.SWITCHBOARD_TEST_TEARDOWN_DONE = '1';
    const infra = testInfra();
    const maint = new Client({ connectionString: infra.maintenanceUrl });
    await maint.connect();
    try {
      await maint.query(`DROP DATABASE IF EXISTS "${testDatabaseName(infra.databaseUrl)}" WITH (FORCE)`);
    } finally {
      await maint.end();
    }
    const admin = createKafka({ brokers: testInfra().kafkaBrokers, clientId: 'switchboard-test-teardown' }).admin();
    await admin.connect();
    try {
      const mine = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
      if (mine.length > 0) await admin.deleteTopics({ topics: mine, timeout: 30_000 });
    } finally {
      await admin.disconnect();
    }
  }
  const containers = (globalThis as { __switchboardContainers?: { stop: () => Promise<void> } }).__switchboardContainers;
  await containers?.stop();
}
