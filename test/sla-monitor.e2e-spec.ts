import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { Client } from 'pg';
import { makeEvent, topicOf, Topics, type Envelope, type EventData, type EventType, type SlaAlert, type SlaClockReattached, type SlaClockResumed, type SlaClockStarted, type SlaClockStopped } from '@switchboard/contracts';
import { physicalTopic } from '@switchboard/messaging';
import { testInfra, TopicCollector, waitFor } from '@switchboard/testing';
import { startService, TEST_API_KEY, type RunningService } from './support/service-process';

// 30 min × 0.002 = 3.6 s to the first-response breach (warning at 2.88 s); a repair's resolution
// target is set to 1 h here, so 7.2 s (warning at 5.76 s).
const SLA_ENV = { SLA_TIME_SCALE: '0.002', SLA_RESOLUTION_HOURS_REPAIR: '1', SLA_POLL_MS: '100' };
const FIRST_RESPONSE_MS = 3_600;
const RESOLUTION_MS = 7_200;
/** Past a due time, how long we keep watching to prove nothing more is raised. */
const MARGIN_MS = 2_500;

const infra = testInfra();
const kafka = new Kafka({ clientId: 'sla-monitor-e2e', brokers: infra.kafkaBrokers, logLevel: logLevel.NOTHING });
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

let producer: Producer;
let alerts: TopicCollector;
let redis: Redis;

beforeAll(async () => {
  producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  alerts = await new TopicCollector(kafka, [Topics.SlaAlerts]).start();
  redis = new Redis(infra.redisUrl);
});

afterAll(async () => {
  await alerts.stop();
  await producer.disconnect();
  await redis.quit();
});

async function produce<T extends EventType>(type: T, data: EventData<T>, subject: string): Promise<Envelope<T, EventData<T>>> {
  const envelope = makeEvent(type, data, { source: 'test/sla-monitor-e2e', subject, time: new Date() });
  await send(envelope);
  return envelope;
}

async function send(envelope: Envelope): Promise<void> {
  await producer.send({
    topic: physicalTopic(topicOf(envelope.type as EventType)),
    messages: [{ key: envelope.subject, value: JSON.stringify(envelope), headers: { 'event-type': envelope.type } }],
  });
}

interface TestTicket {
  ticketId: string;
  region: string;
}

/** Every ticket a test creates; their clocks are stopped at the end so no later run inherits them. */
const created: TestTicket[] = [];

function newTicket(): TestTicket {
  const ticket = { ticketId: randomUUID(), region: `r-${randomUUID().slice(0, 8)}` };
  created.push(ticket);
  return ticket;
}

/** Contacts and completes every ticket created so far and waits until none of their clocks runs. */
async function finishClocks(): Promise<void> {
  const tickets = created.splice(0);
  for (const { ticketId, region } of tickets) {
    await produce('assignment.contacted', progress(ticketId, region, new Date()), ticketId);
    await produce('assignment.completed', { ...progress(ticketId, region, new Date()), resolutionCode: 'fixed' }, ticketId);
  }
  const db = new Client({ connectionString: infra.databaseUrl });
  await db.connect();
  try {
    const ids = tickets.map((t) => t.ticketId);
    await waitFor(async () => (await db.query(`SELECT 1 FROM sla.clocks WHERE ticket_id = ANY($1::uuid[]) AND state = 'running'`, [ids])).rowCount === 0, {
      message: 'the test tickets’ clocks to stop',
    });
  } finally {
    await db.end();
  }
}

function acceptedData(ticketId: string, region: string, acceptedAt: Date): EventData<'ticket.accepted'> {
  return {
    ticketId,
    source: 'test/sla-monitor-e2e',
    externalId: `E-${ticketId.slice(0, 8)}`,
    channel: 'phone',
    kind: 'repair',
    service: 'broadband',
    customerId: 'C-1',
    customerTier: 'standard',
    contact: { name: 'Li Wei', phone: '+86 571 5550 1234' },
    location: { region, county: 'xihu', zone: 'xihu-07' },
    reportedAt: acceptedAt.toISOString(),
    acceptedAt: acceptedAt.toISOString(),
    owner: 'agent/test/0001',
  };
}

