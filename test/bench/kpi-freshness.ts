/**
 * KPI freshness on scoring.kpis.v3 (issue 8, "Performance": ≤ 2 s at 2,000 events/s). Run from
 * dist/ after a build (`npx swc test/bench -d dist --quiet && node dist/test/bench/kpi-freshness.js`)
 * against the real local Kafka and PostgreSQL, in a database and under a topic prefix of its own,
 * deleted at the end. Not a test: it asserts nothing and prints what it measured.
 *
 *   Warm-up  start the built scoring service (dist/apps/scoring/src/main.js); register the
 *            technicians (group, contractor) and wait until scoring has them.
 *   Timed    offer a mix of events at BENCH_RATE per second for BENCH_SECONDS: per ticket, in this
 *            order, ticket.accepted, ticket.assigned, sla.clock-stopped (first response),
 *            assignment.completed, sla.clock-stopped (resolution), survey.completed, callback.closed,
 *            and every 10th ticket an sla.breached — on their own topics, tickets interleaved.
 *   Freshness  the Kafka timestamp of a kpi.window-updated − the time the event that waited longest
 *            for it was produced. Scoring's publisher adds what the consumer appended to the windows
 *            in passes (every SCORING_KPI_PUBLISH_INTERVAL_MS) and names, as each record's
 *            causationId, the oldest event the pass added to that window: so each sample is the
 *            worst wait among the events that record includes (a conservative sample, one per
 *            record, not one per event).
 *
 * Settings: BENCH_RATE (2000), BENCH_SECONDS (10), BENCH_PARTITIONS (6), BENCH_REGIONS (4),
 * BENCH_TECHNICIANS (200), BENCH_DRAIN_SECONDS (120: how long to wait for the last records),
 * BENCH_KEEP=1 keeps the database and topics. The rest of the environment goes to scoring.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { Kafka, Producer } from 'kafkajs';
import { Client } from 'pg';
import { EventRegistry, makeEvent, Topics, topicOf, type Envelope, type EventData, type EventType } from '@switchboard/contracts';
import { createKafka, ensureTopics, parseBrokers, physicalTopic, plannedTopics } from '@switchboard/messaging';
import { createBenchDatabase, removeBenchInfra, type BenchInfra } from './bench-infra';

const ROOT = join(__dirname, '..', '..', '..');
const SOURCE = 'bench/kpi-freshness';
const TARGET_RATE = 2_000;
const TARGET_MS = 2_000;

const num = (name: string, dflt: number) => {
  const v = Number(process.env[name] ?? dflt);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`${name} must be a positive number`);
  return v;
};

const settings = {
  rate: num('BENCH_RATE', TARGET_RATE),
  seconds: num('BENCH_SECONDS', 10),
  partitions: Math.floor(num('BENCH_PARTITIONS', 6)),
  regions: Math.floor(num('BENCH_REGIONS', 4)),
  technicians: Math.floor(num('BENCH_TECHNICIANS', 200)),
  drainSeconds: num('BENCH_DRAIN_SECONDS', 120),
  brokers: parseBrokers(process.env.KAFKA_BROKERS ?? '127.0.0.1:9092'),
  adminUrl: process.env.DATABASE_URL ?? 'postgres://switchboard:switchboard@127.0.0.1:5432/switchboard',
  keep: process.env.BENCH_KEEP === '1',
};

const runId = randomUUID().slice(0, 8);
const prefix = `bench-${runId}.`;
const dbName = `switchboard_bench_${runId}`;
const groupPrefix = `bench-${runId}`;
process.env.KAFKA_TOPIC_PREFIX = prefix;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const say = (msg: string) => process.stdout.write(`[bench] ${msg}\n`);
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const region = (i: number) => `bench-r${i % settings.regions}`;
const technician = (i: number) => `BT-${runId}-${i % settings.technicians}`;

function ev<T extends EventType>(type: T, subject: string, patch: Partial<EventData<T>>): Envelope {
  return makeEvent(type, { ...(EventRegistry[type].example as EventData<T>), ...patch }, { source: SOURCE, subject, time: new Date() }) as Envelope;
}

/** The events of ticket i, in their order. */
function ticketStory(i: number): Envelope[] {
  const ticketId = randomUUID();
  const r = region(i);
  const technicianId = technician(i);
  const services = ['broadband', 'fixed', 'mobile', 'iptv'] as const;
  const base = { ticketId, region: r };
  const story = [
    ev('ticket.accepted', ticketId, {
      ticketId,
      externalId: `BENCH-${runId}-${i}`,
      service: services[i % 4]!,
      customerTier: i % 10 === 0 ? 'vip' : 'standard',
      location: { region: r, county: `${r}-c${i % 3}`, zone: `${r}-z${i % 5}` },
    }),
    ev('ticket.assigned', ticketId, { ...base, technicianId }),
    ev('sla.clock-stopped', ticketId, { ...base, metric: 'first-response', met: i % 7 !== 0 }),
    ev('assignment.completed', ticketId, { ...base, technicianId }),
    ev('sla.clock-stopped', ticketId, { ...base, metric: 'resolution', met: i % 9 !== 0 }),
    ev('survey.completed', ticketId, { ...base, verdict: i % 6 === 0 ? 'unsatisfied' : 'satisfied' }),
    ev('callback.closed', ticketId, { ...base, status: i % 20 === 0 ? 'unreachable' : 'answered' }),
  ];
  if (i % 10 === 0) story.push(ev('sla.breached', ticketId, base));
  return story;
}

