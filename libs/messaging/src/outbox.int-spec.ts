import { randomUUID } from 'node:crypto';
import type { Kafka, Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { makeEvent, ticketRejectedExample, type Envelope } from '@switchboard/contracts';
import { createTestSchema, createTestTopic, testInfra, TopicCollector, waitFor } from '@switchboard/testing';
import { createKafka } from './kafka';
import { enqueueEvents, enqueueTracedEvents } from './outbox';
import { OutboxRelay } from './outbox-relay';

describe('transactional outbox (real PostgreSQL and Kafka)', () => {
  let kafka: Kafka;
  let producer: Producer;
  let db: { dataSource: DataSource; close: () => Promise<void> };
  let topic: string;
  let collector: TopicCollector;

  const event = (subject: string, n: number): Envelope =>
    makeEvent('ticket.rejected', { ...ticketRejectedExample, externalId: `${subject}-${n}` }, { source: 'test/outbox', subject, time: new Date() });

  beforeAll(async () => {
    kafka = createKafka({ brokers: testInfra().kafkaBrokers, clientId: 'outbox-test' });
    producer = kafka.producer({ allowAutoTopicCreation: false, maxInFlightRequests: 1 });
    await producer.connect();
    db = await createTestSchema('outbox');
  });

  beforeEach(async () => {
    topic = await createTestTopic(kafka, 'outbox');
    collector = await new TopicCollector(kafka, [topic]).start();
  });

  afterEach(() => collector.stop());

  afterAll(async () => {
    await producer.disconnect();
    await db.close();
  });

  const relay = (name = topic) => new OutboxRelay({ dataSource: db.dataSource, producer, name, batchSize: 7, idleDelayMs: 20 });

  it('publishes nothing from a rolled-back transaction, and exactly the events of a committed one', async () => {
    await expect(
      db.dataSource.transaction(async (m) => {
        await enqueueEvents(m, [{ envelope: event('rolled-back', 1), topic }]);
        throw new Error('business rule said no');
      }),
    ).rejects.toThrow('business rule said no');
    const committed = [event('committed', 1), event('committed', 2)];
    await db.dataSource.transaction((m) => enqueueEvents(m, committed.map((envelope) => ({ envelope, topic }))));

    const r = relay();
    r.start();
    await collector.waitForCount(2);
    await r.stop();
    // Give a wrongly published rolled-back event every chance to show up.
    await new Promise((res) => setTimeout(res, 500));
    expect(collector.json<Envelope>().map((e) => e.id).sort()).toEqual(committed.map((e) => e.id).sort());
    expect(collector.messages.every((m) => m.headers['event-type'] === 'ticket.rejected' && /^00-[0-9a-f]{32}-/.test(m.headers.traceparent ?? ''))).toBe(true);
  });

  it('publishes each event byte for byte, with its headers, when one statement writes many of different sizes and scripts', async () => {
    // The rows of one INSERT share a binary parameter cut apart by byte offsets: multi-byte text
    // and a long event next to short ones must each come out whole.
    const texts = ['短', '宽带每晚掉线 — ünïcode ✓', 'x'.repeat(5_000), '"quoted" \\ back\\slash', ''];
    const sent = texts.map((text, n) => ({
      ...event('bytes', n),
      data: { ...ticketRejectedExample, externalId: `bytes-${n}`, reasons: [{ path: 'summary', code: 'X', message: text || 'empty' }] },
      correlationId: `关联-${n}`,
    }));
    await db.dataSource.transaction((m) => enqueueEvents(m, sent.map((envelope) => ({ envelope, topic }))));
    const r = relay();
    r.start();
    await collector.waitForCount(sent.length);
    // The same again, handed to the relay in memory after the commit (as the consumer does): the
    // relay sends them without reading them back, and Kafka gets the same bytes and headers.
    await waitFor(() => Promise.resolve(r.isLeader || undefined), { message: 'the relay leads' });
    const again = sent.map((e) => ({ ...e, id: randomUUID() }));
    const written = await db.dataSource.transaction((m) => enqueueTracedEvents(m, again.map((envelope) => ({ event: { envelope, topic } }))));
    expect(written.map((w) => w.payload.toString())).toEqual(again.map((e) => JSON.stringify(e)));
    r.wake(written);
    await collector.waitForCount(2 * sent.length);
    await r.stop();
    expect(collector.json<Envelope>()).toEqual([...sent, ...again]);
    expect(collector.messages.map((m) => m.headers['correlation-id'])).toEqual([...sent, ...again].map((e) => e.correlationId));
  });

  it('keeps per-key order across a relay restarted in the middle, publishing each event once', async () => {
    const keys = ['T-1', 'T-2', 'T-3'];
    const perKey = 40;
    // Interleaved commits of three keys, as concurrent requests would produce them.
    for (let n = 0; n < perKey; n++) {
      await db.dataSource.transaction((m) => enqueueEvents(m, keys.map((k) => ({ envelope: event(k, n), topic }))));
    }
    const first = relay();
    first.start();
    await waitFor(() => collector.messages.length >= 20 || undefined, { message: 'first relay to publish some' });
    await first.stop({ flush: false });
    const publishedByFirst = collector.messages.length;
    expect(publishedByFirst).toBeLessThan(keys.length * perKey);

    const second = relay();
    second.start();
    await collector.waitForCount(keys.length * perKey);
    await second.stop();

    const received = collector.json<Envelope<string, { externalId: string }>>();
    expect(new Set(received.map((e) => e.id)).size).toBe(keys.length * perKey);
    for (const k of keys) {
      const order = received.filter((e) => e.subject === k).map((e) => Number(e.data.externalId.split('-').pop()));
      expect(order).toEqual([...Array(perKey).keys()]);
    }
  });

  it('lets only one relay per schema publish at a time', async () => {
    const a = relay('shared-leadership');
    const b = relay('shared-leadership');
    await a.publishOnce();
    await b.publishOnce();
    expect([a.isLeader, b.isLeader].sort()).toEqual([false, true]);
    await a.stop({ flush: false });
    await b.stop({ flush: false });
  });

  it('publishes rows committed out of sequence order (no last-id cursor)', async () => {
    // Transaction A takes a sequence number first but commits after B.
    const runnerA = db.dataSource.createQueryRunner();
    await runnerA.connect();
    await runnerA.startTransaction();
    const late = event('late', 1);
    await enqueueEvents(runnerA.manager, [{ envelope: late, topic }]);
    const early = event('early', 1);
    await db.dataSource.transaction((m) => enqueueEvents(m, [{ envelope: early, topic }]));
    const r = relay();
    r.start();
    await collector.waitForCount(1);
    await runnerA.commitTransaction();
    await runnerA.release();
    await collector.waitForCount(2);
    await r.stop();
    expect(collector.json<Envelope>().map((e) => e.id)).toEqual([early.id, late.id]);
  });

  it('refuses to enqueue the same event id twice', async () => {
    const e = event('dup', 1);
    await db.dataSource.transaction((m) => enqueueEvents(m, [{ envelope: e, topic }]));
    await expect(db.dataSource.transaction((m) => enqueueEvents(m, [{ envelope: { ...e }, topic }]))).rejects.toThrow(/duplicate key/);
  });
});