function progress(ticketId: string, region: string, at: Date): EventData<'assignment.contacted'> {
  return { ticketId, assignmentId: randomUUID(), technicianId: 'T-E2E-01', region, at: at.toISOString() };
}

/** What sla.alerts.v1 carried about one ticket, in the order of its partition. */
function eventsOf(ticketId: string): Envelope[] {
  return alerts.json<Envelope>().filter((e) => e.subject === ticketId);
}

function ofType<T>(ticketId: string, type: string, metric: string): Envelope<string, T>[] {
  return eventsOf(ticketId).filter((e) => e.type === type && (e.data as { metric: string }).metric === metric) as Envelope<string, T>[];
}

async function waitForEvent<T>(ticketId: string, type: string, metric: string, timeoutMs = 20_000): Promise<Envelope<string, T>> {
  return waitFor(() => ofType<T>(ticketId, type, metric)[0], { timeoutMs, message: `${type} (${metric}) for ticket ${ticketId}` });
}

/** Sleeps until `instant` + MARGIN_MS: the only fixed waits here, proving that nothing more comes. */
async function waitPast(instant: string | Date): Promise<void> {
  const remaining = new Date(instant).getTime() + MARGIN_MS - Date.now();
  if (remaining > 0) await sleep(remaining);
}

async function expectExactlyOneWarningAndBreach(ticketId: string, metric: 'first-response' | 'resolution', targetMs: number): Promise<void> {
  const started = await waitForEvent<SlaClockStarted>(ticketId, 'sla.clock-started', metric);
  expect(new Date(started.data.dueAt).getTime() - new Date(started.data.startedAt).getTime()).toBe(targetMs);
  expect(new Date(started.data.warnAt).getTime() - new Date(started.data.startedAt).getTime()).toBe(targetMs * 0.8);
  const breached = await waitForEvent<SlaAlert>(ticketId, 'sla.breached', metric, targetMs + 15_000);
  const warning = await waitForEvent<SlaAlert>(ticketId, 'sla.warning', metric);
  await waitPast(started.data.dueAt);

  expect(ofType(ticketId, 'sla.clock-started', metric)).toHaveLength(1);
  expect(ofType(ticketId, 'sla.warning', metric)).toHaveLength(1);
  expect(ofType(ticketId, 'sla.breached', metric)).toHaveLength(1);
  expect(ofType(ticketId, 'sla.clock-stopped', metric)).toHaveLength(0);
  const order = eventsOf(ticketId).map((e) => e.id);
  expect(order.indexOf(warning.id)).toBeGreaterThanOrEqual(0);
  expect(order.indexOf(warning.id)).toBeLessThan(order.indexOf(breached.id));
  for (const alert of [warning, breached]) {
    expect(alert.data).toMatchObject({ clockId: started.data.clockId, ticketId, metric, region: started.data.region, dueAt: started.data.dueAt });
    expect(alert.correlationId).toBe(started.correlationId);
  }
  expect(new Date(warning.data.at).getTime()).toBeGreaterThanOrEqual(new Date(started.data.warnAt).getTime());
  expect(new Date(breached.data.at).getTime()).toBeGreaterThanOrEqual(new Date(started.data.dueAt).getTime());
}

function expectNoAlerts(ticketId: string, metric: 'first-response' | 'resolution'): void {
  expect(ofType(ticketId, 'sla.warning', metric)).toHaveLength(0);
  expect(ofType(ticketId, 'sla.breached', metric)).toHaveLength(0);
}