const FACT_TYPES = new Set<string>(['ticket.accepted', 'sla.clock-stopped', 'assignment.completed', 'survey.completed', 'callback.closed', 'sla.breached']);

async function send(producer: Producer, events: Envelope[], sentAt?: Map<string, number>): Promise<void> {
  const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string>; timestamp: string }[]>();
  const now = Date.now();
  for (const e of events) {
    const topic = physicalTopic(topicOf(e.type as EventType));
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), { key: e.subject, value: JSON.stringify(e), headers: { 'event-type': e.type }, timestamp: String(now) }]);
    if (sentAt && FACT_TYPES.has(e.type)) sentAt.set(e.id, now);
  }
  await producer.sendBatch({ acks: -1, topicMessages: [...byTopic.entries()].map(([topic, messages]) => ({ topic, messages })) });
}

/** Offers the mix at `rate` events per second for `seconds`; tickets interleaved, each ticket's events in order. */
async function offer(producer: Producer): Promise<{ sentAt: Map<string, number>; offered: number; events: number }> {
  const sentAt = new Map<string, number>();
  const total = Math.round(settings.rate * settings.seconds);
  const queue: Envelope[] = [];
  // Stagger: a window of tickets in flight, each contributing its next event in turn.
  const inFlight: Envelope[][] = [];
  let nextTicket = 0;
  const pull = (): Envelope => {
    while (inFlight.length < 50) inFlight.push(ticketStory(nextTicket++));
    const k = Math.floor(Math.random() * inFlight.length);
    const story = inFlight[k]!;
    const e = story.shift()!;
    if (story.length === 0) inFlight.splice(k, 1);
    return e;
  };
  const started = Date.now();
  let sent = 0;
  while (sent < total) {
    const due = Math.min(total, Math.floor(((Date.now() - started) / 1000) * settings.rate));
    if (due > sent) {
      queue.length = 0;
      for (let i = sent; i < due; i++) queue.push(pull());
      sent = due;
      await send(producer, queue, sentAt);
    }
    await sleep(5);
  }
  return { sentAt, offered: total / ((Date.now() - started) / 1000), events: total };
}

/** Reads scoring.kpis.v3: per causing event, the Kafka timestamp of its first window record. */
class RecordObserver {
  readonly firstRecordAt = new Map<string, number>();
  records = 0;
  private consumer;

  constructor(kafka: Kafka) {
    this.consumer = kafka.consumer({ groupId: `${groupPrefix}.observer`, maxWaitTimeInMs: 50 });
  }

  async start(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: physicalTopic(Topics.ScoringKpisV3), fromBeginning: true });
    await this.consumer.run({
      eachBatch: ({ batch }) => {
        for (const m of batch.messages) {
          if (!m.value) continue;
          const e = JSON.parse(m.value.toString()) as { type: string; causationId?: string };
          if (e.type !== 'kpi.window-updated') continue;
          this.records++;
          if (e.causationId && !this.firstRecordAt.has(e.causationId)) this.firstRecordAt.set(e.causationId, Number(m.timestamp));
        }
        return Promise.resolve();
      },
    });
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}

/** scoring's warn and error log lines (retries, failed batches), shown after the table. */
const warnings: string[] = [];
/** The publisher's passes (with LOG_LEVEL=debug): deltas taken, windows published, ms. */
const passes: string[] = [];

function startScoring(databaseUrl: string): { child: ChildProcess; ready: Promise<void>; logs: string[] } {
  const logs: string[] = [];
  const child = spawn(process.execPath, [join(ROOT, 'dist/apps/scoring/src/main.js')], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: process.env.LOG_LEVEL ?? 'info', DATABASE_URL: databaseUrl, KAFKA_TOPIC_PREFIX: prefix, CONSUMER_GROUP_PREFIX: groupPrefix, HTTP_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (line.length === 0) continue;
        logs.push(line);
        if (logs.length > 200) logs.shift();
        if (/"level":(4|5)\d/.test(line)) warnings.push(line.slice(0, 300));
        if (line.includes('KPI windows published')) passes.push(line);
        if (line.includes('"msg":"scoring ready"')) resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`scoring exited with ${code}:\n${logs.slice(-20).join('\n')}`)));
  });
  return { child, ready, logs };
}

async function stopScoring(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(20_000).then(() => child.kill('SIGKILL'))]);
}

