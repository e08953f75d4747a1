import type { Kafka } from 'kafkajs';
import { Client } from 'pg';

/** What a benchmark run makes for itself on the shared infrastructure, and removes at the end. */
export interface BenchInfra {
  adminUrl: string;
  dbName: string;
  /** Physical topic prefix of the run. */
  prefix: string;
  groupPrefix: string;
  keep: boolean;
  say: (line: string) => void;
}

/** Creates the run's own database; returns its URL. */
export async function createBenchDatabase(b: Pick<BenchInfra, 'adminUrl' | 'dbName'>): Promise<string> {
  const maint = new Client({ connectionString: b.adminUrl });
  await maint.connect();
  try {
    await maint.query(`CREATE DATABASE "${b.dbName}"`);
  } finally {
    await maint.end();
  }
  const url = new URL(b.adminUrl);
  url.pathname = `/${b.dbName}`;
  return url.toString();
}

/** Drops the run's database, topics and consumer groups (unless asked to keep them). */
export async function removeBenchInfra(b: BenchInfra, kafka: Kafka): Promise<void> {
  if (b.keep) {
    b.say(`kept database ${b.dbName} and topics ${b.prefix}*`);
    return;
  }
  const maint = new Client({ connectionString: b.adminUrl });
  await maint.connect();
  try {
    await maint.query(`DROP DATABASE IF EXISTS "${b.dbName}" WITH (FORCE)`);
  } finally {
    await maint.end();
  }
  const admin = kafka.admin();
  await admin.connect();
  try {
    const mine = (await admin.listTopics()).filter((t) => t.startsWith(b.prefix));
    if (mine.length > 0) await admin.deleteTopics({ topics: mine, timeout: 30_000 });
    const groups = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.startsWith(`${b.groupPrefix}.`));
    if (groups.length > 0) await admin.deleteGroups(groups).catch(() => undefined);
  } finally {
    await admin.disconnect();
  }
  b.say(`removed database ${b.dbName}, topics ${b.prefix}* and consumer groups ${b.groupPrefix}.*`);
}
