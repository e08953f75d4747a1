import type { Kafka, Producer } from 'kafkajs';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { makeEvent, ticketRejectedExample, type DecodedEvent, type Envelope } from '@switchboard/contracts';
import { createTestSchema, createTestTopic, testInfra, TopicCollector, waitFor } from '@switchboard/testing';
import { EventConsumer, type BatchEventHandler, type EventHandler } from './event-consumer';
import { createKafka } from './kafka';
import { OutboxRelay } from './outbox-relay';
import { physicalTopic } from './topic-names';

class EffectsTable1764000000001 implements MigrationInterface {
  name = 'EffectsTable1764000000001';
  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE effects (subject text PRIMARY KEY, applied integer NOT NULL)');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE effects');
  }
}

describe('event consumer: inbox, batches and dead letters (real Kafka and PostgreSQL)', () => {
  let kafka: Kafka;
  let producer: Producer;
  let db: { dataSource: DataSource; close: () => Promise<void> };

  beforeAll(async () => {
    kafka = createKafka({ brokers: testInfra().kafkaBrokers, clientId: 'consumer-test' });
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    db = await createTestSchema('consumer', [EffectsTable1764000000001]);
  });

  afterAll(async () => {
    await producer.disconnect();
    await db.close();
  });

  const countEffect: EventHandler = async (event, ctx) => {
    await ctx.manager.query(
      'INSERT INTO effects (subject, applied) VALUES ($1, 1) ON CONFLICT (subject) DO UPDATE SET applied = effects.applied + 1',
      [event.subject],
    );
  };

  const applied = async (subject: string): Promise<number | undefined> => {
    const rows = (await db.dataSource.query('SELECT applied FROM effects WHERE subject = $1', [subject])) as { applied: number }[];
    return rows[0]?.applied;
  };

  const consumerFor = (topic: string, handler: EventHandler, extra: Partial<ConstructorParameters<typeof EventConsumer>[0]> = {}) =>
    new EventConsumer({
      kafka,
      dataSource: db.dataSource,
      groupId: `group-${topic}`,
      topics: [topic],
      resolveHandler: (type) => (type === 'ticket.rejected' ? handler : undefined),
      retryBaseMs: 20,
      ...extra,
    });

  const event = (subject: string): Envelope =>
    makeEvent('ticket.rejected', { ...ticketRejectedExample }, { source: 'test/consumer', subject, time: new Date() });

  it('applies an event delivered three times exactly once', async () => {
    const topic = await createTestTopic(kafka, 'inbox');
    const e = event('T-inbox');
    const bytes = JSON.stringify(e);
    await producer.send({ topic: physicalTopic(topic), messages: [{ key: e.subject, value: bytes }, { key: e.subject, value: bytes }, { key: e.subject, value: bytes }] });
    const marker = event('T-inbox-marker');
    await producer.send({ topic: physicalTopic(topic), messages: [{ key: e.subject, value: JSON.stringify(marker) }] });
    const consumer = consumerFor(topic, countEffect);
    await consumer.start();
    try {
      await waitFor(() => applied('T-inbox-marker'), { message: 'the marker event to be applied' });
      expect(await applied('T-inbox')).toBe(1);
      const inbox = (await db.dataSource.query('SELECT count(*)::int AS n FROM inbox WHERE event_id = $1', [e.id])) as { n: number }[];
      expect(inbox[0]!.n).toBe(1);
    } finally {
      await consumer.stop();
    }
  });

  it('dead-letters a poison message with its reason and original bytes, then processes the next one on the partition', async () => {
    const topic = await createTestTopic(kafka, 'poison', 1);
    const dlq = new TopicCollector(kafka, [`${topic}.dlq`]);
    await dlq.start();
    const poison = Buffer.from('{"id": "not-a-uuid", "type": "ticket.rejected", "data": {}');
    const badData = { ...event('T-bad-data'), data: { reasons: [] } };
    const good = event('T-after-poison');
    await producer.send({
      topic: physicalTopic(topic),
      messages: [
        { key: 'k', value: poison },
        { key: 'k', value: JSON.stringify(badData) },
        { key: 'k', value: JSON.stringify(good) },
      ],
    });
    const invalidSeen: string[] = [];
    const consumer = consumerFor(topic, countEffect, {
      onInvalid: (_raw, reasons) => {
        invalidSeen.push(reasons.map((r) => r.code).join(','));
        return Promise.resolve();
      },
    });
    await consumer.start();
    try {
      await waitFor(() => applied('T-after-poison'), { message: 'the valid event after the poison ones' });
      const dead = await dlq.waitForCount(2);
      expect(dead[0]!.value).toEqual(poison);
      expect(dead[0]!.headers['dlq-reason']).toMatch(/^invalid: \(root\): malformed JSON/);
      expect(dead[0]!.headers['dlq-source-topic']).toBe(physicalTopic(topic));
      expect(dead[0]!.headers['dlq-source-offset']).toBe('0');
      expect(dead[1]!.headers['dlq-reason']).toMatch(/data\.reasons: .*(at least|>=)/i);
      expect(invalidSeen).toHaveLength(2);
    } finally {
      await consumer.stop();
      await dlq.stop();
    }
  });

  it('retries a failing handler, then dead-letters it with the error and moves on', async () => {
    const topic = await createTestTopic(kafka, 'failing', 1);
    const dlq = new TopicCollector(kafka, [`${topic}.dlq`]);
    await dlq.start();
    let attempts = 0;
    const handler: EventHandler = async (e: DecodedEvent, ctx) => {
      if (e.subject === 'T-always-fails') {
        attempts++;
        const err = new Error('ticket is archived') as Error & { code: string };
        err.code = 'TICKET.ALREADY_CLOSED';
        throw err;
      }
      await countEffect(e, ctx);
    };
    await producer.send({ topic: physicalTopic(topic), messages: [{ value: JSON.stringify(event('T-always-fails')) }, { value: JSON.stringify(event('T-fine')) }] });
    const consumer = consumerFor(topic, handler, { maxAttempts: 3 });
    await consumer.start();
    try {
      await waitFor(() => applied('T-fine'), { message: 'the event after the failing one' });
      const [dead] = await dlq.waitForCount(1);
      expect(dead!.headers['dlq-reason']).toBe('handler-failed: TICKET.ALREADY_CLOSED: ticket is archived');
      // Once in the batch transaction, then three single attempts.
      expect(attempts).toBe(4);
      expect(await applied('T-always-fails')).toBeUndefined();
    } finally {
      await consumer.stop();
      await dlq.stop();
    }
  });

  it('runs after-commit callbacks only for committed effects', async () => {
    const topic = await createTestTopic(kafka, 'after-commit', 1);
    const notified: string[] = [];
    const handler: EventHandler = async (e, ctx) => {
      ctx.afterCommit(() => notified.push(e.subject));
      if (e.subject === 'T-rolls-back') throw Object.assign(new Error('refused'), { code: 'TEST.REFUSED' });
      await countEffect(e, ctx);
    };
    await producer.send({ topic: physicalTopic(topic), messages: ['T-rolls-back', 'T-commits'].map((s) => ({ value: JSON.stringify(event(s)) })) });
    const consumer = consumerFor(topic, handler, { maxAttempts: 2 });
    await consumer.start();
    try {
      await waitFor(() => applied('T-commits'), { message: 'the committed event' });
      await waitFor(() => notified.includes('T-commits'), { message: 'its after-commit callback' });
      expect(notified).toEqual(['T-commits']);
    } finally {
      await consumer.stop();
    }
  });

  it('carries the W3C trace and the correlation id from a consumed event to the events it causes', async () => {
    const topic = await createTestTopic(kafka, 'trace', 1);
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const incoming = { ...event('T-traced'), correlationId: 'corr-42' };
    const handler: EventHandler = (e, ctx) => ctx.emit({ envelope: makeEvent('ticket.rejected', ticketRejectedExample, { source: 'test/consumer', subject: `${e.subject}-caused`, time: new Date() }), topic });
    await producer.send({ topic: physicalTopic(topic), messages: [{ value: JSON.stringify(incoming), headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` } }] });
    const consumer = consumerFor(topic, handler);
    await consumer.start();
    try {
      const row = await waitFor(
        async () => ((await db.dataSource.query('SELECT headers FROM outbox WHERE message_key = $1', ['T-traced-caused'])) as { headers: Record<string, string> }[])[0],
        { message: 'the caused event in the outbox' },
      );
      expect(row.headers.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
      expect(row.headers.traceparent).not.toContain('00f067aa0ba902b7');
      expect(row.headers['correlation-id']).toBe('corr-42');
      expect(row.headers['causation-id']).toBe(incoming.id);
    } finally {
      await consumer.stop();
    }
  });

  it('applies a healthy batch in one transaction and resumes from the committed offset after a restart', async () => {
    const topic = await createTestTopic(kafka, 'batch', 2);
    const subjects = Array.from({ length: 300 }, (_, i) => `T-batch-${i % 30}`);
    await producer.send({ topic: physicalTopic(topic), messages: subjects.map((s) => ({ key: s, value: JSON.stringify(event(s)) })) });
    const first = consumerFor(topic, countEffect, { chunkSize: 100 });
    await first.start();
    const total = async () => ((await db.dataSource.query("SELECT coalesce(sum(applied), 0)::int AS n FROM effects WHERE subject LIKE 'T-batch-%'")) as { n: number }[])[0]!.n;
    await waitFor(async () => (await total()) === 300 || undefined, { message: '300 effects' });
    await first.stop();

    const more = Array.from({ length: 30 }, (_, i) => `T-batch-${i}`);
    await producer.send({ topic: physicalTopic(topic), messages: more.map((s) => ({ key: s, value: JSON.stringify(event(s)) })) });
    const outcomes: string[] = [];
    const second = consumerFor(topic, countEffect, { metrics: { consumed: (_t, _type, outcome) => void outcomes.push(outcome), retried: () => undefined } });
    await second.start();
    try {
      await waitFor(async () => (await total()) === 330 || undefined, { message: '330 effects after restart' });
      // The restarted consumer resumed at the committed offset: it saw only the 30 new events.
      expect(outcomes).toEqual(Array(30).fill('applied'));
      expect(await total()).toBe(330);
    } finally {
      await second.stop();
    }
  });

  it('hands a run of one type to its batch handler in one call, and falls back to one by one when the run fails', async () => {
    const topic = await createTestTopic(kafka, 'batch-handler', 1);
    const calls: string[][] = [];
    const singles: string[] = [];
    const batch: BatchEventHandler = async (items) => {
      calls.push(items.map((i) => i.event.subject));
      for (const { event: e, ctx } of items) {
        if (e.subject === 'T-batch-poison') throw Object.assign(new Error('refused'), { code: 'TEST.REFUSED' });
        await countEffect(e, ctx);
      }
    };
    const single: EventHandler = async (e, ctx) => {
      singles.push(e.subject);
      if (e.subject === 'T-batch-poison') throw Object.assign(new Error('refused'), { code: 'TEST.REFUSED' });
      await countEffect(e, ctx);
    };
    const first = Array.from({ length: 20 }, (_, i) => `T-batch-a${i}`);
    await producer.send({ topic: physicalTopic(topic), messages: first.map((s) => ({ key: 'k', value: JSON.stringify(event(s)) })) });
    const consumer = consumerFor(topic, single, { resolveBatchHandler: (type) => (type === 'ticket.rejected' ? batch : undefined), maxAttempts: 1 });
    await consumer.start();
    const dlq = await new TopicCollector(kafka, [`${topic}.dlq`]).start();
    try {
      await waitFor(async () => (await applied('T-batch-a19')) === 1 || undefined, { message: 'the first run applied' });
      // One call for the whole run (one fetch, one transaction), in offset order; the single handler unused.
      expect(calls).toEqual([first]);
      expect(singles).toEqual([]);

      const second = ['T-batch-b0', 'T-batch-poison', 'T-batch-b1'];
      await producer.send({ topic: physicalTopic(topic), messages: second.map((s) => ({ key: 'k', value: JSON.stringify(event(s)) })) });
      await dlq.waitForCount(1);
      await waitFor(async () => (await applied('T-batch-b1')) === 1 || undefined, { message: 'the good events of the failed run applied' });
      // The failed run was retried one by one through the single handler: the good ones applied once, the poison dead-lettered.
      expect(singles).toEqual(['T-batch-b0', 'T-batch-poison', 'T-batch-b1']);
      expect(await applied('T-batch-b0')).toBe(1);
      expect(await applied('T-batch-poison')).toBeUndefined();
      expect(dlq.messages[0]!.headers['dlq-reason']).toContain('TEST.REFUSED');
    } finally {
      await consumer.stop();
      await dlq.stop();
    }
  });

  it("writes a run's emitted events in emit order, however many, and only for the run that commits", async () => {
    const topic = await createTestTopic(kafka, 'emit-order', 1);
    const out = await createTestTopic(kafka, 'emit-order-out', 1);
    // 250 events in one run, 5 caused events each: 1,250 outbox rows, more than one INSERT holds.
    const handler: EventHandler = async (e, ctx) => {
      const n = Number(e.subject.split('-').pop());
      for (let k = 0; k < 5; k++) {
        await ctx.emit({ envelope: makeEvent('ticket.rejected', ticketRejectedExample, { source: 'test/consumer', subject: 'T-order', time: new Date() }), topic: out, key: `${n * 5 + k}` });
      }
      // Emitted, then failed: none of its events may reach the outbox.
      if (n === 999) throw Object.assign(new Error('refused'), { code: 'TEST.REFUSED' });
    };
    const subjects = [...Array.from({ length: 250 }, (_, i) => `T-order-${i}`), 'T-order-999'];
    await producer.send({ topic: physicalTopic(topic), messages: subjects.map((s) => ({ key: 'one-key', value: JSON.stringify(event(s)) })) });
    const collector = await new TopicCollector(kafka, [out]).start();
    const dlq = await new TopicCollector(kafka, [`${topic}.dlq`]).start();
    const relay = new OutboxRelay({ dataSource: db.dataSource, producer, name: `order-${out}`, idleDelayMs: 20 });
    const consumer = consumerFor(topic, handler, { chunkSize: 250, maxAttempts: 1 });
    relay.start();
    await consumer.start();
    try {
      const got = await collector.waitForCount(1_250, out);
      expect(got.map((m) => Number(m.key))).toEqual(Array.from({ length: 1_250 }, (_, i) => i));
      await dlq.waitForCount(1);
      // The failed run's events never reached the outbox: nothing more is sent, nothing is left to send.
      await waitFor(async () => ((await db.dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE topic = $1`, [out])) as { n: number }[])[0]!.n === 0 || undefined, {
        message: 'the outbox drained',
      });
      await new Promise((r) => setTimeout(r, 300));
      expect(collector.messages.filter((m) => m.topic === out)).toHaveLength(1_250);
    } finally {
      await consumer.stop();
      await relay.stop();
      await collector.stop();
      await dlq.stop();
    }
  });

  it("wakes the relay when a handler's transaction commits, instead of waiting for its next poll", async () => {
    const topic = await createTestTopic(kafka, 'wake', 1);
    const out = await createTestTopic(kafka, 'wake-out', 1);
    const handler: EventHandler = (e, ctx) =>
      ctx.emit({ envelope: makeEvent('ticket.rejected', ticketRejectedExample, { source: 'test/consumer', subject: `${e.subject}-caused`, time: new Date() }), topic: out });
    const collector = await new TopicCollector(kafka, [out]).start();
    // Polls once at start, then not for ten minutes: only a wake-up publishes within the wait below.
    const relay = new OutboxRelay({ dataSource: db.dataSource, producer, name: `wake-${out}`, idleDelayMs: 600_000 });
    relay.start();
    await waitFor(() => relay.isLeader || undefined, { message: 'the relay to lead' });
    const consumer = consumerFor(topic, handler, { onOutboxWritten: () => relay.wake() });
    await consumer.start();
    try {
      await producer.send({ topic: physicalTopic(topic), messages: [{ value: JSON.stringify(event('T-wake')) }] });
      const [published] = await collector.waitForCount(1, out);
      expect(published!.key).toBe('T-wake-caused');
    } finally {
      await consumer.stop();
      await relay.stop();
      await collector.stop();
    }
  });
});
