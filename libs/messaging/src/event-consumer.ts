import type { Consumer, EachBatchPayload, IHeaders, Kafka, KafkaMessage, Producer } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import { decodeEvent, dlqOf, Headers, type DecodedEvent, type ValidationReason } from '@switchboard/contracts';
import { describeError, isTransientError } from './errors';
import { claimInbox, claimInboxBatch } from './inbox';
import { enqueueTracedEvents, type OutgoingEvent, type TracedEvent, type WrittenOutboxRow } from './outbox';
import { silentLogger, type MessagingLogger } from './kafka';
import { physicalTopic } from './topic-names';
import type { TraceContext } from './trace';

export interface MessageMeta {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  headers: Record<string, string>;
}

/** What a handler gets besides the event: the transaction, the outbox and the trace to carry on. */
export interface HandlerContext {
  readonly manager: EntityManager;
  readonly message: MessageMeta;
  readonly trace: TraceContext;
  /**
   * Enqueue events in this same transaction (the outbox); they inherit the trace. They are written
   * in one INSERT with the rest of the run's events just before the transaction commits.
   */
  emit(...events: OutgoingEvent[]): Promise<void>;
  /** Runs `fn` once the transaction has committed (e.g. to push to live subscribers); never on rollback. */
  afterCommit(fn: () => void): void;
}

export type EventHandler = (event: DecodedEvent, ctx: HandlerContext) => Promise<void>;

/** One event of a batch handed to a BatchEventHandler, with its own context (same transaction). */
export interface BatchItem {
  event: DecodedEvent;
  ctx: HandlerContext;
}

/**
 * Applies a run of events of one type in one call (set-based SQL instead of statements per event).
 * All items share one transaction; each item's context carries its own trace and outbox order.
 * Must have the same effects as calling the type's EventHandler on each item in order.
 */
export type BatchEventHandler = (items: BatchItem[]) => Promise<void>;

/** Called, in a transaction, for a message that fails validation, before it goes to the DLQ. */
export type InvalidMessageHandler = (
  raw: { value: Buffer | null; partial?: Partial<DecodedEvent> },
  reasons: ValidationReason[],
  ctx: HandlerContext,
) => Promise<void>;

export interface EventConsumerOptions {
  kafka: Kafka;
  dataSource: DataSource;
  /** Kafka consumer group, and the inbox's consumer name. */
  groupId: string;
  topics: string[];
  resolveHandler: (type: string) => EventHandler | undefined;
  /**
   * Optional batch form of a type's handler: a run of consecutive events of that type in one
   * transaction goes to it in one call. The EventHandler is still used when events are applied one
   * by one (after a failed run, for retries and the DLQ), so a type needs both.
   */
  resolveBatchHandler?: (type: string) => BatchEventHandler | undefined;
  onInvalid?: InvalidMessageHandler;
  /** Attempts for a permanent (non-transient) failure before the DLQ. */
  maxAttempts?: number;
  retryBaseMs?: number;
  /** Transient failures (database or broker away) retry with backoff up to this delay, without end. */
  maxTransientDelayMs?: number;
  fromBeginning?: boolean;
  /** Messages per transaction when a batch is healthy. */
  chunkSize?: number;
  partitionsConsumedConcurrently?: number;
  /**
   * Called after a transaction that wrote to the outbox has committed, with the rows it wrote
   * (e.g. to hand them to the relay: `relay.wake(rows)`).
   */
  onOutboxWritten?: (rows: WrittenOutboxRow[]) => void;
  logger?: MessagingLogger;
  metrics?: ConsumerMetrics;
}

export interface ConsumerMetrics {
  consumed(topic: string, type: string, outcome: 'applied' | 'duplicate' | 'skipped' | 'dead-lettered'): void;
  retried(topic: string): void;
}

type Step =
  | { kind: 'event'; message: KafkaMessage; event: DecodedEvent }
  | { kind: 'invalid'; message: KafkaMessage; reasons: ValidationReason[]; partial?: Partial<DecodedEvent> }
  | { kind: 'skip'; message: KafkaMessage; type: string };

