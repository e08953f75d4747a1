import type { Producer } from 'kafkajs';
import type { DataSource, QueryRunner } from 'typeorm';
import { silentLogger, type MessagingLogger } from './kafka';
import type { WrittenOutboxRow } from './outbox';
import { physicalTopic } from './topic-names';

export interface OutboxRelayOptions {
  dataSource: DataSource;
  producer: Producer;
  /** Names the advisory lock: one active relay per schema keeps per-key order. */
  name: string;
  batchSize?: number;
  idleDelayMs?: number;
  errorDelayMs?: number;
  logger?: MessagingLogger;
  onPublished?: (count: number) => void;
}

interface OutboxRow {
  seq: string;
  topic: string;
  message_key: string;
  /** Null for a row handed over in memory. */
  payload: Buffer | null;
  headers: Record<string, string> | null;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Rows handed over in memory at most (about 1 KiB each); beyond that the relay reads them back. */
const MAX_REMEMBERED = 50_000;

/**
 * Publishes the outbox to Kafka in commit-independent order of `seq`, picking the lowest
 * unpublished rows (never a "last id seen" cursor, which skips rows that commit out of order).
 * Rows are locked `FOR UPDATE SKIP LOCKED` and deleted in the transaction that sends them, which
 * commits after Kafka acknowledged (ADR 0020); a session advisory lock makes one relay per schema
 * the leader, so two relays never interleave one key's events. Delivery is at-least-once: a crash
 * between send and commit re-sends, and consumers dedupe by event id.
 */
export class OutboxRelay {
  private runner?: QueryRunner;
  private running = false;
  private loop?: Promise<void>;
  private leader = false;
  private readonly log: MessagingLogger;
  /**
   * Rows committed by this process, by seq, handed over by wake(): sent without reading their
   * payload back from the database. Only a shortcut — a row missing here is read from the table —
   * so entries may be dropped at any time (they are, once a pass has gone past them).
   */
  private readonly written = new Map<string, WrittenOutboxRow>();
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
  wake(rows: readonly WrittenOutboxRow[] = []): void {
    if (this.leader && this.written.size + rows.length <= MAX_REMEMBERED) for (const row of rows) this.written.set(row.seq, row);
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
      // Claimed and removed in one statement; the send below happens before the commit, so a
      // failed send rolls the removal back and the rows are sent again (at-least-once). The
      // payload and headers come back only for rows this process did not hand over in memory.
      const remembered = this.rememberedCandidates(batchSize);
      const [claimed] = (await runner.query(
        `DELETE FROM outbox
          WHERE seq IN (SELECT seq FROM outbox WHERE published_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED)
          RETURNING seq, topic, message_key,
                    CASE WHEN seq = ANY($2::bigint[]) THEN NULL ELSE payload END AS payload,
                    CASE WHEN seq = ANY($2::bigint[]) THEN NULL ELSE headers END AS headers`,
        [batchSize, remembered],
      )) as [OutboxRow[], number];
      if (claimed.length === 0) {
        await runner.commitTransaction();
        // Whatever was handed over before this pass was published already (or is read back if not).
        this.written.clear();
        return 0;
      }
      const rows = this.inOrder(claimed);
      const byTopic = new Map<string, WrittenOutboxRow[]>();
      for (const row of rows) {
        const list = byTopic.get(row.topic) ?? [];
        list.push(row);
        byTopic.set(row.topic, list);
      }
      await this.opts.producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, list]) => ({
          topic: physicalTopic(topic),
          messages: list.map((r) => ({ key: r.key, value: r.payload, headers: r.headers })),
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

  /**
   * The lowest seqs handed over in memory, as many as a pass can claim (the relay claims the
   * lowest unpublished seqs, so higher ones cannot be in this pass; missing ones are read back).
   */
  private rememberedCandidates(batchSize: number): string[] {
    const seqs: string[] = [];
    // A Map iterates in insertion order, which is nearly seq order (commit order).
    for (const seq of this.written.keys()) {
      seqs.push(seq);
      if (seqs.length >= batchSize) break;
    }
    return seqs;
  }

  /** The claimed rows in seq order (RETURNING keeps none; per-key order is seq order), from memory where handed over. */
  private inOrder(claimed: OutboxRow[]): WrittenOutboxRow[] {
    const rows = claimed
      .map((r) => {
        const seq = String(r.seq);
        if (r.payload !== null) return { seq, topic: r.topic, key: r.message_key, payload: r.payload, headers: r.headers! };
        const row = this.written.get(seq);
        // Only this loop removes entries, after using them: a gap here is a bug, and the pass rolls back.
        if (!row) throw new Error(`outbox row ${seq} was handed over in memory but is gone`);
        return row;
      })
      .sort((a, b) => Number(a.seq) - Number(b.seq));
    // Entries up to the last claimed seq are published now, or were committed after this pass
    // looked and will be read back: dropped either way.
    const last = Number(rows[rows.length - 1]!.seq);
    for (const seq of this.written.keys()) if (Number(seq) <= last) this.written.delete(seq);
    return rows;
  }

  private async run(): Promise<void> {
    const idle = this.opts.idleDelayMs ?? 50;
    const onError = this.opts.errorDelayMs ?? 1_000;
    const batchSize = this.opts.batchSize ?? 1_000;
    while (this.running) {
      try {
        const n = await this.publishOnce();
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
    this.written.clear();
    const runner = this.runner;
    this.runner = undefined;
    this.leader = false;
    if (runner && !runner.isReleased) {
      // Releasing the connection ends the session and with it the advisory lock.
      await runner.query('SELECT pg_advisory_unlock_all()').catch(() => undefined);
      await runner.release().catch(() => undefined);
    }
  }
}
