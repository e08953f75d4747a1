import { randomUUID } from 'node:crypto';
import type { Kafka, Message, Producer } from 'kafkajs';
import { Client } from 'pg';
import {
  makeEvent,
  ticketIdFor,
  ticketReceivedExample,
  Topics,
  type Envelope,
  type TicketAccepted,
  type TicketReceived,
  type TicketRejected,
  type TicketRepeatFaultDetected,
  type TicketTriaged,
} from '@switchboard/contracts';
import { createKafka, physicalTopic } from '@switchboard/messaging';
import { testInfra, TopicCollector, waitFor } from '@switchboard/testing';
import { startService, type RunningService } from './support/service-process';

const INBOUND_DLQ = `${Topics.TicketsInbound}.dlq`;

/**
 * Intake on the real broker and database: `ticket.received` on `tickets.inbound.v1` becomes one
 * ticket per (source, externalId) and a `ticket.accepted`; invalid ingress gets `ticket.rejected`
 * and the DLQ, and the partition goes on.
 */
describe('intake (Kafka ingress → tickets.lifecycle.v1)', () => {
  let intake: RunningService;
  let kafka: Kafka;
  let producer: Producer;
  let collector: TopicCollector;
  let db: Client;
  // This file's own calling system: every ticket id below is derived from it.
  const source = `e2e/intake-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    kafka = createKafka({ brokers: testInfra().kafkaBrokers, clientId: 'intake-e2e' });
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    collector = await new TopicCollector(kafka, [Topics.TicketsLifecycle, INBOUND_DLQ]).start();
    db = new Client({ connectionString: testInfra().databaseUrl });
    await db.connect();
    intake = await startService('intake', 18110);
  });

  afterAll(async () => {
    await intake?.stop('SIGTERM');
    await collector?.stop();
    await producer?.disconnect();
    await db?.end();
  });

  function received(over: Partial<TicketReceived> = {}, from = source): Envelope<'ticket.received', TicketReceived> {
    const data: TicketReceived = { ...ticketReceivedExample, externalId: `E2E-${randomUUID()}`, ...over };
    return makeEvent('ticket.received', data, { source: from, subject: data.externalId, time: new Date() });
  }

  /** All on one partition, in this order: what follows an event is applied after it. */
  async function produce(...messages: (Envelope | Message)[]): Promise<void> {
    await producer.send({
      topic: physicalTopic(Topics.TicketsInbound),
      messages: messages.map((m) => ('value' in m ? { partition: 0, ...m } : { partition: 0, key: m.subject, value: JSON.stringify(m) })),
    });
  }

  const lifecycle = <T>(type: string, match: (e: Envelope<string, T>) => boolean) =>
    collector.json<Envelope<string, T>>(Topics.TicketsLifecycle).filter((e) => e.type === type && match(e));

  const acceptedOf = (ticketId: string) => lifecycle<TicketAccepted>('ticket.accepted', (e) => e.subject === ticketId);

  async function waitAccepted(ticketId: string): Promise<Envelope<string, TicketAccepted>> {
    const [event] = await waitFor(() => (acceptedOf(ticketId).length > 0 ? acceptedOf(ticketId) : undefined), {
      timeoutMs: 30_000,
      message: `ticket.accepted for ${ticketId}`,
    });
    return event!;
  }

  async function waitLifecycle<T>(type: string, ticketId: string): Promise<Envelope<string, T>> {
    const [event] = await waitFor(() => {
      const found = lifecycle<T>(type, (e) => e.subject === ticketId);
      return found.length > 0 ? found : undefined;
    }, { timeoutMs: 30_000, message: `${type} for ${ticketId}` });
    return event!;
  }

  async function waitRejected(match: (e: Envelope<string, TicketRejected>) => boolean, what: string): Promise<Envelope<string, TicketRejected>> {
    const [event] = await waitFor(() => {
      const found = lifecycle<TicketRejected>('ticket.rejected', match);
      return found.length > 0 ? found : undefined;
    }, { timeoutMs: 30_000, message: `ticket.rejected for ${what}` });
    return event!;
  }

  async function waitDeadLetter(marker: string) {
    return waitFor(() => collector.messages.find((m) => m.topic === INBOUND_DLQ && (m.value?.toString() ?? '').includes(marker)), {
      timeoutMs: 30_000,
      message: `a dead letter on ${INBOUND_DLQ} containing ${marker}`,
    });
  }

  it('accepts a ticket under the id derived from (source, externalId), with its contact and first-contact owner', async () => {
    const byAgent = received({ receivedBy: 'agent/hz-01/0042' });
    // No agent named (undefined is left out of the JSON).
    const withoutAgent: TicketReceived = { ...received().data, receivedBy: undefined };
    const byChannel = makeEvent('ticket.received', withoutAgent, { source, subject: withoutAgent.externalId, time: new Date(), correlationId: `corr-${randomUUID()}` });
    await produce(byAgent, byChannel);

    const idByAgent = ticketIdFor(source, byAgent.data.externalId);
    const idByChannel = ticketIdFor(source, byChannel.data.externalId);
    const a = await waitAccepted(idByAgent);
    const b = await waitAccepted(idByChannel);

    expect(a.source).toBe('switchboard/intake');
    expect(a.data).toMatchObject({
      ticketId: idByAgent,
      source,
      externalId: byAgent.data.externalId,
      kind: 'repair',
      service: 'broadband',
      customerId: ticketReceivedExample.customer.id,
      contact: { name: ticketReceivedExample.customer.name, phone: ticketReceivedExample.customer.phone },
      location: ticketReceivedExample.location,
      reportedAt: ticketReceivedExample.reportedAt,
      owner: 'agent/hz-01/0042',
    });
    expect(Date.parse(a.data.acceptedAt)).toBeGreaterThan(Date.parse(byAgent.time) - 60_000);
    expect(a.causationId).toBe(byAgent.id);
    expect(a.correlationId).toBe(byAgent.id);
    // No agent named: the channel system owns the follow-up (首问负责制).
    expect(b.data.owner).toBe(source);
    expect(b.correlationId).toBe(byChannel.correlationId);
    expect(b.causationId).toBe(byChannel.id);

    const rows = await db.query<{ state: string; owner: string; customer_phone: string; resubmissions: number }>(
      'SELECT state, owner, customer_phone, resubmissions FROM intake.tickets WHERE ticket_id = $1',
      [idByAgent],
    );
    expect(rows.rows).toEqual([{ state: 'accepted', owner: 'agent/hz-01/0042', customer_phone: ticketReceivedExample.customer.phone, resubmissions: 0 }]);
  });

  it('treats a resubmitted externalId as the same ticket: counted, no second ticket.accepted', async () => {
    const first = received();
    const ticketId = ticketIdFor(source, first.data.externalId);
    await produce(first);
    await waitAccepted(ticketId);

    // The same ticket again (a new event, different text), then a sentinel behind it on the partition.
    const again = received({ externalId: first.data.externalId, summary: 'Still broken, calling again' });
    const sentinel = received();
    await produce(again, sentinel);
    await waitAccepted(ticketIdFor(source, sentinel.data.externalId));

    expect(acceptedOf(ticketId)).toHaveLength(1);
    const rows = await db.query<{ ticket_id: string; summary: string; resubmissions: number; last_resubmission_event_id: string }>(
      'SELECT ticket_id, summary, resubmissions, last_resubmission_event_id FROM intake.tickets WHERE source = $1 AND external_id = $2',
      [source, first.data.externalId],
    );
    expect(rows.rows).toEqual([{ ticket_id: ticketId, summary: first.data.summary, resubmissions: 1, last_resubmission_event_id: again.id }]);
  });

  it('rejects invalid ingress with its reasons and dead-letters it, while the events around it are accepted', async () => {
    const before = received();
    const badService = received({ service: 'telegraph' as TicketReceived['service'], location: { ...ticketReceivedExample.location, region: 'r-bad-enum' } });
    const malformedMarker = randomUUID();
    const malformedCorrelation = `corr-${randomUUID()}`;
    const malformed: Message = { key: 'malformed', value: `{"id": "${malformedMarker}", "type": "ticket.received", oops`, headers: { 'correlation-id': malformedCorrelation } };
    const noTime = received();
    const badEnvelope: Message = { key: noTime.subject, value: JSON.stringify({ ...noTime, time: undefined }) };
    const after = received();
    await produce(before, badService, malformed, badEnvelope, after);

    // The partition went on past all three.
    await waitAccepted(ticketIdFor(source, before.data.externalId));
    await waitAccepted(ticketIdFor(source, after.data.externalId));

    // A data error: the field path, the sender, its externalId, its event and its region.
    const r1 = await waitRejected((e) => e.data.inboundEventId === badService.id, 'the bad service');
    expect(r1.subject).toBe(badService.data.externalId);
    expect(r1.source).toBe('switchboard/intake');
    expect(r1.causationId).toBe(badService.id);
    expect(r1.data).toMatchObject({ source, externalId: badService.data.externalId, inboundEventId: badService.id, region: 'r-bad-enum' });
    expect(r1.data.reasons).toEqual([expect.objectContaining({ path: 'data.service', code: 'invalid_value' })]);
    const dead1 = await waitDeadLetter(badService.id);
    expect(dead1.headers['dlq-reason']).toMatch(/^invalid: data\.service: /);
    expect(dead1.headers['dlq-source-topic']).toBe(physicalTopic(Topics.TicketsInbound));

    // Malformed JSON: nothing readable but the correlation id the sender put on the message.
    const r2 = await waitRejected((e) => e.correlationId === malformedCorrelation, 'the malformed JSON');
    expect(r2.subject).toBe('unknown');
    expect(r2.data.source).toBe('unknown');
    expect(r2.data.externalId).toBeUndefined();
    expect(r2.data.reasons).toEqual([expect.objectContaining({ path: '(root)', code: 'invalid_json' })]);
    const dead2 = await waitDeadLetter(malformedMarker);
    expect(dead2.headers['dlq-reason']).toMatch(/^invalid: \(root\): malformed JSON/);

    // An envelope error: the envelope's field, and the externalId still read from the raw JSON.
    const r3 = await waitRejected((e) => e.data.inboundEventId === noTime.id, 'the envelope without time');
    expect(r3.subject).toBe(noTime.data.externalId);
    expect(r3.data).toMatchObject({ source, externalId: noTime.data.externalId });
    expect(r3.data.reasons).toEqual([expect.objectContaining({ path: 'time' })]);
    const dead3 = await waitDeadLetter(noTime.id);
    expect(dead3.headers['dlq-reason']).toMatch(/^invalid: time: /);

    // Nothing of the rejected ones became a ticket.
    expect(acceptedOf(ticketIdFor(source, badService.data.externalId))).toHaveLength(0);
    expect(acceptedOf(ticketIdFor(source, noTime.data.externalId))).toHaveLength(0);
    const recorded = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM intake.rejected_submissions WHERE inbound_event_id = ANY($1)', [[badService.id, noTime.id]]);
    expect(recorded.rows[0]!.n).toBe(2);
  });

  it('learns completions from dispatch and flags a repair of the same customer and service within the window as a repeat fault, raising its priority', async () => {
    // This test's own customer lines, so that no other test's completions count.
    const customer = { ...ticketReceivedExample.customer, id: `C-E2E-${randomUUID().slice(0, 8)}` };
    const otherCustomer = { ...ticketReceivedExample.customer, id: `C-E2E-${randomUUID().slice(0, 8)}` };
    const reportedAt = new Date().toISOString();
    const first = received({ customer, kind: 'repair', service: 'broadband', reportedAt });
    const firstId = ticketIdFor(source, first.data.externalId);
    await produce(first);
    await waitAccepted(firstId);
    const firstTriaged = await waitLifecycle<TicketTriaged>('ticket.triaged', firstId);
    expect(lifecycle('ticket.repeat-fault-detected', (e) => e.subject === firstId)).toHaveLength(0);

    // Dispatch completes the first repair (produced here to the real topic, as dispatch would).
    const completed = makeEvent(
      'assignment.completed',
      { ticketId: firstId, assignmentId: randomUUID(), technicianId: 'tech-e2e-repeat', region: ticketReceivedExample.location.region, at: new Date().toISOString(), resolutionCode: 'fixed' },
      { source: 'switchboard/dispatch', subject: firstId, time: new Date() },
    );
    await producer.send({ topic: physicalTopic(Topics.DispatchAssignments), messages: [{ key: completed.subject, value: JSON.stringify(completed) }] });
    await waitFor(
      async () => {
        const r = await db.query<{ completed_at: Date | null }>('SELECT completed_at FROM intake.tickets WHERE ticket_id = $1', [firstId]);
        return r.rows[0]?.completed_at ?? undefined;
      },
      { timeoutMs: 30_000, message: `intake recorded the completion of ${firstId}` },
    );

    // The same line and service again; another customer's repair of the same service at the same time.
    const again = received({ customer, kind: 'repair', service: 'broadband', reportedAt });
    const other = received({ customer: otherCustomer, kind: 'repair', service: 'broadband', reportedAt });
    await produce(again, other);
    const againId = ticketIdFor(source, again.data.externalId);
    const otherId = ticketIdFor(source, other.data.externalId);

    const repeat = await waitLifecycle<TicketRepeatFaultDetected>('ticket.repeat-fault-detected', againId);
    expect(repeat.data).toMatchObject({
      ticketId: againId,
      previousTicketId: firstId,
      customerTier: customer.tier,
      service: 'broadband',
      region: ticketReceivedExample.location.region,
      daysSinceCompletion: 0,
    });
    expect(repeat.causationId).toBe(again.id);
    const againTriaged = await waitLifecycle<TicketTriaged>('ticket.triaged', againId);
    expect(againTriaged.data.priority).toBeGreaterThan(firstTriaged.data.priority);
    expect(againTriaged.data.reasons).toContain('repeat fault +20');
    expect(firstTriaged.data.reasons).toContain('not a repeat fault +0');

    // Another customer is no repeat (its triage is emitted in the same transaction as a repeat would be).
    const otherTriaged = await waitLifecycle<TicketTriaged>('ticket.triaged', otherId);
    expect(otherTriaged.data.priority).toBe(firstTriaged.data.priority);
    expect(lifecycle('ticket.repeat-fault-detected', (e) => e.subject === otherId)).toHaveLength(0);

    const rows = await db.query<{ ticket_id: string; repeat_fault: boolean; repeat_of_ticket_id: string | null; triage_class: string; triage_priority: number }>(
      'SELECT ticket_id, repeat_fault, repeat_of_ticket_id, triage_class, triage_priority FROM intake.tickets WHERE ticket_id = ANY($1)',
      [[firstId, againId, otherId]],
    );
    const byId = new Map(rows.rows.map((r) => [r.ticket_id, r]));
    expect(byId.get(againId)).toMatchObject({ repeat_fault: true, repeat_of_ticket_id: firstId, triage_class: againTriaged.data.class, triage_priority: againTriaged.data.priority });
    expect(byId.get(otherId)).toMatchObject({ repeat_fault: false, repeat_of_ticket_id: null, triage_priority: otherTriaged.data.priority });
  });
});