const benchInfra = (): BenchInfra => ({ adminUrl: settings.adminUrl, dbName, prefix, groupPrefix, keep: settings.keep, say });

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main(): Promise<void> {
  const kafka = createKafka({ brokers: settings.brokers, clientId: 'switchboard-bench-kpis' });
  say(`run ${runId}: ${fmt(settings.rate)} events/s for ${settings.seconds} s, ${settings.partitions} partitions, ${settings.regions} regions, ${settings.technicians} technicians; database ${dbName}, topic prefix ${prefix}`);
  const databaseUrl = await createBenchDatabase(benchInfra());
  await ensureTopics(kafka, plannedTopics(), { partitions: settings.partitions });
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const observer = new RecordObserver(kafka);
  let scoring: ReturnType<typeof startScoring> | undefined;
  try {
    await observer.start();
    scoring = startScoring(databaseUrl);
    await scoring.ready;
    say('scoring ready');
    const crews = Array.from({ length: settings.technicians }, (_, i) =>
      ev('technician.registered', technician(i), { technicianId: technician(i), group: `bench-g${i % 20}`, employer: `bench-e${i % 3}`, region: region(i) }),
    );
    await send(producer, crews);
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    for (let i = 0; ; i++) {
      const r = await db.query<{ n: string }>('SELECT count(*) AS n FROM scoring.kpi_technician_scopes').catch(() => ({ rows: [{ n: '0' }] }));
      if (Number(r.rows[0]!.n) >= settings.technicians) break;
      if (i > 600) throw new Error('scoring did not take the technicians within 60 s');
      await sleep(100);
    }
    say(`warm-up: ${settings.technicians} technicians registered`);

    const { sentAt, offered, events } = await offer(producer);
    const offerEnded = Date.now();
    say(`offered ${fmt(events)} events at ${fmt(offered)} events/s (${fmt(sentAt.size)} of them change a KPI window)`);
    const deadline = Date.now() + settings.drainSeconds * 1000;
    const expectedInbox = events + settings.technicians;
    let inboxCount = 0;
    for (;;) {
      const r = await db.query<{ inbox: string; deltas: string }>('SELECT (SELECT count(*) FROM scoring.inbox) AS inbox, (SELECT count(*) FROM scoring.kpi_window_deltas) AS deltas');
      inboxCount = Number(r.rows[0]!.inbox);
      if ((inboxCount >= expectedInbox && Number(r.rows[0]!.deltas) === 0) || Date.now() > deadline) break;
      await sleep(250);
    }
    await sleep(2_000); // the relay and the observer
    const drainedMs = Date.now() - offerEnded;
    const latencies = [...observer.firstRecordAt.entries()].filter(([id]) => sentAt.has(id)).map(([id, at]) => at - sentAt.get(id)!).sort((a, b) => a - b);
    await db.end();

    const p = (q: number) => percentile(latencies, q);
    const rows = [
      ['offered rate', `${fmt(offered)} events/s`, `${fmt(TARGET_RATE)} events/s`],
      ['freshness p50', `${fmt(p(50))} ms`, ''],
      ['freshness p95', `${fmt(p(95))} ms`, ''],
      ['freshness p99', `${fmt(p(99))} ms`, `≤ ${fmt(TARGET_MS)} ms ${p(99) <= TARGET_MS ? 'PASS' : 'FAIL'}`],
      ['freshness max', `${fmt(latencies.at(-1) ?? NaN)} ms`, ''],
      ['samples (records naming an offered event)', fmt(latencies.length), ''],
      ['window records published', fmt(observer.records), ''],
      ['scoring inbox (events applied)', `${fmt(inboxCount)} of ${fmt(expectedInbox)}${inboxCount < expectedInbox ? ` (not all within ${settings.drainSeconds} s)` : ''}`, ''],
      ['drained after the offer ended', `${fmt(drainedMs / 1000, 1)} s`, ''],
    ];
    const widths = [0, 1, 2].map((c) => Math.max(...[['measure', 'result', 'target'], ...rows].map((r) => r[c]!.length)));
    const line = (r: string[]) => `| ${r.map((v, c) => v.padEnd(widths[c]!)).join(' | ')} |`;
    process.stdout.write(`\nKPI freshness benchmark, run ${runId} (${new Date().toISOString()}); broker, PostgreSQL, scoring and this benchmark share one machine of ${cpus().length} cores\n`);
    process.stdout.write(`${line(['measure', 'result', 'target'])}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n${rows.map(line).join('\n')}\n`);
    if (passes.length > 0) {
      const stats = passes.map((l) => JSON.parse(l) as { deltas: number; windows: number; ms: number });
      const ms = stats.map((p) => p.ms).sort((a, b) => a - b);
      process.stdout.write(`publisher: ${stats.length} passes, ${fmt(stats.reduce((a, p) => a + p.deltas, 0))} deltas, ${fmt(stats.reduce((a, p) => a + p.windows, 0))} window records; pass p50 ${fmt(percentile(ms, 50))} ms, max ${fmt(ms.at(-1) ?? NaN)} ms\n`);
    }
    if (warnings.length > 0) process.stdout.write(`scoring logged ${warnings.length} warnings or errors; the first: ${warnings.slice(0, 3).join('\n')}\n`);
  } finally {
    if (scoring) await stopScoring(scoring.child);
    await observer.stop().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
    await removeBenchInfra(benchInfra(), kafka).catch((e: unknown) => say(`clean-up failed: ${(e as Error).message}`));
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`[bench] failed: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
