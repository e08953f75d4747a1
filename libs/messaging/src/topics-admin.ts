import type { Kafka } from 'kafkajs';
import { ALL_TOPICS, dlqOf } from '@switchboard/contracts';
import { physicalTopic } from './topic-names';

export interface TopicPlan {
  partitions: number;
  replicationFactor?: number;
}

/** Every public topic and its DLQ; the broker runs with automatic topic creation off. */
export function plannedTopics(): string[] {
  return ALL_TOPICS.flatMap((t) => [physicalTopic(t), dlqOf(physicalTopic(t))]);
}

/** Creates missing topics (idempotent); returns the names it created. */
export async function ensureTopics(kafka: Kafka, topics: string[], plan: TopicPlan): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic,
          numPartitions: topic.endsWith('.dlq') ? 1 : plan.partitions,
          replicationFactor: plan.replicationFactor ?? 1,
        })),
      });
    }
    return missing;
  } finally {
    await admin.disconnect();
  }
}