describe('sla-monitor clocks and alerts', () => {
  let monitor: RunningService;

  beforeAll(async () => {
    monitor = await startService('sla-monitor', 18130, { ...SLA_ENV, SLA_REDIS_KEY: `test-sla:${randomUUID()}` });
  });

  afterAll(async () => {
    await finishClocks();
    await monitor.stop();
  });

  it('warns then breaches first response, exactly once each, for a ticket nobody contacts — even when it is accepted twice', async () => {
    const { ticketId, region } = newTicket();
    const data = acceptedData(ticketId, region, new Date());
    const first = await produce('ticket.accepted', data, ticketId);
    await send(first); // a redelivery of the same event
    await produce('ticket.accepted', data, ticketId); // the same ticket accepted again (another event)

    await expectExactlyOneWarningAndBreach(ticketId, 'first-response', FIRST_RESPONSE_MS);
  });

  it('runs the resolution clock from the ticket kind’s target, with its own warning and breach', async () => {
    const { ticketId, region } = newTicket();
    await produce('ticket.accepted', acceptedData(ticketId, region, new Date()), ticketId);

    await expectExactlyOneWarningAndBreach(ticketId, 'resolution', RESOLUTION_MS);
  });

  it('stops first response on contact and resolution on completion, met, with no alert', async () => {
    const { ticketId, region } = newTicket();
    const acceptedAt = new Date();
    await produce('ticket.accepted', acceptedData(ticketId, region, acceptedAt), ticketId);
    const started = await waitForEvent<SlaClockStarted>(ticketId, 'sla.clock-started', 'resolution');
    const contactedAt = new Date(acceptedAt.getTime() + 1_000);
    const contact = await produce('assignment.contacted', progress(ticketId, region, contactedAt), ticketId);

    const stopped = await waitForEvent<SlaClockStopped>(ticketId, 'sla.clock-stopped', 'first-response');
    expect(stopped.data).toMatchObject({ ticketId, region, met: true, stoppedAt: contactedAt.toISOString() });
    expect(stopped.causationId).toBe(contact.id);
    const completedAt = new Date(acceptedAt.getTime() + 2_000);
    await produce('assignment.completed', { ...progress(ticketId, region, completedAt), resolutionCode: 'fixed' }, ticketId);
    const resolved = await waitForEvent<SlaClockStopped>(ticketId, 'sla.clock-stopped', 'resolution');
    expect(resolved.data).toMatchObject({ clockId: started.data.clockId, met: true, stoppedAt: completedAt.toISOString(), dueAt: started.data.dueAt });

    await waitPast(started.data.dueAt);
    expectNoAlerts(ticketId, 'first-response');
    expectNoAlerts(ticketId, 'resolution');
    expect(ofType(ticketId, 'sla.clock-stopped', 'first-response')).toHaveLength(1);
  });

  it('reports a late contact as not met', async () => {
    const { ticketId, region } = newTicket();
    const acceptedAt = new Date(Date.now() - 10_000); // the first-response target passed long ago
    await produce('ticket.accepted', acceptedData(ticketId, region, acceptedAt), ticketId);
    await waitForEvent(ticketId, 'sla.breached', 'first-response');
    await produce('assignment.contacted', progress(ticketId, region, new Date()), ticketId);

    const stopped = await waitForEvent<SlaClockStopped>(ticketId, 'sla.clock-stopped', 'first-response');
    expect(stopped.data.met).toBe(false);
  });

  it('keeps a contact that arrives before the ticket’s acceptance and applies it when the clock starts', async () => {
    const { ticketId, region } = newTicket();
    const acceptedAt = new Date();
    await produce('assignment.contacted', progress(ticketId, region, new Date(acceptedAt.getTime() + 500)), ticketId);
    const db = new Client({ connectionString: infra.databaseUrl });
    await db.connect();
    try {
      await waitFor(
        async () => ((await db.query('SELECT 1 FROM sla.pending_stops WHERE ticket_id = $1', [ticketId])).rowCount ?? 0) > 0,
        { message: `a pending stop for ticket ${ticketId}` },
      );
    } finally {
      await db.end();
    }
    await produce('ticket.accepted', acceptedData(ticketId, region, acceptedAt), ticketId);

    const stopped = await waitForEvent<SlaClockStopped>(ticketId, 'sla.clock-stopped', 'first-response');
    expect(stopped.data.met).toBe(true);
    const started = ofType<SlaClockStarted>(ticketId, 'sla.clock-started', 'first-response')[0]!;
    expect(stopped.data.clockId).toBe(started.data.clockId);
    await waitPast(started.data.dueAt);
    expectNoAlerts(ticketId, 'first-response');
  });
});

