import { randomUUID } from 'node:crypto';
import type { Kafka, Producer } from 'kafkajs';
import { Client } from 'pg';
import {
  EventRegistry,
  kpiWarningSchema,
  kpiWindowUpdatedSchema,
  makeEvent,
  Topics,
  type Envelope,
  type EventData,
  type EventType,
  type KpiWarning,
  type KpiWindowUpdated,
} from '@switchboard/contracts';
import { createKafka, physicalTopic } from '@switchboard/messaging';
import { serviceDatabase } from '@switchboard/persistence';
import { testInfra, TopicCollector, waitFor } from '@switchboard/testing';
import { startService, TEST_API_KEY, type RunningService } from './support/service-process';

const WAIT = { timeoutMs: 20_000 };

/**
 * KPI windows through the real broker and database (issue 8, ADR 0025): events on four topics in
 * → `kpi.window-updated` on scoring.kpis.v3 by several scopes and periods, the BI views, a
 * redelivered event counted once, a late event republishing its window, a warning raised once,
 * and `GET /v1/kpis` from the gateway's projection, a region-scoped key seeing only its region.
 */
describe('KPI windows by scope and period', () => {
  const run = randomUUID().slice(0, 8);
  const regionA = `ka-${run}`;
  const regionB = `kb-${run}`;
  const technicianId = `T-${run}`;
  const [ticketA, ticketB, ticketC] = [randomUUID(), randomUUID(), randomUUID()];
  const time = new Date('2026-11-24T02:00:00Z'); // 10:00 on Tuesday 24 November in Shanghai

  let scoring: RunningService;
  let gateway: RunningService;
  let kafka: Kafka;
  let producer: Producer;
  let collector: TopicCollector;
  let db: Client;

  beforeAll(async () => {
    kafka = createKafka({ brokers: testInfra().kafkaBrokers, clientId: `kpis-e2e-${run}` });
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    collector = await new TopicCollector(kafka, [Topics.ScoringKpisV3]).start();
    [scoring, gateway] = await Promise.all([startService('scoring', 18700), startService('gateway', 18701)]);
    db = new Client({ connectionString: serviceDatabase(testInfra().databaseUrl, 'scoring', 'sb_scoring_local').url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await collector?.stop();
    await producer?.disconnect();
    await Promise.all([scoring?.stop(), gateway?.stop()]);
  });

  const ev = <T extends EventType>(type: T, subject: string, patch: Partial<EventData<T>>) =>
    makeEvent(type, { ...(EventRegistry[type].example as EventData<T>), ...patch }, { source: 'test/kpis-e2e', subject, time }) as Envelope;
  const produce = (topic: string, events: Envelope[]) =>
    producer.send({ topic: physicalTopic(topic), messages: events.map((e) => ({ key: e.subject, value: JSON.stringify(e), headers: { 'event-type': e.type } })) });

  const records = () =>
    collector
      .json<Envelope<'kpi.window-updated', KpiWindowUpdated>>(Topics.ScoringKpisV3)
      .filter((e) => e.type === 'kpi.window-updated' && (e.data.region === regionA || e.data.region === regionB));
  const warnings = () => collector.json<Envelope<'kpi.warning', KpiWarning>>(Topics.ScoringKpisV3).filter((e) => e.type === 'kpi.warning' && e.data.region === regionA);
  /** The latest record of a window (the highest revision). */
  const latest = (key: string) =>
    records()
      .filter((e) => e.subject === key)
      .sort((a, b) => a.data.revision - b.data.revision)
      .at(-1)?.data;
  const kpisOf = (r: KpiWindowUpdated | undefined) => Object.fromEntries((r?.kpis ?? []).map((k) => [k.kpi, [k.numerator, k.denominator]]));
  const waitForWindow = (key: string, ok: (k: Record<string, number[]>) => boolean, what: string) =>
    waitFor(() => (ok(kpisOf(latest(key))) ? latest(key) : undefined), { ...WAIT, message: `${what} (${key}: ${JSON.stringify(kpisOf(latest(key)))})` });

  const call = (key: string, path: string) => fetch(gateway.url(path), { headers: { authorization: `Bearer ${key}` } });

  it('counts events from four topics into windows by scope and period, once each, republishing late ones, warning once, served by GET /v1/kpis', async () => {
    const surveyB = ev('survey.completed', ticketB, { ticketId: ticketB, region: regionA, verdict: 'unsatisfied' });
    // Facts first, the tickets and the technician they belong to after (other topics, any order).
    await produce(Topics.SlaAlerts, [
      ev('sla.clock-stopped', ticketA, { ticketId: ticketA, region: regionA, metric: 'first-response', met: true }),
      ev('sla.clock-stopped', ticketB, { ticketId: ticketB, region: regionA, metric: 'first-response', met: false }),
      ev('sla.breached', ticketB, { ticketId: ticketB, region: regionA }),
    ]);
    await produce(Topics.CallbackSurveys, [ev('survey.completed', ticketA, { ticketId: ticketA, region: regionA, verdict: 'satisfied' }), surveyB]);
    await produce(Topics.TicketsLifecycle, [
      ev('ticket.accepted', ticketA, { ticketId: ticketA, customerTier: 'vip', service: 'broadband', location: { region: regionA, county: 'xihu', zone: 'xihu-07' } }),
      ev('ticket.accepted', ticketB, { ticketId: ticketB, customerTier: 'standard', service: 'iptv', location: { region: regionA, county: 'binjiang', zone: 'bj-01' } }),
      ev('ticket.accepted', ticketC, { ticketId: ticketC, customerTier: 'standard', service: 'iptv', location: { region: regionB, county: 'yuhang', zone: 'yh-01' } }),
    ]);
    await produce(Topics.DispatchAssignments, [
      ev('ticket.assigned', ticketA, { ticketId: ticketA, technicianId, region: regionA }),
      ev('ticket.assigned', ticketB, { ticketId: ticketB, technicianId, region: regionA }),
      ev('technician.registered', technicianId, { technicianId, group: `g-${run}`, employer: `e-${run}`, region: regionA }),
    ]);

    // Several scopes and periods, each with every fact of its tickets whatever the arrival order.
    const regionDay = `${regionA}|region|${regionA}|day|2026-11-24`;
    const full = (k: Record<string, number[]>) => k.satisfaction?.[1] === 2 && k['first-response-on-time']?.[1] === 2 && k['tickets-accepted']?.[0] === 2 && k['sla-breaches']?.[0] === 1;
    await waitForWindow(regionDay, full, 'the region’s day window with every fact');
    const techWeek = await waitForWindow(`${regionA}|technician|${technicianId}|week|2026-11-23`, full, 'the technician’s week window');
    expect(techWeek).toMatchObject({ windowEnd: '2026-11-29', timeZone: 'Asia/Shanghai' });
    expect(kpisOf(techWeek)).toMatchObject({ 'first-response-on-time': [1, 2], satisfaction: [1, 2], 'tickets-accepted': [2, 0], 'sla-breaches': [1, 0] });
    await waitForWindow(`${regionA}|contractor|e-${run}|month|2026-11-01`, full, 'the contractor’s month window');
    const vip = await waitForWindow(`${regionA}|tier|vip|month|2026-11-01`, (k) => k.satisfaction?.[1] === 1 && k['tickets-accepted']?.[0] === 1, 'the VIP tier’s month');
    expect(kpisOf(vip)).toEqual({ 'tickets-accepted': [1, 0], 'first-response-on-time': [1, 1], satisfaction: [1, 1], 'contact-timeliness': [1, 1], 'appointment-keeping': [1, 1], 'technical-level': [1, 1], 'service-attitude': [1, 1], 'interception-rate': [0, 1] });
    await waitForWindow(`${regionA}|group|g-${run}|day|2026-11-24`, full, 'the group’s day');
    await waitForWindow(`${regionA}|county|binjiang|day|2026-11-24`, (k) => k.satisfaction?.[0] === 0 && k.satisfaction?.[1] === 1, 'Binjiang county’s day');
    for (const r of records()) expect(kpiWindowUpdatedSchema.safeParse(r.data).success).toBe(true);

    // Satisfaction fell to 1/2 (< 80 %) in the region's day: warned once.
    await waitFor(() => warnings().find((w) => w.subject === regionDay && w.data.kpi === 'satisfaction'), { ...WAIT, message: 'the satisfaction warning' });
    // A redelivered survey, then a new callback for the same ticket on the same partition behind it:
    // once the callback is counted, the duplicate was consumed too — and counted once.
    const before = latest(regionDay)!.revision;
    await produce(Topics.CallbackSurveys, [surveyB, ev('callback.closed', ticketB, { ticketId: ticketB, region: regionA, status: 'answered' })]);
    // A late stopped clock of the 24th (the clock says the 25th): its past window republished, corrected.
    await produce(Topics.SlaAlerts, [ev('sla.clock-stopped', ticketA, { ticketId: ticketA, region: regionA, metric: 'resolution', met: true })]);
    const after = await waitForWindow(regionDay, (k) => k['callback-ratio']?.[1] === 1 && k['resolution-on-time']?.[1] === 1, 'the callback and the late clock in the region’s day');
    expect(kpisOf(after).satisfaction).toEqual([1, 2]);
    // The revision counts what the window took: the callback and the late clock, not the duplicate's five.
    expect(after.revision).toBe(before + 2);
    const satisfactionWarnings = warnings().filter((w) => w.subject === regionDay && w.data.kpi === 'satisfaction');
    expect(satisfactionWarnings).toHaveLength(1);
    // Raised by B's unsatisfied survey: 0/1 or 1/2 depending on which survey's partition was read first.
    const raised = kpiWarningSchema.parse(satisfactionWarnings[0]!.data);
    expect(raised).toMatchObject({ threshold: 0.8, direction: 'below' });
    expect([[0, 1, 0], [1, 2, 0.5]]).toContainEqual([raised.numerator, raised.denominator, raised.value]);

    // The BI view agrees with the latest record.
    const view = await db.query<{ kpi: string; numerator: string; denominator: string; value: string | null; off_target: boolean }>(
      `SELECT kpi, numerator, denominator, value, off_target FROM scoring.kpi_day_v1 WHERE region = $1 AND scope_type = 'region' AND window_start = '2026-11-24'`,
      [regionA],
    );
    expect(Object.fromEntries(view.rows.map((r) => [r.kpi, [Number(r.numerator), Number(r.denominator)]]))).toEqual(kpisOf(after));
    expect(view.rows.find((r) => r.kpi === 'satisfaction')).toMatchObject({ value: '0.5000', off_target: true });

    // GET /v1/kpis: the admin sees both regions; a bi key scoped to region B only B.
    const query = `/v1/kpis?scopeType=region&period=day&from=2026-11-24&to=2026-11-24&limit=500`;
    await waitFor(
      async () => {
        const body = (await (await call(TEST_API_KEY, `${query}&region=${regionA}`)).json()) as { items: KpiWindowUpdated[] };
        return body.items[0]?.revision === after.revision || undefined;
      },
      { ...WAIT, message: 'the gateway to serve the latest region window' },
    );
    const adminView = (await (await call(TEST_API_KEY, `${query}&region=${regionA}`)).json()) as { items: KpiWindowUpdated[]; total: number };
    expect(adminView).toMatchObject({ total: 1, items: [{ region: regionA, scopeType: 'region', scopeId: regionA, windowStart: '2026-11-24', windowEnd: '2026-11-24', revision: after.revision }] });
    expect(adminView.items[0]!.kpis).toEqual(after.kpis);
    const onlySatisfaction = (await (await call(TEST_API_KEY, `/v1/kpis?scopeType=technician&scopeId=${technicianId}&period=week&kpi=satisfaction`)).json()) as { items: KpiWindowUpdated[] };
    expect(onlySatisfaction.items.map((i) => i.kpis)).toEqual([[{ kpi: 'satisfaction', numerator: 1, denominator: 2, value: 0.5 }]]);

    const created = await fetch(gateway.url('/v1/api-keys'), {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: `bi ${run}`, source: `bi/${run}`, role: 'bi', regions: [regionB] }),
    });
    expect(created.status).toBe(201);
    const { key } = (await created.json()) as { key: string };
    await waitFor(
      async () => ((await (await call(TEST_API_KEY, `${query}&region=${regionB}`)).json()) as { total: number }).total === 1 || undefined,
      { ...WAIT, message: 'region B’s window in the gateway' },
    );
    const scoped = (await (await call(key, query)).json()) as { items: KpiWindowUpdated[] };
    expect(new Set(scoped.items.map((i) => i.region))).toEqual(new Set([regionB]));
    expect(((await (await call(key, `${query}&region=${regionA}`)).json()) as { items: unknown[] }).items).toEqual([]);
    // Bad queries are refused with a reason.
    const bad = await call(TEST_API_KEY, '/v1/kpis?period=year&limit=5000');
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { reasons: { path: string }[] }).reasons.map((r) => r.path).sort()).toEqual(['limit', 'period']);
  });
});
