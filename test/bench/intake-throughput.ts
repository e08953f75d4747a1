/**
 * Intake's throughput and added latency, beside the raw kafkajs consume rate of the same run
 * (issue 4, "Performance"). `make bench` (or `make bench-intake`) runs it from dist/ against the
 * real local Kafka and PostgreSQL — the same KAFKA_BROKERS / DATABASE_URL defaults as the
 * services — in a database and under a topic prefix of its own, deleted at the end.
 *
 *   Phase A  produce N valid `ticket.received` to the bench's tickets.inbound.v1, then read them
 *            with a bare kafkajs consumer (no decoding, no database): msgs/s.
 *   Phase B  start the built intake service (dist/apps/intake/src/main.js) on that backlog of the
 *            same N: tickets/s from its first to its last `ticket.accepted` on tickets.lifecycle.v1.
 *   Phase C  offer tickets at a fixed rate for a fixed time to the running intake: per ticket,
 *            added latency = Kafka timestamp of its `ticket.accepted` − that of its `ticket.received`.
 *
 * Settings (environment): BENCH_TICKETS (100000), BENCH_RATE (5000 per second), BENCH_SECONDS (20),
 * BENCH_PARTITIONS (6), BENCH_REGIONS (hangzhou,ningbo,wenzhou,shaoxing), BENCH_KEEP=1 keeps the
 * database and topics, BENCH_INTAKE_NODE_ARGS are node options for intake (e.g. `--cpu-prof
 * --cpu-prof-dir=/tmp/prof`). Everything else in the environment (DB_POOL_SIZE, OUTBOX_POLL_MS, …) is
 * passed on to intake. Not a test: nothing here asserts a time; it prints what it measured.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { Kafka, Producer } from 'kafkajs';
import { Client } from 'pg';
import { Headers, makeEvent, ticketIdFor, Topics, ticketReceivedExample, type TicketReceived } from '@switchboard/contracts';
import { createKafka, ensureTopics, parseBrokers, physicalTopic, plannedTopics } from '@switchboard/messaging';
import { createBenchDatabase, removeBenchInfra, type BenchInfra } from './bench-infra';

const ROOT = join(__dirname, '..', '..', '..');
const SOURCE = 'bench/intake-throughput';
const TARGET_RATE = 5_000;
const TARGET_P99_MS = 50;

const num = (name: string, dflt: number) => {
  const v = Number(process.env[name] ?? dflt);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`${name} must be a positive number`);
  return v;
};

const settings = {
  tickets: Math.floor(num('BENCH_TICKETS', 100_000)),
  rate: num('BENCH_RATE', TARGET_RATE),
  seconds: num('BENCH_SECONDS', 20),
  partitions: Math.floor(num('BENCH_PARTITIONS', 6)),
  regions: (process.env.BENCH_REGIONS ?? 'hangzhou,ningbo,wenzhou,shaoxing').split(',').filter((r) => r.length > 0),
  brokers: parseBrokers(process.env.KAFKA_BROKERS ?? '127.0.0.1:9092'),
  adminUrl: process.env.DATABASE_URL ?? 'postgres://switchboard:switchboard@127.0.0.1:5432/switchboard',
  keep: process.env.BENCH_KEEP === '1',
};

const runId = randomUUID().slice(0, 8);
const prefix = `bench-${runId}.`;
const dbName = `switchboard_bench_${runId}`;
const groupPrefix = `bench-${runId}`;
// physicalTopic() reads the prefix at each call: everything below lives under the bench's own.
process.env.KAFKA_TOPIC_PREFIX = prefix;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const say = (msg: string) => process.stdout.write(`[bench] ${msg}\n`);
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** A valid ticket from the contract's example: unique externalId, spread over regions, kinds, services, tiers. */
function ticket(phase: string, i: number): TicketReceived {
  const region = settings.regions[i % settings.regions.length]!;
  const kinds = ['repair', 'complaint', 'install', 'move'] as const;
  const services = ['broadband', 'fixed', 'mobile', 'iptv'] as const;
  return {
    ...ticketReceivedExample,
    externalId: `BENCH-${runId}-${phase}-${i}`,
    kind: kinds[i % 4]!,
    service: services[Math.floor(i / 4) % 4]!,
    customer: { ...ticketReceivedExample.customer, id: `BC-${phase}-${i}`, tier: i % 10 === 0 ? 'vip' : 'standard' },
    location: { ...ticketReceivedExample.location, region, county: `${region}-c${i % 3}`, zone: `${region}-c${i % 3}-0${i % 5}` },
    reportedAt: new Date().toISOString(),
  };
}