describe('sla-monitor timer index', () => {
  const keys = [`test-sla:${randomUUID()}`, `test-sla:${randomUUID()}`];
  let monitors: RunningService[] = [];

  beforeAll(async () => {
    // Two monitors on the same clocks, each with its own Redis index, rebuilt twice a second.
    monitors = await Promise.all(keys.map((key, i) => startService('sla-monitor', 18131 + i, { ...SLA_ENV, SLA_REDIS_KEY: key, SLA_RECONCILE_MS: '500' })));
  });

  afterAll(async () => {
    await Promise.all(monitors.map((m) => m.stop()));
  });

  afterEach(async () => {
    await finishClocks();
  });

  async function waitIndexed(clockId: string): Promise<void> {
    await waitFor(async () => (await Promise.all(keys.map((k) => redis.zscore(k, `${clockId}:breached`)))).every((s) => s !== null), {
      message: `the timers of clock ${clockId} in both monitors' indexes`,
    });
  }

  it('raises each alert exactly once with two monitors polling the same clock', async () => {
    const { ticketId, region } = newTicket();
    await produce('ticket.accepted', acceptedData(ticketId, region, new Date()), ticketId);
    const started = await waitForEvent<SlaClockStarted>(ticketId, 'sla.clock-started', 'first-response');
    await waitIndexed(started.data.clockId);

    await expectExactlyOneWarningAndBreach(ticketId, 'first-response', FIRST_RESPONSE_MS);
  });

  it('still alerts when the Redis index is deleted between start and due (rebuilt from PostgreSQL)', async () => {
    const { ticketId, region } = newTicket();
    await produce('ticket.accepted', acceptedData(ticketId, region, new Date()), ticketId);
    const started = await waitForEvent<SlaClockStarted>(ticketId, 'sla.clock-started', 'first-response');
    await waitIndexed(started.data.clockId);

    // DEL answers how many keys it removed: the index was there, and is gone before anything was due
    // (the monitors notice the loss at their next poll and rebuild it at once, ADR 0028).
    expect(await redis.del(...keys)).toBeGreaterThan(0);
    expect(Date.now()).toBeLessThan(new Date(started.data.warnAt).getTime());

    await expectExactlyOneWarningAndBreach(ticketId, 'first-response', FIRST_RESPONSE_MS);
    // The clocks still running got their timers back too.
    const resolution = ofType<SlaClockStarted>(ticketId, 'sla.clock-started', 'resolution')[0]!;
    await waitIndexed(resolution.data.clockId);
  });

  it('stops on SIGTERM within 10 s with its pollers, exit code 0, no failed pass logged', async () => {
    const stops = await Promise.all(monitors.map((m) => m.stop()));
    for (const { code, ms } of stops) {
      expect(code).toBe(0);
      expect(ms).toBeLessThan(10_000);
    }
    const failedPasses = monitors.flatMap((m) => m.logs).filter((l) => (JSON.parse(l) as { msg: string }).msg.endsWith('pass failed'));
    expect(failedPasses).toEqual([]);
  });
});

/**
 * SLA policies through the gateway (issue 6, ADR 0022): the defaults are there from the start, a
 * policy is checked with the SLA monitor's rules (400, one reason per problem), stored by the
 * monitor in versions, followed by the clocks it starts, and previewed ("when will this breach?").
 */
