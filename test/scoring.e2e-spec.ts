import { randomUUID } from 'node:crypto';
import type { Kafka, Producer } from 'kafkajs';
import { Client } from 'pg';
import {
  EventRegistry,
  kpiUpdatedSchema,
  makeEvent,
  Topics,
  type Envelope,
  type EventData,
  type EventType,
  type KpiUpdated,
} from '@switchboard/contracts';
import { createKafka, physicalTopic } from '@switchboard/messaging';
import { serviceDatabase } from '@switchboard/persistence';
import { testInfra, TopicCollector, waitFor } from '@switchboard/testing';
import { startService, type RunningService } from './support/service-process';

/**
 * Scoring as a process on the real broker and database: it counts lifecycle, assignment, SLA
 * and survey events into per-region, per-day KPIs on `scoring.kpis.v1` and the BI view, once per
 * event, and keeps nothing of the customer.
 */
describe('scoring counts the lifecycle into per-region daily KPIs', () => {
  const region = `r-${randomUUID().slice(0, 8)}`;
  const day = '2026-11-24';
  const time = new Date(`${day}T10:00:00Z`);
  const customerName = `Test Customer ${randomUUID().slice(0, 6)}`;
  const customerPhone = `+86 571 5550 ${String(Math.floor(1000 + Math.random() * 9000))}`;
  const ticketA = randomUUID();
  const ticketB = randomUUID();
  const expected: KpiUpdated['counters'] = {
    received: 3,
    accepted: 2,
    rejected: 1,
    assigned: 1,
    firstResponseOnTime: 1,
    firstResponseLate: 1,
    warned: 1,
    breached: 1,
    completed: 1,
    surveyed: 1,
    satisfied: 1,
  };

  let scoring: RunningService;
  let kafka: Kafka;
  let producer: Producer;
  let kpis: TopicCollector;
  let db: Client;

  const event = <T extends EventType>(type: T, subject: string, patch: Partial<EventData<T>>) =>
    makeEvent(type, { ...(EventRegistry[type].example as EventData<T>), ...patch }, { source: 'test/scoring-e2e', subject, time });

  const produce = async (topic: string, events: Envelope[], key?: string) => {
    await producer.send({
      topic: physicalTopic(topic),
      messages: events.map((e) => ({ key: key ?? e.subject, value: JSON.stringify(e), headers: { 'event-type': e.type } })),
    });
  };

  const ours = () =>
    kpis
      .json<Envelope<'kpi.updated', KpiUpdated>>(Topics.ScoringKpis)
      .filter((e) => e.type === 'kpi.updated' && e.data.region === region);

  beforeAll(async () => {
    scoring = await startService('scoring', 18150);
    kafka = createKafka({ brokers: testInfra().kafkaBrokers, clientId: 'scoring-e2e' });
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    kpis = await new TopicCollector(kafka, [Topics.ScoringKpis, Topics.ScoringKpisV2]).start();
    db = new Client({ connectionString: serviceDatabase(testInfra().databaseUrl, 'scoring', 'sb_scoring_local').url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await kpis?.stop();
    await producer?.disconnect();
    await scoring?.stop();
  });

  it('publishes kpi.updated with the counts, counts a redelivered event once, and the BI view agrees', async () => {
    const acceptedA = event('ticket.accepted', ticketA, {
      ticketId: ticketA,
      externalId: `E2E-${ticketA.slice(0, 8)}`,
      contact: { name: customerName, phone: customerPhone },
      location: { region, county: 'xihu', zone: 'xihu-07' },
    });
    const acceptedB = event('ticket.accepted', ticketB, {
      ticketId: ticketB,
      externalId: `E2E-${ticketB.slice(0, 8)}`,
      contact: { name: customerName, phone: customerPhone },
      location: { region, county: 'xihu', zone: 'xihu-07' },
    });
    const common = { ticketId: ticketA, region };
    await produce(Topics.TicketsLifecycle, [acceptedA, acceptedB]);
    await produce(Topics.DispatchAssignments, [
      event('ticket.assigned', ticketA, common),
      event('assignment.accepted', ticketA, common), // not counted
      event('assignment.completed', ticketA, { ...common, resolutionCode: 'fixed' }),
    ]);
    await produce(Topics.SlaAlerts, [
      event('sla.clock-started', ticketA, common), // not counted
      event('sla.warning', ticketA, common),
      event('sla.breached', ticketA, common),
      event('sla.clock-stopped', ticketA, { ...common, metric: 'first-response', met: true }),
      event('sla.clock-stopped', ticketB, { ...common, ticketId: ticketB, metric: 'first-response', met: false }),
      event('sla.clock-stopped', ticketA, { ...common, metric: 'resolution', met: true }), // not counted
    ]);
    await produce(Topics.CallbackSurveys, [
      event('survey.scheduled', ticketA, common), // not counted
      event('survey.completed', ticketA, { ...common, verdict: 'satisfied' }),
    ]);
    // The redelivery, then the rejection behind it on the same partition: once the rejection is
    // counted, the duplicate before it has been consumed too, so the counters can only reach
    // `expected` if the duplicate was not counted.
    await produce(Topics.TicketsLifecycle, [acceptedA, event('ticket.rejected', `E2E-R-${ticketA.slice(0, 8)}`, { region })], ticketA);

    const latest = await waitFor(
      () => {
        const all = ours();
        const last = all[all.length - 1];
        return last && JSON.stringify(last.data.counters) === JSON.stringify(expected) ? last : undefined;
      },
      { timeoutMs: 10_000, message: `the latest kpi.updated for ${region} to equal ${JSON.stringify(expected)} (last: ${JSON.stringify(ours().at(-1)?.data.counters)})` },
    );
    expect(latest.data.counters).toEqual(expected);

    // One record per counted event (10), each a valid kpi.updated keyed by region|day; none counts the duplicate.
    const records = ours();
    expect(records).toHaveLength(10);
    expect(Math.max(...records.map((e) => e.data.counters.accepted))).toBe(2);
    for (const record of records) expect(kpiUpdatedSchema.safeParse(record.data).success).toBe(true);
    expect(latest).toMatchObject({ source: 'switchboard/scoring', subject: `${region}|${day}`, data: { scope: 'region', granularity: 'day', date: day } });
    const messages = kpis.messages.filter((m) => m.value?.toString().includes(`"region":"${region}"`));
    expect(new Set(messages.map((m) => m.key))).toEqual(new Set([`${region}|${day}`]));

    // The BI view, read with the scoring role.
    const view = await db.query<Record<string, unknown>>(`SELECT *, "date"::text AS day FROM scoring.kpi_daily_v1 WHERE region = $1`, [region]);
    expect(view.rows).toHaveLength(1);
    expect(view.rows[0]).toMatchObject({
      region,
      day,
      received: 3,
      accepted: 2,
      rejected: 1,
      assigned: 1,
      first_response_on_time: 1,
      first_response_late: 1,
      warned: 1,
      breached: 1,
      completed: 1,
      surveyed: 1,
      satisfied: 1,
    });
  });

  it("keeps the customer's name and phone out of the KPI records and every scoring table", async () => {
    await waitFor(() => ours().length >= 10, { message: `the KPI records of ${region}` });
    const hex = (s: string) => Buffer.from(s, 'utf8').toString('hex');
    const leaks = (text: string) => [customerName, customerPhone, hex(customerName), hex(customerPhone)].filter((s) => text.includes(s));

    for (const m of kpis.messages) expect(leaks(m.value?.toString() ?? '')).toEqual([]);

    const tables = await db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'scoring' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual(expect.arrayContaining(['inbox', 'kpi_daily', 'outbox']));
    for (const { table_name } of tables.rows) {
      const rows = await db.query<{ row: string }>(`SELECT t::text AS row FROM scoring."${table_name}" t`);
      const found = rows.rows.flatMap((r) => leaks(r.row));
      expect({ table: table_name, found }).toEqual({ table: table_name, found: [] });
    }
    // What scoring published for this region and day: each record as v1 and as the KPI record v2
    // (ADR 0014), and it is the counters only.
    const mine = () => kpis.messages.filter((m) => m.key === `${region}|${day}`);
    await waitFor(() => mine().filter((m) => m.topic === Topics.ScoringKpisV2).length >= 10 || undefined, { message: `the v2 KPI records of ${region}` });
    await new Promise((r) => setTimeout(r, 300));
    const published = mine();
    const types = published.map((m) => (JSON.parse(m.value?.toString() ?? 'null') as { type: string }).type);
    expect(types.filter((t) => t === 'kpi.updated')).toHaveLength(10);
    expect(types.filter((t) => t === 'kpi.daily-updated')).toHaveLength(10);
    expect(published).toHaveLength(20);
    for (const m of published) expect(leaks(m.value?.toString() ?? '')).toEqual([]);
  });
});