function message(t: TicketReceived, timestamp?: number) {
  const envelope = makeEvent('ticket.received', t, { source: SOURCE, subject: t.externalId, time: new Date() });
  return {
    key: t.externalId,
    value: JSON.stringify(envelope),
    headers: { [Headers.EventType]: envelope.type },
    ...(timestamp !== undefined ? { timestamp: String(timestamp) } : {}),
  };
}

async function produceBacklog(producer: Producer, n: number): Promise<number> {
  const topic = physicalTopic(Topics.TicketsInbound);
  const started = Date.now();
  const chunk = 1_000;
  const inFlight: Promise<unknown>[] = [];
  for (let i = 0; i < n; i += chunk) {
    const messages = [];
    for (let k = i; k < Math.min(n, i + chunk); k++) messages.push(message(ticket('b', k)));
    inFlight.push(producer.send({ topic, acks: -1, messages }));
    if (inFlight.length >= 8) await Promise.all(inFlight.splice(0));
  }
  await Promise.all(inFlight);
  return (Date.now() - started) / 1000;
}

/** Phase A: a bare kafkajs consumer, counting messages only. */
async function rawConsume(kafka: Kafka, n: number): Promise<{ rate: number; seconds: number }> {
  const consumer = kafka.consumer({ groupId: `${groupPrefix}.raw`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topics: [physicalTopic(Topics.TicketsInbound)], fromBeginning: true });
  let count = 0;
  // From joining the group (its first fetch included) to the last message: kafkajs's group join
  // waits out the broker's initial rebalance delay, which is not consumption.
  let first = 0;
  let last = 0;
  consumer.on(consumer.events.GROUP_JOIN, () => {
    first = Date.now();
  });
  let done!: () => void;
  const finished = new Promise<void>((r) => (done = r));
  await consumer.run({
    eachBatch: async ({ batch }) => {
      count += batch.messages.length;
      if (count >= n) {
        last = Date.now();
        done();
      }
      return Promise.resolve();
    },
  });
  await withTimeout(finished, 300_000, () => `raw consumer saw ${count} of ${n}`);
  await consumer.disconnect();
  const seconds = (last - first) / 1000;
  return { rate: n / seconds, seconds };
}

/** Reads tickets.lifecycle.v1 (headers and keys only): when each ticket's `ticket.accepted` was written. */
class LifecycleObserver {
  readonly accepted = new Map<string, number>();
  rejected = 0;
  private consumer;

  constructor(kafka: Kafka) {
    this.consumer = kafka.consumer({ groupId: `${groupPrefix}.observer`, maxWaitTimeInMs: 20 });
  }

  async start(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [physicalTopic(Topics.TicketsLifecycle)], fromBeginning: true });
    await this.consumer.run({
      partitionsConsumedConcurrently: 6,
      eachBatch: async ({ batch }) => {
        for (const m of batch.messages) {
          const type = m.headers?.[Headers.EventType]?.toString();
          if (type === 'ticket.accepted' && m.key && !this.accepted.has(m.key.toString())) this.accepted.set(m.key.toString(), Number(m.timestamp));
          else if (type === 'ticket.rejected') this.rejected++;
        }
        return Promise.resolve();
      },
    });
  }

  async until(ids: Iterable<string>, stallMs = 60_000): Promise<void> {
    const wanted = [...ids];
    let seen = -1;
    let lastProgress = Date.now();
    for (;;) {
      const have = wanted.reduce((c, id) => c + (this.accepted.has(id) ? 1 : 0), 0);
      if (have === wanted.length) return;
      if (have !== seen) {
        seen = have;
        lastProgress = Date.now();
      } else if (Date.now() - lastProgress > stallMs) {
        throw new Error(`no progress for ${stallMs / 1000} s: ${have} of ${wanted.length} accepted (${this.rejected} rejected)`);
      }
      await sleep(200);
    }
  }

  stop(): Promise<void> {
    return this.consumer.disconnect();
  }
}