describe('SLA policies through the gateway', () => {
  let gateway: RunningService;
  let monitor: RunningService;

  beforeAll(async () => {
    [gateway, monitor] = await Promise.all([startService('gateway', 18135), startService('sla-monitor', 18136, { ...SLA_ENV, SLA_REDIS_KEY: `test-sla:${randomUUID()}` })]);
  });

  afterAll(async () => {
    await finishClocks();
    await Promise.all([gateway?.stop(), monitor?.stop()]);
  });

  const api = (path: string, init: RequestInit = {}) =>
    fetch(gateway.url(path), { ...init, headers: { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'application/json' } });
  const post = (path: string, body: unknown, method = 'POST') => api(path, { method, body: JSON.stringify(body) });

  interface PolicyView {
    policyId: string;
    version: number;
    builtIn: boolean;
    metrics: { metric: string; target: { amount: number; unit: string }; calendar?: { hours: unknown } }[];
    versions: { version: number }[];
  }

  async function waitForVersion(policyId: string, version: number): Promise<PolicyView> {
    return waitFor(
      async () => {
        const res = await api(`/v1/sla-policies/${policyId}`);
        const view = res.status === 200 ? ((await res.json()) as PolicyView) : undefined;
        return view && view.version >= version ? view : undefined;
      },
      { timeoutMs: 30_000, message: `SLA policy ${policyId} version ${version} in the gateway` },
    );
  }

  const ladder = [{ level: 'team-lead', offset: { amount: -10, unit: 'minutes' }, notify: 'team-lead', dispatchAction: 'raise-priority' }];
  const metric = (name: string, hours: number, startsOn = 'ticket', stopsOn = 'first-contact') => ({
    metric: name,
    target: { amount: hours, unit: 'hours' },
    startsOn,
    stopsOn,
    pausable: name !== 'first-response',
    warnings: [0.5, 0.8],
    escalations: ladder,
  });
  const policyFor = (region: string, firstResponseHours: number, resolutionHours = 3) => ({
    name: `e2e policy for ${region}`,
    selector: { kinds: ['repair'], services: ['broadband'], regions: [region] },
    calendar: { timeZone: 'Asia/Shanghai', hours: '24x7' },
    metrics: [metric('first-response', firstResponseHours), metric('resolution', resolutionHours, 'ticket', 'completion')],
  });

  it('lists the default policies of domain.md §4 from the start, a written complaint replied within 1 working day on office hours', async () => {
    const written = await waitForVersion('complaint-written', 1);
    expect(written).toMatchObject({ builtIn: true, version: 1 });
    const reply = written.metrics.find((m) => m.metric === 'reply')!;
    expect(reply.target).toEqual({ amount: 1, unit: 'working-days' });
    expect(reply.calendar?.hours).toMatchObject({ mon: ['09:00-12:00', '13:00-18:00'] });
    // One per installed/moved kind, per repaired service, and complaints by channel; published on partitions by policy id, so in no set order.
    const defaults = ['install', 'move', 'repair-broadband', 'repair-fixed', 'repair-mobile', 'repair-iptv', 'complaint', 'complaint-phone', 'complaint-written'];
    await waitFor(
      async () => {
        const list = (await (await api('/v1/sla-policies')).json()) as { items: PolicyView[] };
        const builtIn = list.items.filter((p) => p.builtIn).map((p) => p.policyId);
        return defaults.every((id) => builtIn.includes(id)) ? true : undefined;
      },
      { timeoutMs: 30_000, message: `the default SLA policies ${defaults.join(', ')} in GET /v1/sla-policies` },
    );
  });

  it('refuses an invalid policy with 400 and one reason per problem, and sends nothing', async () => {
    const id = `e2e-bad-${randomUUID().slice(0, 8)}`;
    const res = await post('/v1/sla-policies', {
      id,
      name: 'broken',
      selector: { kinds: ['repair', 'teleport'] },
      calendar: { timeZone: 'Mars/Olympus', hours: { mon: ['18:00-09:00'] } },
      metrics: [{ ...metric('first-response', -1), warnings: [0.9, 0.5] }],
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; reasons: { path: string; code: string }[] };
    expect(body.error).toBe('SLA_POLICY.INVALID');
    expect(body.reasons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'selector.kinds', code: 'UNKNOWN_SELECTOR_VALUE' }),
        expect.objectContaining({ path: 'metrics[0].target.amount', code: 'BAD_TARGET' }),
        expect.objectContaining({ path: 'metrics[0].warnings', code: 'BAD_WARNINGS' }),
      ]),
    );
    expect(body.reasons.filter((r) => r.code === 'BAD_CALENDAR').map((r) => r.path)).toEqual(expect.arrayContaining(['calendar.timeZone']));
    expect((await api(`/v1/sla-policies/${id}`)).status).toBe(404);
    expect((await post('/v1/sla-policies', { id, name: 'no metrics field' })).status).toBe(422);
  });

  it('stores a new policy and its edit as versions; clocks follow the version in force, from the ticket’s reportedAt', async () => {
    const { ticketId, region } = newTicket();
    const id = `e2e-${region}`;
    const created = await post('/v1/sla-policies', { id, ...policyFor(region, 2) });
    expect(created.status).toBe(202);
    expect(created.headers.get('location')).toBe(`/v1/sla-policies/${id}`);
    expect(await created.json()).toMatchObject({ policyId: id, version: 1, status: 'sent' });
    await waitForVersion(id, 1);
    expect((await post('/v1/sla-policies', { id, ...policyFor(region, 2) })).status).toBe(409);

    // Reported a second before intake took it in: the clock starts then (retroactive start).
    const acceptedAt = new Date();
    const reportedAt = new Date(acceptedAt.getTime() - 1_000);
    await produce('ticket.accepted', { ...acceptedData(ticketId, region, acceptedAt), reportedAt: reportedAt.toISOString() }, ticketId);
    const first = await waitForEvent<SlaClockStarted>(ticketId, 'sla.clock-started', 'first-response');
    expect(first.data.startedAt).toBe(reportedAt.toISOString());
    // 2 h of the policy × SLA_TIME_SCALE 0.002 = 14.4 s (the default would be 3.6 s).
    expect(new Date(first.data.dueAt).getTime() - reportedAt.getTime()).toBe(14_400);
    expect(new Date(first.data.warnAt).getTime() - reportedAt.getTime()).toBe(11_520);

    const edited = await post(`/v1/sla-policies/${id}`, policyFor(region, 1), 'PUT');
    expect(edited.status).toBe(202);
    const v2 = await waitForVersion(id, 2);
    expect(v2.versions.map((v) => v.version)).toEqual([1, 2]);
    const v1 = (await (await api(`/v1/sla-policies/${id}?version=1`)).json()) as PolicyView;
    expect(v1.metrics[0]!.target).toEqual({ amount: 2, unit: 'hours' });

    const later = newTicket();
    await produce('ticket.accepted', acceptedData(later.ticketId, region, new Date()), later.ticketId);
    const second = await waitForEvent<SlaClockStarted>(later.ticketId, 'sla.clock-started', 'first-response');
    expect(new Date(second.data.dueAt).getTime() - new Date(second.data.startedAt).getTime()).toBe(7_200);

    const db = new Client({ connectionString: infra.databaseUrl });
    await db.connect();
    try {
      const rows = await db.query<{ ticket_id: string; policy_id: string; policy_version: number }>(
        `SELECT ticket_id, policy_id, policy_version FROM sla.clocks WHERE ticket_id = ANY($1::uuid[]) AND metric = 'first-response'`,
        [[ticketId, later.ticketId]],
      );
      // The later ticket started under version 2; the earlier one's clock was re-attached to it by the edit.
      expect(Object.fromEntries(rows.rows.map((r) => [r.ticket_id, `${r.policy_id}@${r.policy_version}`]))).toEqual({ [ticketId]: `${id}@2`, [later.ticketId]: `${id}@2` });
      expect(ofType<SlaClockReattached>(ticketId, 'sla.clock-reattached', 'first-response').map((e) => e.data.previousPolicyVersion)).toEqual([1]);
      expect(ofType(later.ticketId, 'sla.clock-reattached', 'first-response')).toHaveLength(0);
    } finally {
      await db.end();
    }

    // An edit made on a version that is no longer the latest: the SLA monitor refuses it.
    const stale = await post(`/v1/sla-policies/${id}`, { ...policyFor(region, 4), baseVersion: 1 }, 'PUT');
    const { commandId } = (await stale.json()) as { commandId: string };
    const rejected = await waitFor(() => alerts.json<Envelope>().find((e) => e.type === 'command.rejected' && (e.data as { commandId: string }).commandId === commandId), {
      message: `command.rejected for ${commandId}`,
    });
    expect(rejected.data).toMatchObject({ code: 'SLA_POLICY.VERSION_CONFLICT', commandType: 'sla-policy.define' });
    expect(rejected.subject).toBe(id);
  });

  it('re-attaches the clocks of an edited policy to its new version, keeping the time they ran and stood still; the breach follows the new due time, once', async () => {
    const { ticketId, region } = newTicket();
    const id = `e2e-${region}`;
    expect((await post('/v1/sla-policies', { id, ...policyFor(region, 2, 2) })).status).toBe(202);
    await waitForVersion(id, 1);
    const acceptedAt = new Date();
    await produce('ticket.accepted', acceptedData(ticketId, region, acceptedAt), ticketId);
    const started = await waitForEvent<SlaClockStarted>(ticketId, 'sla.clock-started', 'resolution');
    const firstResponse = await waitForEvent<SlaClockStarted>(ticketId, 'sla.clock-started', 'first-response');
    const start = new Date(started.data.startedAt).getTime();
    // Held under an incident for one second (its resolution clock pauses), then sent to dispatch (it resumes).
    await sleep(start + 1_000 - Date.now());
    await produce('ticket.held', { ticketId, region, reason: 'incident', incidentId: `inc-${region}`, heldAt: new Date(start + 1_000).toISOString() }, ticketId);
    await sleep(start + 2_000 - Date.now());
    await produce('ticket.dispatch-requested', { ticketId, region, class: 'general', priority: 50, reason: 'accepted', requestedAt: new Date(start + 2_000).toISOString() }, ticketId);
    const resumed = await waitForEvent<SlaClockResumed>(ticketId, 'sla.clock-resumed', 'resolution');
    expect(new Date(resumed.data.dueAt).getTime() - start).toBe(14_400 + 1_000);
    // A hold never pauses first response.
    expect(ofType(ticketId, 'sla.clock-paused', 'first-response')).toHaveLength(0);

    // Resolution 1 h instead of 2 h (7.2 s scaled): what ran stays spent, the second it stood still is kept.
    expect((await post(`/v1/sla-policies/${id}`, policyFor(region, 2, 1), 'PUT')).status).toBe(202);
    const reattached = await waitForEvent<SlaClockReattached>(ticketId, 'sla.clock-reattached', 'resolution');
    expect(reattached.data).toMatchObject({ clockId: started.data.clockId, policyId: id, policyVersion: 2, previousPolicyVersion: 1, pausedMs: 1_000 });
    expect(new Date(reattached.data.dueAt).getTime() - start).toBe(7_200 + 1_000);
    expect(new Date(reattached.data.warnAt).getTime() - start).toBe(5_760 + 1_000);
    // The first-response target did not change: re-attaching keeps its due time.
    const frReattached = await waitForEvent<SlaClockReattached>(ticketId, 'sla.clock-reattached', 'first-response');
    expect(frReattached.data.dueAt).toBe(firstResponse.data.dueAt);

    const breached = await waitForEvent<SlaAlert>(ticketId, 'sla.breached', 'resolution', 20_000);
    expect(breached.data.dueAt).toBe(reattached.data.dueAt);
    expect(new Date(breached.data.at).getTime()).toBeGreaterThanOrEqual(new Date(reattached.data.dueAt).getTime());
    await waitPast(reattached.data.dueAt);
    expect(ofType(ticketId, 'sla.warning', 'resolution')).toHaveLength(1);
    expect(ofType(ticketId, 'sla.breached', 'resolution')).toHaveLength(1);
    expect(ofType(ticketId, 'sla.clock-reattached', 'resolution')).toHaveLength(1);
  });

  it('re-attaches a paused clock at its pause: the resume then shifts the new due time by the whole pause', async () => {
    const { ticketId, region } = newTicket();
    const id = `e2e-${region}`;
    expect((await post('/v1/sla-policies', { id, ...policyFor(region, 2, 2) })).status).toBe(202);
    await waitForVersion(id, 1);
    await produce('ticket.accepted', acceptedData(ticketId, region, new Date()), ticketId);
    const started = await waitForEvent<SlaClockStarted>(ticketId, 'sla.clock-started', 'resolution');
    const start = new Date(started.data.startedAt).getTime();
    await sleep(start + 1_000 - Date.now());
    const heldAt = new Date(start + 1_000);
    await produce('ticket.held', { ticketId, region, reason: 'incident', incidentId: `inc-${region}`, heldAt: heldAt.toISOString() }, ticketId);
    await waitForEvent(ticketId, 'sla.clock-paused', 'resolution');

    expect((await post(`/v1/sla-policies/${id}`, policyFor(region, 2, 1), 'PUT')).status).toBe(202);
    const reattached = await waitForEvent<SlaClockReattached>(ticketId, 'sla.clock-reattached', 'resolution');
    expect(reattached.data).toMatchObject({ reattachedAt: heldAt.toISOString(), elapsedMs: 1_000, pausedMs: 0 });
    expect(new Date(reattached.data.dueAt).getTime() - start).toBe(7_200);

    const requestedAt = new Date(Math.max(Date.now(), start + 3_000));
    await produce('ticket.dispatch-requested', { ticketId, region, class: 'general', priority: 50, reason: 'accepted', requestedAt: requestedAt.toISOString() }, ticketId);
    const resumed = await waitForEvent<SlaClockResumed>(ticketId, 'sla.clock-resumed', 'resolution');
    expect(new Date(resumed.data.dueAt).getTime() - start).toBe(7_200 + (requestedAt.getTime() - heldAt.getTime()));
  });

  it('previews when a written complaint breaches: Friday 15:00 Shanghai → reply due Monday 15:00; a pause moves resolution, never first response', async () => {
    const res = await post('/v1/sla-policies/preview', { policyId: 'complaint-written', start: '2026-11-27T07:00:00Z', pauses: [{ from: '2026-11-27T08:00:00Z', to: '2026-11-27T10:00:00Z' }] });
    expect(res.status).toBe(200);
    type Plan = { metric: string; dueAt: string | null; warnings: { fraction: number; at: string }[]; escalations: { level: string; at: string }[] };
    const body = (await res.json()) as { policyId: string; version: number; metrics: Plan[] };
    expect(body).toMatchObject({ policyId: 'complaint-written', version: 1 });
    const plan = (name: string) => body.metrics.find((m) => m.metric === name)!;
    expect(plan('first-response').dueAt).toBe('2026-11-27T07:30:00.000Z');
    expect(plan('reply').dueAt).toBe('2026-11-30T07:00:00.000Z');
    // 8 business hours: 50 % is Friday 15:00 + 3 h (closing) + 1 h on Monday = 10:00; 80 % Monday 13:24 (lunch skipped).
    expect(plan('reply').warnings).toEqual([
      { fraction: 0.5, at: '2026-11-30T02:00:00.000Z' },
      { fraction: 0.8, at: '2026-11-30T05:24:00.000Z' },
    ]);
    expect(plan('reply').escalations.slice(0, 2)).toEqual([
      expect.objectContaining({ level: 'team-lead', at: '2026-11-30T06:50:00.000Z' }),
      expect.objectContaining({ level: 'department-head', at: '2026-11-30T07:00:00.000Z' }),
    ]);
    // Resolution: one week on 24x7, plus the two paused hours.
    expect(plan('resolution').dueAt).toBe('2026-12-04T09:00:00.000Z');
    expect(plan('callback').dueAt).toBeNull(); // starts on completion

    const inline = await post('/v1/sla-policies/preview', { policy: { ...policyFor('anywhere', 1), metrics: [metric('first-response', 0)] }, start: '2026-11-27T07:00:00Z' });
    expect(inline.status).toBe(400);
    expect((await post('/v1/sla-policies/preview', { policyId: 'no-such-policy', start: '2026-11-27T07:00:00Z' })).status).toBe(404);
  });
});
