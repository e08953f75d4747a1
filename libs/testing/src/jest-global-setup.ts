import { Client } from 'pg';
import { createKafka, ensureTopics, plannedTopics } from '@switchboard/messaging';
import { testDatabaseName, testInfra } from './env';

/**
 * Runs once before the integration and e2e tiers: checks that the real Kafka, PostgreSQL and
 * Redis answer (started by `make test` through deploy/local/infra.sh), recreates the test
 * database, and creates the platform's topics.
 */
export default async function globalSetup(): Promise<void> {
  const infra = testInfra();
  const hint = 'start the infrastructure with `deploy/local/infra.sh up` (make test does this)';
  const maint = new Client({ connectionString: infra.maintenanceUrl });
  try {
    await maint.connect();
  } catch (e) {
    throw new Error(`PostgreSQL at ${infra.maintenanceUrl} does not answer (${(e as Error).message}): ${hint}`);
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
    await ensureTopics(kafka, plannedTopics(), { partitions: Number(process.env.KAFKA_TOPIC_PARTITIONS ?? '6') });
  } catch (e) {
    throw new Error(`Kafka at ${infra.kafkaBrokers.join(',')} does not answer (${(e as Error).message}): ${hint}`);
  }
}
