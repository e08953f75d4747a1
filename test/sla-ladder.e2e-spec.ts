import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { Client } from 'pg';
import {
  makeEvent,
  topicOf,
  Topics,
  type Envelope,
  type EventData,
  type EventType,
  type SlaAlert,
  type SlaClockResumed,
  type SlaClockStarted,
  type SlaClockStopped,
  type SlaEscalated,
  type SlaReminder,
  type SlaWarned,
} from '@switchboard/contracts';
import { physicalTopic } from '@switchboard/messaging';
import { testInfra, TopicCollector, waitFor } from '@switchboard/testing';
import { instantOfLocalTime, wallClockAt } from '@switchboard/time';
import { startService, type RunningService } from './support/service-process';

/**
 * The alert ladder of issue 6 (ADR 0028) through Kafka, PostgreSQL and Redis, with two SLA monitor
 * replicas sharing one timer index: warnings at 50 % and 80 %, reminders, the escalation levels in
 * order, each exactly once; approved suspensions pause resolution only; a Redis flush of this test's
 * keys loses nothing.
 *
 * Scale 0.002: a 1-hour first response runs 7.2 s — warned at 3.6 s and 5.76 s, team lead at
 * −10 min (6.0 s), department head at 0 (7.2 s), leadership at +10 min (8.4 s); reminders every
 * 10 minutes (1.2 s) after the latest warning or reminder.
 */
const SCALE = 0.002;
const KEY = `test-sla-ladder:${randomUUID()}`;
const TZ = 'Asia/Shanghai';

/** Quiet hours from the current Shanghai hour for two hours: every person-facing alert here falls inside, told at their end. */
function quietHoursNow(): { spec: string; endsAt: Date } {
  const now = wallClockAt(new Date(), TZ);
  const hh = (h: number) => String(h % 24).padStart(2, '0');
  return { spec: `${hh(now.hour)}:00-${hh(now.hour + 2)}:00`, endsAt: instantOfLocalTime(now.year, now.month, now.day, (now.hour + 2) * 60, TZ) };
}

const quiet = quietHoursNow();
const ENV = {
  SLA_TIME_SCALE: String(SCALE),
  SLA_POLL_MS: '100',
  SLA_REMINDER_MINUTES: '10',
  SLA_QUIET_HOURS: quiet.spec,
  SLA_REDIS_KEY: KEY,
  // Only the lost-index marker may bring timers back within a test: the periodic rebuild is too slow to.
  SLA_RECONCILE_MS: '600000',
  SLA_CLAIM_LEASE_MS: '5000',
};

const infra = testInfra();
const kafka = new Kafka({ clientId: 'sla-ladder-e2e', brokers: infra.kafkaBrokers, logLevel: logLevel.NOTHING });
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

let producer: Producer;
let alerts: TopicCollector;
let redis: Redis;
let db: Client;
let monitors: RunningService[] = [];
const created: { ticketId: string; region: string }[] = [];

beforeAll(async () => {
  producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  alerts = await new TopicCollector(kafka, [Topics.SlaAlerts]).start();
  redis = new Redis(infra.redisUrl);
  db = new Client({ connectionString: infra.databaseUrl });
  await db.connect();
  // Two replicas on ONE timer index: they compete for every timer.
  monitors = await Promise.all([startService('sla-monitor', 18140, ENV), startService('sla-monitor', 18141, ENV)]);
});

afterAll(async () => {
  const ids = created.map((t) => t.ticketId);
  for (const { ticketId, region } of created.splice(0)) {
    await produce('ticket.resolved', { ticketId, region, resolution: 'resolved-remotely', reply: 'e2e cleanup', intercepted: false, resolvedAt: new Date().toISOString() }, ticketId);
  }
  // Every clock of this file stopped before the monitors go: no later run inherits them.
  await waitFor(async () => (await db.query(`SELECT 1 FROM sla.clocks WHERE ticket_id = ANY($1::uuid[]) AND state <> 'stopped'`, [ids])).rowCount === 0, {
    message: 'the test tickets’ clocks to stop',
  });
  await Promise.all(monitors.map((m) => m.stop()));
  await redis.del(KEY, `${KEY}:epoch`);
  await Promise.all([alerts.stop(), producer.disconnect(), redis.quit(), db.end()]);
});