/** One transaction's state: its manager, after-commit callbacks and the events to write to the outbox. */
interface Tx {
  manager: EntityManager;
  hooks: (() => void)[];
  outbox: TracedEvent[];
  /** False once the work is done and the outbox is being written: a later emit is refused. */
  open: boolean;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function headersOf(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    if (v === undefined) continue;
    const first = Array.isArray(v) ? v[0] : v;
    if (first !== undefined) out[k] = first.toString();
  }
  return out;
}

/**
 * A batch-aware, transactional, idempotent Kafka consumer:
 * - validates every message with the contracts (the same validation as HTTP);
 * - applies a run of valid events in one transaction, each guarded by the inbox;
 * - if that transaction fails, applies them one by one: a transient failure retries with backoff
 *   for as long as it takes; a permanent one retries `maxAttempts` times, then goes to
 *   `<topic>.dlq` with the reason and the original bytes, and the partition moves on;
 * - commits offsets only after effects are committed and dead letters are written.
 */
export class EventConsumer {
  private consumer?: Consumer;
  private dlqProducer?: Producer;
  private readonly log: MessagingLogger;
  private inFlight = 0;

  constructor(private readonly opts: EventConsumerOptions) {
    this.log = opts.logger ?? silentLogger;
  }

  async start(): Promise<void> {
    this.dlqProducer = this.opts.kafka.producer({ allowAutoTopicCreation: false, maxInFlightRequests: 1 });
    await this.dlqProducer.connect();
    this.consumer = this.opts.kafka.consumer({
      groupId: this.opts.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      maxWaitTimeInMs: 100,
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.opts.topics.map(physicalTopic), fromBeginning: this.opts.fromBeginning ?? true });
    await this.consumer.run({
      // Only resolved offsets are committed (eachBatchAutoResolve is off): after each run's
      // transaction, each dead letter, and at the end of the batch. kafkajs ignores
      // commitOffsetsIfNecessary() when autoCommit is off.
      autoCommit: true,
      autoCommitThreshold: 1,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.opts.partitionsConsumedConcurrently ?? 3,
      eachBatch: (payload) => this.onBatch(payload),
    });
  }

  /** Stops fetching, lets the batch in flight finish and commit, then leaves the group. */
  async stop(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = undefined;
    if (consumer) await consumer.disconnect();
    if (this.dlqProducer) await this.dlqProducer.disconnect();
    this.dlqProducer = undefined;
  }

  get busy(): boolean {
    return this.inFlight > 0;
  }

  // kafkajs hands these over as closures that do not use `this` (its docs destructure them too).
  // eslint-disable-next-line @typescript-eslint/unbound-method
  private async onBatch({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale }: EachBatchPayload): Promise<void> {
    this.inFlight++;
    try {
      const steps = batch.messages.map((m) => this.classify(m));
      const chunkSize = this.opts.chunkSize ?? 200;
      let i = 0;
      while (i < steps.length) {
        if (!isRunning() || isStale()) return;
        const step = steps[i]!;
        if (step.kind === 'event') {
          let j = i;
          while (j < steps.length && j - i < chunkSize && steps[j]!.kind === 'event') j++;
          const run = steps.slice(i, j) as Extract<Step, { kind: 'event' }>[];
          await this.applyRun(batch.topic, batch.partition, run, heartbeat);
          resolveOffset(run[run.length - 1]!.message.offset);
          i = j;
        } else if (step.kind === 'invalid') {
          await this.deadLetterInvalid(batch.topic, batch.partition, step, heartbeat);
          resolveOffset(step.message.offset);
          i++;
        } else {
          this.opts.metrics?.consumed(batch.topic, step.type, 'skipped');
          resolveOffset(step.message.offset);
          i++;
        }
        await heartbeat();
        await commitOffsetsIfNecessary();
      }
    } finally {
      this.inFlight--;
    }
  }

  private classify(message: KafkaMessage): Step {
    const decoded = decodeEvent(message.value);
    if (decoded.ok === true) {
      return this.opts.resolveHandler(decoded.event.type) ? { kind: 'event', message, event: decoded.event } : { kind: 'skip', message, type: decoded.event.type };
    }
    if (decoded.ok === 'unknown-type') return { kind: 'skip', message, type: decoded.envelope.type };
    return { kind: 'invalid', message, reasons: decoded.reasons, partial: decoded.partial as Partial<DecodedEvent> | undefined };
  }

