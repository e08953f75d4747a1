/**
 * The contract's topic names are logical; a deployment may put them under a prefix
 * (KAFKA_TOPIC_PREFIX, empty by default), so that a test run gets its own topics on a shared
 * broker. Applied at the Kafka edge only: when the relay sends, the consumer subscribes, and
 * topics are created.
 */
export function physicalTopic(logical: string): string {
  return `${process.env.KAFKA_TOPIC_PREFIX ?? ''}${logical}`;
}
