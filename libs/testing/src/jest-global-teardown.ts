import { createKafka } from '@switchboard/messaging';
import { testInfra } from './env';

/** Deletes the run's prefixed topics, and stops containers if global setup started them. */
export default async function globalTeardown(): Promise<void> {
  const prefix = process.env.KAFKA_TOPIC_PREFIX;
  if (prefix?.startsWith('test-') && !process.env.SWITCHBOARD_TEST_TEARDOWN_DONE) {
    process.env.SWITCHBOARD_TEST_TEARDOWN_DONE = '1';
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