async function produce<T extends EventType>(type: T, data: EventData<T>, subject: string): Promise<Envelope<T, EventData<T>>> {
  const envelope = makeEvent(type, data, { source: 'test/sla-ladder-e2e', subject, time: new Date() });
  await producer.send({
    topic: physicalTopic(topicOf(type)),
    messages: [{ key: envelope.subject, value: JSON.stringify(envelope), headers: { 'event-type': envelope.type } }],
  });
  return envelope;
}

const ladder = [
  { level: 'team-lead', offset: { amount: -10, unit: 'minutes' }, notify: 'team-lead', dispatchAction: 'raise-priority' as const },
  { level: 'department-head', offset: { amount: 0, unit: 'minutes' }, notify: 'department-head', dispatchAction: 'support-team' as const },
  { level: 'company-leadership', offset: { amount: 10, unit: 'minutes' }, notify: 'company-leadership', dispatchAction: 'none' as const },
];

/** A policy for one test region: first response 1 h, resolution as given, both warned at 50 % and 80 %, the ladder above. */
async function definePolicy(region: string, resolutionHours: number): Promise<void> {
  const policyId = `e2e-${region}`;
  const metric = (name: string, hours: number, stopsOn: 'first-contact' | 'completion') => ({
    metric: name,
    target: { amount: hours, unit: 'hours' },
    startsOn: 'ticket' as const,
    stopsOn,
    pausable: name !== 'first-response',
    warnings: [0.5, 0.8],
    escalations: ladder,
  });
  await produce(
    'sla-policy.define',
    {
      policyId,
      baseVersion: 0,
      name: `ladder e2e ${region}`,
      selector: { kinds: ['repair'], services: ['broadband'], regions: [region] },
      calendar: { timeZone: TZ, hours: '24x7' },
      metrics: [metric('first-response', 1, 'first-contact'), metric('resolution', resolutionHours, 'completion')],
      definedBy: 'test/sla-ladder-e2e',
    },
    policyId,
  );
  await waitFor(() => alerts.json<Envelope>().find((e) => e.type === 'sla-policy.versioned' && e.subject === policyId), { message: `policy ${policyId} stored` });
}

async function acceptTicket(resolutionHours: number): Promise<{ ticketId: string; region: string }> {
  const ticket = { ticketId: randomUUID(), region: `r-${randomUUID().slice(0, 8)}` };
  await definePolicy(ticket.region, resolutionHours);
  created.push(ticket);
  const at = new Date().toISOString();
  await produce(
    'ticket.accepted',
    {
      ticketId: ticket.ticketId,
      source: 'test/sla-ladder-e2e',
      externalId: `L-${ticket.ticketId.slice(0, 8)}`,
      channel: 'phone',
      kind: 'repair',
      service: 'broadband',
      customerId: 'C-1',
      customerTier: 'standard',
      contact: { name: 'Li Wei', phone: '+86 571 5550 1234' },
      location: { region: ticket.region, county: 'xihu', zone: 'xihu-07' },
      reportedAt: at,
      acceptedAt: at,
      owner: 'agent/test/0001',
    },
    ticket.ticketId,
  );
  return ticket;
}

const eventsOf = (ticketId: string, metric: string) => alerts.json<Envelope>().filter((e) => e.subject === ticketId && (e.data as { metric?: string }).metric === metric);
const ofType = <T>(ticketId: string, type: string, metric: string) => eventsOf(ticketId, metric).filter((e) => e.type === type) as Envelope<string, T>[];
const waitForEvent = <T>(ticketId: string, type: string, metric: string, pick: (e: Envelope<string, T>) => boolean = () => true, timeoutMs = 20_000) =>
  waitFor(() => ofType<T>(ticketId, type, metric).find(pick), { timeoutMs, message: `${type} (${metric}) for ticket ${ticketId}` });

const offset = (started: Envelope<string, SlaClockStarted>, iso: string) => new Date(iso).getTime() - new Date(started.data.startedAt).getTime();