  private meta(topic: string, partition: number, message: KafkaMessage): MessageMeta {
    return { topic, partition, offset: message.offset, key: message.key?.toString() ?? null, headers: headersOf(message.headers) };
  }

  /**
   * A transaction whose handlers may register after-commit callbacks and emit events: the events
   * are buffered and written to the outbox in one go at the end of the work, inside the transaction.
   */
  private async transact<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const hooks: (() => void)[] = [];
    const outbox: TracedEvent[] = [];
    let written: WrittenOutboxRow[] = [];
    const result = await this.opts.dataSource.transaction(async (manager) => {
      const tx: Tx = { manager, hooks, outbox, open: true };
      let r: T;
      try {
        r = await work(tx);
      } finally {
        tx.open = false;
      }
      written = await enqueueTracedEvents(manager, outbox);
      return r;
    });
    if (written.length > 0) this.opts.onOutboxWritten?.(written);
    for (const hook of hooks) {
      try {
        hook();
      } catch (e) {
        this.log.warn({ err: e as Error }, 'after-commit callback failed');
      }
    }
    return result;
  }

  private context(tx: Tx, meta: MessageMeta, event?: DecodedEvent): HandlerContext {
    const { manager, hooks, outbox } = tx;
    const trace: TraceContext = {
      traceparent: meta.headers[Headers.TraceParent] ?? '',
      correlationId: event?.correlationId ?? meta.headers[Headers.CorrelationId] ?? event?.id,
      causationId: event?.id,
    };
    const emit = (...events: OutgoingEvent[]) => {
      // An event emitted once the handler has returned (say, from an after-commit callback) would be lost.
      if (!tx.open) return Promise.reject(new Error(`emit after the handler's transaction ended: ${events.map((e) => e.envelope.type).join(', ')}`));
      for (const event of events) outbox.push({ event, trace });
      return Promise.resolve();
    };
    return { manager, message: meta, trace, emit, afterCommit: (fn) => void hooks.push(fn) };
  }

  private async applyRun(topic: string, partition: number, run: Extract<Step, { kind: 'event' }>[], heartbeat: () => Promise<void>): Promise<void> {
    if (run.length > 1) {
      try {
        const outcomes = await this.transact(async (tx) => {
          // One inbox statement for the run; an id seen twice in the run is applied once.
          const claimed = await claimInboxBatch(tx.manager, this.opts.groupId, run.map((s) => s.event.id), topic);
          const results: ('applied' | 'duplicate')[] = run.map((step) => (claimed.delete(step.event.id) ? 'applied' : 'duplicate'));
          const toApply = run.filter((_, k) => results[k] === 'applied');
          let i = 0;
          while (i < toApply.length) {
            const type = toApply[i]!.event.type;
            const batchHandler = this.opts.resolveBatchHandler?.(type);
            if (batchHandler) {
              // Consecutive events of one type with a batch form: one call for all of them.
              let j = i;
              while (j < toApply.length && toApply[j]!.event.type === type) j++;
              await batchHandler(toApply.slice(i, j).map((step) => ({ event: step.event, ctx: this.context(tx, this.meta(topic, partition, step.message), step.event) })));
              i = j;
            } else {
              await this.handle(tx, topic, partition, toApply[i]!);
              i++;
            }
            // kafkajs sends a heartbeat only when its interval has passed: cheap to call often.
            await heartbeat();
          }
          return results;
        });
        outcomes.forEach((o, k) => this.opts.metrics?.consumed(topic, run[k]!.event.type, o));
        return;
      } catch (e) {
        this.log.warn({ err: e as Error, topic, partition, size: run.length }, 'batch transaction failed; applying one by one');
      }
    }
    for (const step of run) {
      await this.applyWithRetry(topic, partition, step, heartbeat);
    }
  }

  private async applyOne(tx: Tx, topic: string, partition: number, step: Extract<Step, { kind: 'event' }>): Promise<'applied' | 'duplicate'> {
    if (!(await claimInbox(tx.manager, this.opts.groupId, step.event.id, topic))) return 'duplicate';
    return this.handle(tx, topic, partition, step);
  }

  /** Runs the event's handler; its inbox claim is already made in this transaction. */
  private async handle(tx: Tx, topic: string, partition: number, step: Extract<Step, { kind: 'event' }>): Promise<'applied'> {
    const handler = this.opts.resolveHandler(step.event.type)!;
    await handler(step.event, this.context(tx, this.meta(topic, partition, step.message), step.event));
    return 'applied';
  }

  private async applyWithRetry(topic: string, partition: number, step: Extract<Step, { kind: 'event' }>, heartbeat: () => Promise<void>): Promise<void> {
    const maxAttempts = this.opts.maxAttempts ?? 3;
    const base = this.opts.retryBaseMs ?? 200;
    const maxTransient = this.opts.maxTransientDelayMs ?? 10_000;
    let permanentFailures = 0;
    let transientFailures = 0;
    for (;;) {
      try {
        const outcome = await this.transact((tx) => this.applyOne(tx, topic, partition, step));
        this.opts.metrics?.consumed(topic, step.event.type, outcome);
        return;
      } catch (e) {
        this.opts.metrics?.retried(topic);
        if (isTransientError(e)) {
          transientFailures++;
          const delay = Math.min(maxTransient, base * 2 ** Math.min(transientFailures, 10));
          this.log.warn({ err: e as Error, topic, partition, offset: step.message.offset, delay }, 'transient failure; retrying');
          await sleep(delay);
          await heartbeat();
          continue;
        }
        permanentFailures++;
        if (permanentFailures >= maxAttempts) {
          await this.deadLetter(topic, partition, step.message, `handler-failed: ${describeError(e)}`);
          this.opts.metrics?.consumed(topic, step.event.type, 'dead-lettered');
          return;
        }
        await sleep(base * 2 ** (permanentFailures - 1));
        await heartbeat();
      }
    }
  }

  private async deadLetterInvalid(topic: string, partition: number, step: Extract<Step, { kind: 'invalid' }>, heartbeat: () => Promise<void>): Promise<void> {
    const reason = `invalid: ${step.reasons.map((r) => `${r.path}: ${r.message}`).join('; ')}`.slice(0, 4000);
    const onInvalid = this.opts.onInvalid;
    if (onInvalid) {
      // The rejection (e.g. `ticket.rejected` to the sender) commits before the dead letter is written.
      for (let attempt = 1; ; attempt++) {
        try {
          await this.transact((tx) => onInvalid({ value: step.message.value, partial: step.partial }, step.reasons, this.context(tx, this.meta(topic, partition, step.message))));
          break;
        } catch (e) {
          if (!isTransientError(e) && attempt >= (this.opts.maxAttempts ?? 3)) {
            this.log.error({ err: e as Error, topic, partition }, 'invalid-message hook failed; dead-lettering anyway');
            break;
          }
          await sleep(Math.min(this.opts.maxTransientDelayMs ?? 10_000, (this.opts.retryBaseMs ?? 200) * 2 ** Math.min(attempt, 10)));
          await heartbeat();
        }
      }
    }
    await this.deadLetter(topic, partition, step.message, reason);
    this.opts.metrics?.consumed(topic, step.partial?.type ?? 'unknown', 'dead-lettered');
  }

  private async deadLetter(topic: string, partition: number, message: KafkaMessage, reason: string): Promise<void> {
    this.log.warn({ topic, partition, offset: message.offset, reason }, 'message dead-lettered');
    const producer = this.dlqProducer;
    if (!producer) throw new Error('consumer stopped while dead-lettering');
    await producer.send({
      topic: dlqOf(topic),
      acks: -1,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: {
            ...headersOf(message.headers),
            [Headers.DlqReason]: reason,
            [Headers.DlqSourceTopic]: topic,
            [Headers.DlqSourcePartition]: String(partition),
            [Headers.DlqSourceOffset]: message.offset,
            [Headers.DlqConsumer]: this.opts.groupId,
          },
        },
      ],
    });
  }
}
