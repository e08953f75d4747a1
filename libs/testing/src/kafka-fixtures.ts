import { randomUUID } from 'node:crypto';
import type { Kafka, KafkaMessage } from 'kafkajs';
import { dlqOf } from '@switchboard/contracts';
import { physicalTopic, waitForTopicsReady } from '@switchboard/messaging';
import { waitFor } from './wait-for';

/**
 * A fresh topic and its DLQ for one test: tests never share a topic's offsets. Returns the
 * logical name; on the broker it lives under the run's KAFKA_TOPIC_PREFIX.
 */
export async function createTestTopic(kafka: Kafka, prefix: string, partitions = 3): Promise<string> {
  const topic = `test.${prefix}.${randomUUID().slice(0, 8)}`;
  const physical = physicalTopic(topic);
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({
      waitForLeaders: false,
      topics: [
        { topic: physical, numPartitions: partitions, replicationFactor: 1 },
        { topic: dlqOf(physical), numPartitions: 1, replicationFactor: 1 },
      ],
    });
    await waitForTopicsReady(admin, [physical, dlqOf(physical)]);
  } finally {
    await admin.disconnect();
  }
  return topic;
}

export interface CollectedMessage {
  /** The logical topic name (without the run's prefix). */
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

/**
 * Reads topics (logical names) from the beginning in a throwaway group and collects what
 * arrives, so a test can wait on what was really published.
 */
export class TopicCollector {
  readonly messages: CollectedMessage[] = [];
  private consumer;

  constructor(private readonly kafka: Kafka, private readonly topics: string[]) {
    this.consumer = kafka.consumer({ groupId: `test-collector-${randomUUID()}`, maxWaitTimeInMs: 50 });
  }

  async start(): Promise<this> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.topics.map(physicalTopic), fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ topic, partition, message }: { topic: string; partition: number; message: KafkaMessage }) => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(message.headers ?? {})) if (v !== undefined) headers[k] = (Array.isArray(v) ? v[0] : v)?.toString() ?? '';
        this.messages.push({ topic: topic.slice(physicalTopic('').length), partition, offset: message.offset, key: message.key?.toString() ?? null, value: message.value, headers });
        return Promise.resolve();
      },
    });
    return this;
  }

  json<T = unknown>(topic?: string): T[] {
    return this.messages.filter((m) => !topic || m.topic === topic).map((m) => JSON.parse(m.value?.toString() ?? 'null') as T);
  }

  async waitForCount(count: number, topic?: string, timeoutMs = 30_000): Promise<CollectedMessage[]> {
    return waitFor(
      () => {
        const got = this.messages.filter((m) => !topic || m.topic === topic);
        return got.length >= count ? got : undefined;
      },
      { timeoutMs, message: `${count} message(s) on ${topic ?? this.topics.join(',')} (have ${this.messages.length})` },
    );
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}