/** Waits for the whole ladder of a first-response clock and checks it: each alert once, in order, on time. */
async function expectFullLadder(ticketId: string): Promise<void> {
  const started = await waitForEvent<SlaClockStarted>(ticketId, 'sla.clock-started', 'first-response');
  const leadership = await waitForEvent<SlaEscalated>(ticketId, 'sla.escalated', 'first-response', (e) => e.data.level === 'company-leadership', 25_000);
  // Past the last level, then a margin: nothing may come twice.
  await sleep(1_500);

  const warned = ofType<SlaWarned>(ticketId, 'sla.warned', 'first-response');
  expect(warned.map((e) => [e.data.fraction, e.data.warning])).toEqual([
    [0.5, 1],
    [0.8, 2],
  ]);
  expect(ofType<SlaAlert>(ticketId, 'sla.warning', 'first-response')).toHaveLength(1);
  expect(ofType<SlaAlert>(ticketId, 'sla.breached', 'first-response')).toHaveLength(1);
  const escalated = ofType<SlaEscalated>(ticketId, 'sla.escalated', 'first-response');
  expect(escalated.map((e) => [e.data.level, e.data.notify, e.data.action])).toEqual([
    ['team-lead', 'team-lead', 'raise-priority'],
    ['department-head', 'department-head', 'support-team'],
    ['company-leadership', 'company-leadership', 'none'],
  ]);
  // Never before their instants (−1.2 s, 0, +1.2 s around the 7.2 s target).
  expect(escalated.map((e) => offset(started, e.data.at) >= [6_000, 7_200, 8_400][escalated.indexOf(e)]!)).toEqual([true, true, true]);
  expect(offset(started, warned[0]!.data.at)).toBeGreaterThanOrEqual(3_600);
  expect(offset(started, warned[1]!.data.at)).toBeGreaterThanOrEqual(5_760);

  const reminders = ofType<SlaReminder>(ticketId, 'sla.reminder', 'first-response');
  expect(reminders.length).toBeGreaterThanOrEqual(2);
  expect(reminders.map((r) => r.data.reminder)).toEqual(reminders.map((_, i) => i + 1));
  // The first reminder one interval (1.2 s) after the first warning; none before it.
  expect(new Date(reminders[0]!.data.at).getTime() - new Date(warned[0]!.data.at).getTime()).toBeGreaterThanOrEqual(1_200);

  // Raised on time, told after the quiet hours.
  for (const e of [...escalated, ...reminders]) {
    expect(e.data).toMatchObject({ quietHours: true, notifyAt: quiet.endsAt.toISOString() });
  }

  // In the partition's order: 50 % → first reminder → team lead → department head → leadership.
  const order = eventsOf(ticketId, 'first-response').map((e) => e.id);
  const pos = (e: Envelope) => order.indexOf(e.id);
  expect(pos(warned[0]!)).toBeLessThan(pos(reminders[0]!));
  expect(pos(warned[0]!)).toBeLessThan(pos(warned[1]!));
  expect(pos(escalated[0]!)).toBeLessThan(pos(escalated[1]!));
  expect(pos(escalated[1]!)).toBeLessThan(pos(leadership));
}

describe('the SLA alert ladder with two replicas on one timer index', () => {
  it('warns at 50 % and 80 %, reminds, escalates team lead → department head → leadership — each exactly once; reminders stop with the clock', async () => {
    const { ticketId, region } = await acceptTicket(100);
    await expectFullLadder(ticketId);

    const contacted = await produce('assignment.contacted', { ticketId, assignmentId: randomUUID(), technicianId: 'T-E2E-01', region, at: new Date().toISOString() }, ticketId);
    const stopped = await waitForEvent<SlaClockStopped>(ticketId, 'sla.clock-stopped', 'first-response');
    expect(stopped.data.met).toBe(false);
    const count = ofType(ticketId, 'sla.reminder', 'first-response').length;
    await sleep(2_500); // two reminder intervals
    expect(ofType(ticketId, 'sla.reminder', 'first-response').length).toBeLessThanOrEqual(count + 1); // at most one raised while the stop was in flight
    expect(ofType<SlaReminder>(ticketId, 'sla.reminder', 'first-response').every((r) => new Date(r.data.at).getTime() <= new Date(contacted.time).getTime() + 1_000)).toBe(true);
  });

  it('loses no alert when this test’s Redis keys are deleted in the middle of the ladder: the lost index is noticed and rebuilt', async () => {
    const { ticketId } = await acceptTicket(100);
    const started = await waitForEvent<SlaClockStarted>(ticketId, 'sla.clock-started', 'first-response');
    await waitForEvent<SlaWarned>(ticketId, 'sla.warned', 'first-response', (e) => e.data.fraction === 0.5);
    expect(await redis.del(KEY, `${KEY}:epoch`)).toBe(2);
    // Rebuilt from PostgreSQL by a replica noticing the missing marker (the periodic rebuild is 10 minutes away).
    await waitFor(async () => (await redis.zscore(KEY, `${started.data.clockId}:breached`)) !== null && (await redis.exists(`${KEY}:epoch`)) === 1, {
      message: 'the timer index rebuilt after the flush',
    });
    await expectFullLadder(ticketId);
  });
});