async function withTimeout<T>(p: Promise<T>, ms: number, what: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out: ${what()}`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** CPU seconds used so far by every process whose command line matches (e.g. all PostgreSQL backends). */
function cpuSecondsOfAll(match: RegExp): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (match.test(cmdline)) total += cpuSeconds(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

/** The machine's busy and total CPU seconds so far (all cores), from /proc/stat. */
function machineSeconds(): { busy: number; total: number } {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const n = ticks.map(Number);
  const total = n.reduce((a, b) => a + b, 0);
  const idle = (n[3] ?? 0) + (n[4] ?? 0);
  return { busy: (total - idle) / 100, total: total / 100 };
}

/** Where the CPU went between two snapshots: intake, PostgreSQL, the Kafka broker, everything else. */
function cpuSnapshot(intakePid: number | undefined) {
  return {
    intake: cpuSeconds(intakePid),
    postgres: cpuSecondsOfAll(/^postgres[: ]|\/postgres /),
    kafka: cpuSecondsOfAll(/kafka\.Kafka|kafka-server|kafka_2\.|kafka-run-class/),
    machine: machineSeconds(),
  };
}

function cpuPerTicket(a: ReturnType<typeof cpuSnapshot>, b: ReturnType<typeof cpuSnapshot>, tickets: number): string {
  const ms = (sec: number) => fmt((sec / tickets) * 1000, 3);
  const intake = b.intake - a.intake;
  const postgres = b.postgres - a.postgres;
  const kafka = b.kafka - a.kafka;
  const busy = b.machine.busy - a.machine.busy;
  const total = b.machine.total - a.machine.total;
  return (
    `CPU per ticket: intake ${ms(intake)} ms, PostgreSQL ${ms(postgres)} ms, Kafka broker ${ms(kafka)} ms; ` +
    `machine ${fmt((busy / total) * 100)} % busy, ${fmt(((busy - intake - postgres - kafka) / total) * 100)} % of it by other processes (this benchmark included)`
  );
}

function startIntake(databaseUrl: string): { child: ChildProcess; ready: Promise<void>; logs: string[] } {
  const logs: string[] = [];
  // e.g. BENCH_INTAKE_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' to profile intake alone.
  const nodeArgs = (process.env.BENCH_INTAKE_NODE_ARGS ?? '').split(' ').filter((a) => a.length > 0);
  const child = spawn(process.execPath, [...nodeArgs, join(ROOT, 'dist/apps/intake/src/main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
      DATABASE_URL: databaseUrl,
      KAFKA_TOPIC_PREFIX: prefix,
      CONSUMER_GROUP_PREFIX: groupPrefix,
      HTTP_PORT: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (line.length === 0) continue;
        logs.push(line);
        if (logs.length > 200) logs.shift();
        if (line.includes('"msg":"intake ready"')) resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`intake exited with ${code}:\n${logs.slice(-20).join('\n')}`)));
  });
  return { child, ready, logs };
}

async function stopIntake(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  await withTimeout(exited, 20_000, () => 'intake to stop').catch(() => child.kill('SIGKILL'));
}

/** Phase C: `rate` tickets per second for `seconds`, each stamped with the time it was sent. */
async function offerAtRate(producer: Producer, rate: number, seconds: number): Promise<{ sentAt: Map<string, number>; offered: number }> {
  const topic = physicalTopic(Topics.TicketsInbound);
  const sentAt = new Map<string, number>();
  const total = Math.round(rate * seconds);
  const started = Date.now();
  let sent = 0;
  while (sent < total) {
    const due = Math.min(total, Math.floor(((Date.now() - started) / 1000) * rate));
    if (due > sent) {
      const now = Date.now();
      const messages = [];
      for (let i = sent; i < due; i++) {
        const t = ticket('c', i);
        sentAt.set(ticketIdFor(SOURCE, t.externalId), now);
        messages.push(message(t, now));
      }
      sent = due;
      await producer.send({ topic, acks: -1, messages });
    }
    await sleep(5);
  }
  return { sentAt, offered: total / ((Date.now() - started) / 1000) };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Samples intake's own tables while the backlog drains: when the consumer side (inbox) was done
 * versus when the relay had published the last outbox row — which half is the bottleneck.
 */
class Progress {
  readonly samples: { at: number; applied: number; pending: number }[] = [];
  private timer?: NodeJS.Timeout;
  private client;

  constructor(databaseUrl: string) {
    this.client = new Client({ connectionString: databaseUrl });
  }

  async start(): Promise<void> {
    await this.client.connect();
    const tick = async () => {
      const r = await this.client
        .query<{ applied: string; pending: string }>(
          `SELECT (SELECT count(*) FROM intake.inbox) AS applied, (SELECT count(*) FROM intake.outbox WHERE published_at IS NULL) AS pending`,
        )
        .catch(() => undefined);
      if (r) this.samples.push({ at: Date.now(), applied: Number(r.rows[0]!.applied), pending: Number(r.rows[0]!.pending) });
      if (this.timer) this.timer = setTimeout(() => void tick(), 500);
    };
    this.timer = setTimeout(() => void tick(), 500);
  }

  /** First sample at which the inbox held `n` events. */
  appliedAt(n: number): number | undefined {
    return this.samples.find((s) => s.applied >= n)?.at;
  }

  maxPending(): number {
    return Math.max(0, ...this.samples.map((s) => s.pending));
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.client.end();
  }
}

const benchInfra = (): BenchInfra => ({ adminUrl: settings.adminUrl, dbName, prefix, groupPrefix, keep: settings.keep, say });

async function main(): Promise<void> {
  const kafka = createKafka({ brokers: settings.brokers, clientId: 'switchboard-bench' });
  say(`run ${runId}: ${fmt(settings.tickets)} tickets, ${settings.partitions} partitions, offered ${fmt(settings.rate)}/s for ${settings.seconds} s; Kafka ${settings.brokers.join(',')}, database ${dbName}, topic prefix ${prefix}`);
  const databaseUrl = await createBenchDatabase(benchInfra());
  await ensureTopics(kafka, plannedTopics(), { partitions: settings.partitions });
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const observer = new LifecycleObserver(kafka);
  let intake: ReturnType<typeof startIntake> | undefined;
  const rows: [string, string, string, string][] = [];
  try {
    // Phase A
    const produceSeconds = await produceBacklog(producer, settings.tickets);
    say(`A: produced ${fmt(settings.tickets)} ticket.received in ${fmt(produceSeconds, 1)} s (${fmt(settings.tickets / produceSeconds)}/s)`);
    const raw = await rawConsume(kafka, settings.tickets);
    say(`A: bare kafkajs consumer read them in ${fmt(raw.seconds, 2)} s: ${fmt(raw.rate)} msgs/s`);

    // Phase B
    await observer.start();
    const spawned = Date.now();
    intake = startIntake(databaseUrl);
    await withTimeout(intake.ready, 120_000, () => 'intake to start');
    const cpu0 = cpuSeconds(intake.child.pid);
    const snapB = cpuSnapshot(intake.child.pid);
    const readyAt = Date.now();
    const progress = new Progress(databaseUrl);
    await progress.start();
    const backlogIds = Array.from({ length: settings.tickets }, (_, i) => ticketIdFor(SOURCE, `BENCH-${runId}-b-${i}`));
    await observer.until(backlogIds);
    const drainedAt = Date.now();
    await progress.stop();
    const appliedAt = progress.appliedAt(settings.tickets);
    const cpuB = cpuSeconds(intake.child.pid) - cpu0;
    const perTicketB = cpuPerTicket(snapB, cpuSnapshot(intake.child.pid), settings.tickets);
    const stamps = backlogIds.map((id) => observer.accepted.get(id)!);
    const firstTs = Math.min(...stamps);
    const lastTs = Math.max(...stamps);
    const intakeRate = (settings.tickets - 1) / ((lastTs - firstTs) / 1000);
    const wallRate = settings.tickets / ((drainedAt - readyAt) / 1000);
    say(`B: intake started in ${fmt((readyAt - spawned) / 1000, 1)} s; accepted the backlog of ${fmt(settings.tickets)}: ${fmt(intakeRate)} tickets/s between its first and last ticket.accepted (${fmt(wallRate)}/s from "ready" to the last seen), intake CPU ${fmt((cpuB / ((drainedAt - readyAt) / 1000)) * 100)} % of one core`);
    say(
      `B: the consumer side (inbox) had applied all ${appliedAt ? `${fmt((appliedAt - readyAt) / 1000, 1)} s after "ready"` : 'within 0.5 s (one sample) of the last publication'}, the last ticket.accepted was seen ${fmt((drainedAt - readyAt) / 1000, 1)} s after "ready"; most outbox rows waiting for the relay at once: ${fmt(progress.maxPending())}`,
    );

    say(`B: ${perTicketB}`);

    // Phase C
    const cpu1 = cpuSeconds(intake.child.pid);
    const snapC = cpuSnapshot(intake.child.pid);
    const c0 = Date.now();
    const { sentAt, offered } = await offerAtRate(producer, settings.rate, settings.seconds);
    await observer.until(sentAt.keys());
    const cpuC = cpuSeconds(intake.child.pid) - cpu1;
    const latencies = [...sentAt].map(([id, t]) => observer.accepted.get(id)! - t).sort((a, b) => a - b);
    const [p50, p95, p99, max] = [percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99), latencies[latencies.length - 1]!];
    say(`C: offered ${fmt(sentAt.size)} tickets at ${fmt(offered)}/s; added latency p50 ${p50} ms, p95 ${p95} ms, p99 ${p99} ms, max ${max} ms; intake CPU ${fmt((cpuC / ((Date.now() - c0) / 1000)) * 100)} % of one core`);
    say(`C: ${cpuPerTicket(snapC, cpuSnapshot(intake.child.pid), sentAt.size)}`);
    if (observer.rejected > 0) say(`note: intake rejected ${observer.rejected} bench tickets (regions ${settings.regions.join(',')}?)`);

    rows.push(
      ['raw kafkajs consume (A)', `${fmt(raw.rate)} msgs/s`, '', ''],
      ['intake, backlog (B)', `${fmt(intakeRate)} tickets/s`, `≥ ${fmt(TARGET_RATE)}/s`, intakeRate >= TARGET_RATE ? 'PASS' : 'FAIL'],
      ['intake / raw', `${fmt((intakeRate / raw.rate) * 100, 1)} %`, '', ''],
      [`added latency p50 / p95 (C, ${fmt(offered)}/s)`, `${p50} / ${p95} ms`, '', ''],
      [`added latency p99 (C, ${fmt(offered)}/s)`, `${p99} ms`, `≤ ${TARGET_P99_MS} ms at ≥ ${fmt(TARGET_RATE)}/s`, p99 <= TARGET_P99_MS && offered >= TARGET_RATE * 0.98 ? 'PASS' : 'FAIL'],
    );
  } finally {
    if (intake) await stopIntake(intake.child);
    await observer.stop().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
    await removeBenchInfra(benchInfra(), kafka).catch((e: unknown) => say(`clean-up failed: ${(e as Error).message}`));
  }
  const widths = [0, 1, 2, 3].map((c) => Math.max(...[['measure', 'result', 'target', ''], ...rows].map((r) => r[c]!.length)));
  const line = (r: string[]) => `| ${r.map((v, c) => v.padEnd(widths[c]!)).join(' | ')} |`;
  process.stdout.write(`\nintake benchmark, run ${runId} (${new Date().toISOString()}); broker, PostgreSQL, intake and this benchmark share one machine of ${cpus().length} cores\n`);
  process.stdout.write(`${line(['measure', 'result', 'target', ''])}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n${rows.map(line).join('\n')}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`[bench] failed: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
