import type { Admin, Kafka } from 'kafkajs';
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
        waitForLeaders: false,
        topics: missing.map((topic) => ({
          topic,
          numPartitions: topic.endsWith('.dlq') ? 1 : plan.partitions,
          replicationFactor: plan.replicationFactor ?? 1,
        })),
      });
    }
    await waitForTopicsReady(admin, missing);
    return missing;
  } finally {
    await admin.disconnect();
  }
}

/**
 * Waits until every partition of the topics has a leader. kafkajs's own `waitForLeaders` gives up
 * on the UNKNOWN_TOPIC_OR_PARTITION a Kafka 4.x broker answers while a new topic propagates.
 */
export async function waitForTopicsReady(admin: Admin, topics: string[], timeoutMs = 30_000): Promise<void> {
  if (topics.length === 0) return;
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const { topics: meta } = await admin.fetchTopicMetadata({ topics });
      if (meta.length === topics.length && meta.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))) return;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`topics not ready after ${timeoutMs} ms: ${topics.join(', ')}${last ? ` (${(last as Error).message})` : ''}`);
}
