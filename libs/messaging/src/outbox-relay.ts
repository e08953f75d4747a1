import type { Producer } from 'kafkajs';
import type { DataSource, QueryRunner } from 'typeorm';
import { silentLogger, type MessagingLogger } from './kafka';
import { physicalTopic } from './topic-names';

export interface OutboxRelayOptions {
  dataSource: DataSource;
  producer: Producer;
  /** Names the advisory lock: one active relay per schema keeps per-key order. */
  name: string;
  batchSize?: number;
  idleDelayMs?: number;
  errorDelayMs?: number;
  /** Published rows older than this are deleted. */
  retentionMs?: number;
  logger?: MessagingLogger;
  onPublished?: (count: number) => void;
}

interface OutboxRow {
  seq: string;
  topic: string;
  message_key: string;
  payload: Buffer;
  headers: Record<string, string>;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Publishes the outbox to Kafka in commit-independent order of `seq`, picking rows with
 * `published_at IS NULL` (never a "last id seen" cursor, which skips rows that commit out of
 * order). Rows are locked `FOR UPDATE SKIP LOCKED` while sent; a session advisory lock makes one
 * relay per schema the leader, so two relays never interleave one key's events. Delivery is
 * at-least-once: a crash between send and commit re-sends, and consumers dedupe by event id.
 */
export class OutboxRelay {
  private runner?: QueryRunner;
  private running = false;
  private loop?: Promise<void>;
  private leader = false;
  private lastCleanup = 0;
  private readonly log: MessagingLogger;
  /** Set by wake(): rows were committed since the current pass began. */
  private woken = false;
  private wakeUp?: () => void;

  constructor(private readonly opts: OutboxRelayOptions) {
    this.log = opts.logger ?? silentLogger;
  }

  get isLeader(): boolean {
    return this.leader;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /**
   * Rows were just committed to the outbox (in this process): publish now instead of after the
   * idle delay. Polling stays the fallback, for rows written by other processes or replicas.
   */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /** Stops polling; with `flush`, first publishes whatever is pending (graceful shutdown). */
  async stop({ flush = true, timeoutMs = 5_000 } = {}): Promise<void> {
    this.running = false;
    this.wakeUp?.();
    await this.loop;
    this.loop = undefined;
    if (flush && this.leader) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline && (await this.publishOnce()) > 0) {
        /* drain */
      }
    }
    await this.release();
  }

  /** One pass: publishes up to one batch; returns how many rows it published. */
  async publishOnce(): Promise<number> {
    const runner = await this.acquire();
    if (!runner) return 0;
    const batchSize = this.opts.batchSize ?? 1_000;
    await runner.startTransaction();
    try {
      // Claimed and marked in one statement; the send below happens before the commit, so a
      // failed send rolls the mark back and the rows are sent again (at-least-once).
      const [marked] = (await runner.query(
        `UPDATE outbox SET published_at = now()
          WHERE seq IN (SELECT seq FROM outbox WHERE published_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED)
          RETURNING seq, topic, message_key, payload, headers`,
        [batchSize],
      )) as [OutboxRow[], number];
      // RETURNING keeps no order: publish in seq order (per-key order is the order of commit).
      const rows = marked.sort((a, b) => Number(a.seq) - Number(b.seq));
      if (rows.length === 0) {
        await runner.commitTransaction();
        return 0;
      }
      const byTopic = new Map<string, OutboxRow[]>();
      for (const row of rows) {
        const list = byTopic.get(row.topic) ?? [];
        list.push(row);
        byTopic.set(row.topic, list);
      }
      await this.opts.producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, list]) => ({
          topic: physicalTopic(topic),
          messages: list.map((r) => ({ key: r.message_key, value: r.payload, headers: r.headers })),
        })),
      });
      await runner.commitTransaction();
      this.opts.onPublished?.(rows.length);
      return rows.length;
    } catch (e) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw e;
    }
  }

  private async run(): Promise<void> {
    const idle = this.opts.idleDelayMs ?? 50;
    const onError = this.opts.errorDelayMs ?? 1_000;
    const batchSize = this.opts.batchSize ?? 1_000;
    while (this.running) {
      try {
        const n = await this.publishOnce();
        await this.cleanup();
        if (n < batchSize) await this.pause(this.leader ? idle : onError);
      } catch (e) {
        this.log.warn({ err: e as Error, relay: this.opts.name }, 'outbox relay pass failed; retrying');
        await this.release();
        await sleep(onError);
      }
    }
  }

  /** Sleeps up to `ms`, or less when woken; not at all when woken during the pass just made. */
  private pause(ms: number): Promise<void> {
    if (this.woken && this.leader) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        this.woken = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      if (this.leader && this.running) this.wakeUp = done;
    });
  }

  private async acquire(): Promise<QueryRunner | undefined> {
    if (!this.runner || this.runner.isReleased) {
      this.leader = false;
      this.runner = this.opts.dataSource.createQueryRunner();
      await this.runner.connect();
    }
    if (!this.leader) {
      const [row] = (await this.runner.query('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [`outbox-relay:${this.opts.name}`])) as { ok: boolean }[];
      this.leader = row?.ok === true;
      if (this.leader) this.log.info({ relay: this.opts.name }, 'outbox relay is the leader');
    }
    return this.leader ? this.runner : undefined;
  }

  private async release(): Promise<void> {
    const runner = this.runner;
    this.runner = undefined;
    this.leader = false;
    if (runner && !runner.isReleased) {
      // Releasing the connection ends the session and with it the advisory lock.
      await runner.query('SELECT pg_advisory_unlock_all()').catch(() => undefined);
      await runner.release().catch(() => undefined);
    }
  }

  private async cleanup(): Promise<void> {
    const retention = this.opts.retentionMs ?? 3_600_000;
    if (!this.leader || !this.runner || Date.now() - this.lastCleanup < 60_000) return;
    this.lastCleanup = Date.now();
    await this.runner.query(`DELETE FROM outbox WHERE published_at < now() - ($1::bigint * interval '1 millisecond')`, [retention]);
  }
}
