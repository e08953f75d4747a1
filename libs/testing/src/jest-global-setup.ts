import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createKafka, ensureTopics, plannedTopics } from '@switchboard/messaging';
import { startContainers } from './containers';
import { testDatabaseName, testInfra } from './env';

/**
 * Runs before the integration and e2e tiers (once per `jest` run): checks that the real Kafka,
 * PostgreSQL and Redis answer (started by `make test` through deploy/local/infra.sh), recreates
 * the `_test` database, and gives the run its own topics under a fresh KAFKA_TOPIC_PREFIX — so a
 * test run never reads or writes the topics of a platform started with `make up`.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.SWITCHBOARD_TEST_SETUP_DONE) return;
  if (process.env.SWITCHBOARD_TEST_INFRA === 'containers' && !process.env.KAFKA_BROKERS) {
    const containers = await startContainers();
    // Test workers start after global setup and inherit these.
    Object.assign(process.env, containers.env);
    (globalThis as { __switchboardContainers?: typeof containers }).__switchboardContainers = containers;
  }
  const runId = randomUUID().slice(0, 8);
  process.env.KAFKA_TOPIC_PREFIX ??= `test-${runId}.`;
  // Each run its own database too, so two runs on one machine never drop each other's data.
  process.env.TEST_DATABASE_NAME ??= `switchboard_${runId}_test`;
  const infra = testInfra();
  const hint = 'start the infrastructure with `deploy/local/infra.sh up` (make test does this)';
  const maint = new Client({ connectionString: infra.maintenanceUrl });
  try {
    await maint.connect();
  } catch (e) {
    throw new Error(`PostgreSQL at ${infra.maintenanceUrl} does not answer (${(e as Error).message}): ${hint}`, { cause: e });
  }
  try {
    const name = testDatabaseName(infra.databaseUrl);
    await maint.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await maint.query(`CREATE DATABASE "${name}"`);
  } finally {
    await maint.end();
  }
  const kafka = createKafka({ brokers: infra.kafkaBrokers, clientId: 'switchboard-test-setup' });
  try {
    await ensureTopics(kafka, plannedTopics(), { partitions: Number(process.env.KAFKA_TOPIC_PARTITIONS ?? '3') });
  } catch (e) {
    throw new Error(`Kafka at ${infra.kafkaBrokers.join(',')} does not answer (${(e as Error).message}): ${hint}`, { cause: e });
  }
  process.env.SWITCHBOARD_TEST_SETUP_DONE = '1';
}
