import { createKafka, parseBrokers } from '../kafka';
import { ensureTopics, plannedTopics } from '../topics-admin';

async function main(): Promise<void> {
  const brokers = parseBrokers(process.env.KAFKA_BROKERS ?? '127.0.0.1:9092');
  const partitions = Number(process.env.KAFKA_TOPIC_PARTITIONS ?? '6');
  const kafka = createKafka({ brokers, clientId: 'switchboard-topics' });
  const created = await ensureTopics(kafka, plannedTopics(), { partitions });
  process.stdout.write(`topics: ${plannedTopics().length} planned, ${created.length} created${created.length ? ` (${created.join(', ')})` : ''}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`create-topics failed: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