describe('pausing right', () => {
  it('an approved suspension pauses resolution, never first response; its end resumes with the due time shifted by the pause', async () => {
    // Resolution 2 h = 14.4 s; first response 7.2 s.
    const { ticketId, region } = await acceptTicket(2);
    const resolution = await waitForEvent<SlaClockStarted>(ticketId, 'sla.clock-started', 'resolution');
    const firstResponse = await waitForEvent<SlaClockStarted>(ticketId, 'sla.clock-started', 'first-response');
    const start = new Date(resolution.data.startedAt).getTime();
    const approvalId = randomUUID();
    const suspendedAt = new Date(start + 1_000);
    const endedAt = new Date(start + 2_500);
    await sleep(suspendedAt.getTime() - Date.now());
    await produce(
      'ticket.suspended',
      { ticketId, approvalId, region, reason: 'customer-absent', requestedBy: 'T-E2E-01', approvedBy: 'sup-e2e', at: suspendedAt.toISOString() },
      ticketId,
    );
    const paused = await waitForEvent(ticketId, 'sla.clock-paused', 'resolution');
    expect(paused.data).toMatchObject({ pausedAt: suspendedAt.toISOString(), reason: 'ticket.suspended: customer-absent' });

    // A known-issue hold on top: the clock waits for both to end.
    await produce('ticket.held', { ticketId, region, reason: 'known-issue', knownIssueId: 'ki-e2e', heldAt: new Date(start + 1_500).toISOString() }, ticketId);
    await sleep(Math.max(0, endedAt.getTime() - Date.now()));
    await produce('ticket.suspension-ended', { ticketId, approvalId, region, endedBy: 'sup-e2e', at: endedAt.toISOString() }, ticketId);
    await waitFor(async () => (await db.query<{ holds: string[] }>(`SELECT holds FROM sla.clocks WHERE id = $1`, [resolution.data.clockId])).rows[0]?.holds.join() === 'hold', {
      message: 'the suspension to end, the known-issue hold to remain',
    });
    expect(ofType(ticketId, 'sla.clock-resumed', 'resolution')).toHaveLength(0);
    const requestedAt = new Date(start + 3_000);
    await produce('ticket.dispatch-requested', { ticketId, region, class: 'general', priority: 50, reason: 'accepted', requestedAt: requestedAt.toISOString() }, ticketId);
    const resumed = await waitForEvent<SlaClockResumed>(ticketId, 'sla.clock-resumed', 'resolution');
    expect(resumed.data.pausedMs).toBe(2_000);
    expect(new Date(resumed.data.dueAt).getTime() - start).toBe(14_400 + 2_000);
    expect(new Date(resumed.data.warnAt).getTime() - start).toBe(11_520 + 2_000);

    // First response never paused: it breaches on its own time.
    const breached = await waitForEvent<SlaAlert>(ticketId, 'sla.breached', 'first-response');
    expect(breached.data.dueAt).toBe(firstResponse.data.dueAt);
    expect(ofType(ticketId, 'sla.clock-paused', 'first-response')).toHaveLength(0);
    const resolutionBreach = await waitForEvent<SlaAlert>(ticketId, 'sla.breached', 'resolution');
    expect(resolutionBreach.data.dueAt).toBe(resumed.data.dueAt);
  });

  it('a ticket answered by a known issue has had its first response: that clock stops, met; resolution runs on', async () => {
    const { ticketId, region } = await acceptTicket(100);
    await waitForEvent<SlaClockStarted>(ticketId, 'sla.clock-started', 'first-response');
    const answeredAt = new Date().toISOString();
    await produce(
      'ticket.answered-by-known-issue',
      { ticketId, region, knownIssueId: 'ki-e2e', knownIssueKind: 'outage', explanation: 'A fibre cut is being repaired.', outcome: 'held-until-fixed', swept: false, answeredAt },
      ticketId,
    );
    await produce('ticket.held', { ticketId, region, reason: 'known-issue', knownIssueId: 'ki-e2e', heldAt: answeredAt }, ticketId);
    const stopped = await waitForEvent<SlaClockStopped>(ticketId, 'sla.clock-stopped', 'first-response');
    expect(stopped.data).toMatchObject({ stoppedAt: answeredAt, met: true });
    await waitForEvent(ticketId, 'sla.clock-paused', 'resolution');
    expect(ofType(ticketId, 'sla.clock-paused', 'first-response')).toHaveLength(0);
  });
});
