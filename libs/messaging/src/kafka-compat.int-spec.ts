import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { createTestTopic, testInfra, waitFor } from '@switchboard/testing';
import { fetchApiVersions } from './api-versions';
import { createKafka } from './kafka';
import { physicalTopic } from './topic-names';

/** Proves kafkajs 2.2.4 works against the Kafka 4.x broker the project runs (docs/adr/0002). */
describe('kafkajs against the local Kafka 4.x broker', () => {
  let kafka: Kafka;

  beforeAll(() => {
    kafka = createKafka({ brokers: testInfra().kafkaBrokers, clientId: 'compat-test' });
  });

  it('is the pinned Kafka 4.4 broker: old protocol versions removed by KIP-896 are gone, 4.4 APIs are there', async () => {
    const versions = await fetchApiVersions(testInfra().kafkaBrokers[0]!);
    const byKey = new Map(versions.map((v) => [v.apiKey, v]));
    // Kafka 3.x served Fetch and OffsetCommit from v0; 4.0 starts at Fetch v4 and OffsetCommit v2.
    expect(byKey.get(1)!.minVersion).toBeGreaterThanOrEqual(4);
    expect(byKey.get(8)!.minVersion).toBeGreaterThanOrEqual(2);
    // 4.4 serves API keys up to 94 (share groups, streams groups); an older 4.x serves fewer.
    expect(Math.max(...versions.map((v) => v.apiKey))).toBeGreaterThanOrEqual(94);
    // kafkajs's highest versions (Produce v7, Fetch v11, OffsetCommit v5) are inside the broker's ranges.
    expect(byKey.get(0)!.maxVersion).toBeGreaterThanOrEqual(7);
    expect(byKey.get(1)!.maxVersion).toBeGreaterThanOrEqual(11);
    expect(byKey.get(8)!.maxVersion).toBeGreaterThanOrEqual(5);
  });

  it('produces, consumes in a group, commits, and a restarted consumer resumes from the committed offset', async () => {
    const topic = await createTestTopic(kafka, 'compat', 2);
    const groupId = `compat-${randomUUID()}`;
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    await producer.send({ topic: physicalTopic(topic), acks: -1, messages: Array.from({ length: 10 }, (_, i) => ({ key: `k${i % 3}`, value: `first-${i}` })) });

    const seen: string[] = [];
    const consume = async () => {
      const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 50 });
      await consumer.connect();
      await consumer.subscribe({ topic: physicalTopic(topic), fromBeginning: true });
      await consumer.run({
        autoCommit: true,
        autoCommitThreshold: 1,
        eachMessage: ({ message }) => {
          seen.push(message.value!.toString());
          return Promise.resolve();
        },
      });
      return consumer;
    };

    const first = await consume();
    await waitFor(() => seen.length === 10 || undefined, { message: 'the first 10 messages' });
    await first.disconnect();

    const admin = kafka.admin();
    await admin.connect();
    const offsets = await admin.fetchOffsets({ groupId, topics: [physicalTopic(topic)] });
    await admin.disconnect();
    // A partition with no commit reports -1.
    const committed = offsets[0]!.partitions.reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
    expect(committed).toBe(10);

    await producer.send({ topic: physicalTopic(topic), acks: -1, messages: Array.from({ length: 5 }, (_, i) => ({ key: `k${i}`, value: `second-${i}` })) });
    const second = await consume();
    await waitFor(() => seen.length === 15 || undefined, { message: 'the 5 new messages' });
    await second.disconnect();
    await producer.disconnect();

    expect(seen.filter((v) => v.startsWith('first-')).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `first-${i}`).sort());
    expect(seen.slice(10).sort()).toEqual(Array.from({ length: 5 }, (_, i) => `second-${i}`).sort());
  });
});
