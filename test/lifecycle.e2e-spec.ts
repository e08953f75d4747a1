import type { ReadableStreamReadResult } from 'node:stream/web';
import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import { makeEvent, ticketIdFor, type TechnicianRegister, type TicketReceived } from '@switchboard/contracts';
import { createKafka, physicalTopic } from '@switchboard/messaging';
import { testInfra, TopicCollector, waitFor } from '@switchboard/testing';
import { GatewayClient, runSimulation, seedDemo } from '../apps/simulator/src';
import { registerRoster, startPlatform, TEST_API_KEY, type RunningPlatform } from './support/platform';

/**
 * Issue #3, the walking skeleton: one ticket travels intake → dispatch → SLA → callback →
 * scoring, over the real Kafka, PostgreSQL and Redis, with every service a separate process.
 */
describe('ticket lifecycle end to end', () => {
  // First response is 30 min × scale ≈ 6 s here; resolution (24 h for repairs) stays far away.
  const SLA_TIME_SCALE = 6 / 1800;
  const region = `r-${randomUUID().slice(0, 8)}`;
  const kafkaSource = 'call-centre/kafka-e2e';
  let platform: RunningPlatform;
  let producer: Producer;
  let kpis: TopicCollector;

  const technicians: TechnicianRegister[] = ['z1', 'z1', 'z2', 'z3', 'z3'].map((zone, i) => ({
    technicianId: `${region}-t${i}`,
    name: `Engineer ${i}`,
    phone: `+86 138 0000 ${String(1000 + i)}`,
    employer: 'own-staff',
    region,
    county: 'c1',
    zone,
    group: `${region}-g1`,
    skills: [{ service: 'broadband', kinds: ['install', 'move', 'repair', 'complaint'] }],
    onDuty: true,
    dailyCapacity: 100,
  }));

  const ticket = (externalId: string, zone = 'z1'): TicketReceived => ({
    externalId,
    channel: 'phone',
    kind: 'repair',
    service: 'broadband',
    customer: { id: `C-${externalId}`, name: 'Test Customer', phone: '+86 571 5550 0000', tier: 'standard' },
    location: { region, county: 'c1', zone },
    summary: 'Broadband is down',
    reportedAt: new Date().toISOString(),
    receivedBy: 'agent/e2e',
  });

  const getTicket = async (id: string) => {
    const res = await platform.api(`/v1/tickets/${id}`);
    return res.status === 200 ? ((await res.json()) as TicketView) : undefined;
  };

  beforeAll(async () => {
    // Complaints are called back by an agent on the phone (the simulator plays the agents); no
    // quiet hours, so the run does not depend on the time of day it happens at.
    platform = await startPlatform(18000, {
      SLA_TIME_SCALE: String(SLA_TIME_SCALE),
      SLA_POLL_MS: '100',
      CALLBACK_DELAY_MS: '500',
      CALLBACK_POLL_MS: '100',
      CALLBACK_PHONE_KINDS: 'complaint',
      CALLBACK_QUIET_HOURS: 'off',
      CALLBACK_RETRY_SPACING_MS: '300',
      // The simulator plays technicians, not back-office departments: its mobile complaints stay with technicians here (ADR 0030).
      DEPARTMENT_COMPLAINT_CATEGORIES: '',
    });
    const kafka = createKafka({ brokers: testInfra().kafkaBrokers, clientId: 'lifecycle-e2e' });
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    kpis = await new TopicCollector(kafka, ['scoring.kpis.v1']).start();
    await registerRoster(platform.api, technicians);
  });

  afterAll(async () => {
    await kpis?.stop();
    await producer?.disconnect();
    await platform?.stop();
  });

  it('accepts and assigns 100 tickets over HTTP and 100 over Kafka, each with its timeline', async () => {
    const httpIds = await Promise.all(
      Array.from({ length: 100 }, async (_, i) => {
        const res = await platform.api('/v1/tickets', { method: 'POST', body: JSON.stringify(ticket(`HTTP-${region}-${i}`, ['z1', 'z2', 'z3'][i % 3])) });
        expect(res.status).toBe(202);
        const body = (await res.json()) as { ticketId: string };
        expect(res.headers.get('location')).toBe(`/v1/tickets/${body.ticketId}`);
        return body.ticketId;
      }),
    );
    const kafkaRefs = Array.from({ length: 100 }, (_, i) => `KAFKA-${region}-${i}`);
    await producer.send({
      topic: physicalTopic('tickets.inbound.v1'),
      messages: kafkaRefs.map((ref) => ({
        key: ref,
        value: JSON.stringify(makeEvent('ticket.received', ticket(ref, 'z2'), { source: kafkaSource, subject: ref, time: new Date() })),
      })),
    });

    const assigned = async () => {
      const res = await platform.api(`/v1/tickets?region=${region}&state=assigned&limit=200`);
      return ((await res.json()) as { total: number }).total;
    };
    await waitFor(async () => ((await assigned()) >= 200 ? true : undefined), { timeoutMs: 60_000, message: '200 tickets assigned' });

    // A Kafka-only system finds its ticket by its own reference.
    const found = (await (await platform.api(`/v1/tickets?source=${encodeURIComponent(kafkaSource)}&externalId=${kafkaRefs[7]}`)).json()) as {
      items: { id: string; repeatFault: boolean; class: string | null; priority: number | null }[];
    };
    expect(found.items.map((t) => t.id)).toEqual([ticketIdFor(kafkaSource, kafkaRefs[7]!)]);
    // List items carry intake's sorting too.
    const listed = found.items[0]!;
    expect(typeof listed.repeatFault).toBe('boolean');
    expect(['general', 'important']).toContain(listed.class);
    expect(Number.isInteger(listed.priority)).toBe(true);

    for (const id of [httpIds[0]!, httpIds[57]!, found.items[0]!.id]) {
      // The customer's notice (notifications.outbound.v1) and the SLA clocks (sla.alerts.v1) travel
      // on other topics than ticket.assigned: the read model may see them a moment after the ticket
      // shows as assigned, so wait for all of them.
      const view = await waitFor(
        async () => {
          const v = (await getTicket(id))!;
          const seen = new Set(v.timeline.map((e) => e.type));
          return seen.has('notification.requested') && seen.has('sla.clock-started') && v.clocks.length === 2 ? v : undefined;
        },
        { message: `the customer notice and both SLA clocks in the view of ${id}` },
      );
      expect(view.ticket.state).toBe('assigned');
      expect(view.ticket.owner).toBe('agent/e2e');
      const types = view.timeline.map((e) => e.type);
      expect(types).toEqual(expect.arrayContaining(['ticket.accepted', 'ticket.assigned', 'sla.clock-started', 'notification.requested']));
      expect(types.indexOf('ticket.accepted')).toBeLessThan(types.indexOf('ticket.assigned'));
      // Intake's sorting joins the timeline and shows on the ticket (issue 4).
      const triaged = view.timeline.find((e) => e.type === 'ticket.triaged')?.data as { class: string; priority: number; reasons: string[] } | undefined;
      expect(triaged?.reasons.length).toBeGreaterThan(0);
      expect(view.ticket).toMatchObject({ class: triaged!.class, priority: triaged!.priority, repeatFault: types.includes('ticket.repeat-fault-detected') });
      expect(view.clocks.map((c) => c.metric).sort()).toEqual(['first-response', 'resolution']);
      const assignedEvent = view.timeline.find((e) => e.type === 'ticket.assigned')!;
      expect((assignedEvent.data as { reason: { explanation: string } }).reason.explanation).toBeTruthy();
    }
  });

  it('gives a resubmitted externalId the same ticket, and tells the sender why an invalid event was refused without stopping the rest', async () => {
    const ref = `RESUB-${region}`;
    const first = (await (await platform.api('/v1/tickets', { method: 'POST', body: JSON.stringify(ticket(ref)) })).json()) as { ticketId: string };
    const second = (await (await platform.api('/v1/tickets', { method: 'POST', body: JSON.stringify(ticket(ref)) })).json()) as { ticketId: string };
    expect(second.ticketId).toBe(first.ticketId);

    const badRef = `BAD-${region}`;
    const goodRef = `GOOD-${region}`;
    const bad = makeEvent('ticket.received', ticket(badRef), { source: kafkaSource, subject: badRef, time: new Date() });
    await producer.send({
      topic: physicalTopic('tickets.inbound.v1'),
      messages: [
        { key: badRef, value: JSON.stringify({ ...bad, data: { ...bad.data, service: 'telegraph' } }) },
        { key: goodRef, value: JSON.stringify(makeEvent('ticket.received', ticket(goodRef), { source: kafkaSource, subject: goodRef, time: new Date() })) },
      ],
    });
    await waitFor(() => getTicket(ticketIdFor(kafkaSource, goodRef)), { message: 'the valid ticket after the invalid one' });
    const rejection = await waitFor(
      async () => {
        const body = (await (await platform.api(`/v1/rejections?source=${encodeURIComponent(kafkaSource)}&externalId=${badRef}`)).json()) as { items: { reasons: { path: string }[] }[] };
        return body.items[0];
      },
      { message: 'the rejection of the invalid event' },
    );
    expect(rejection.reasons.map((r) => r.path)).toContain('data.service');

    await waitFor(async () => ((await getTicket(first.ticketId))?.timeline.length ?? 0) > 2 || undefined, { message: 'the resubmitted ticket to be processed' });
    const view = (await getTicket(first.ticketId))!;
    expect(view.timeline.filter((e) => e.type === 'ticket.accepted')).toHaveLength(1);
  });

  it('warns and then breaches an uncontacted ticket exactly once each, and neither for a contacted one', async () => {
    const quiet = (await (await platform.api('/v1/tickets', { method: 'POST', body: JSON.stringify(ticket(`QUIET-${region}`)) })).json()) as { ticketId: string };
    const served = (await (await platform.api('/v1/tickets', { method: 'POST', body: JSON.stringify(ticket(`SERVED-${region}`)) })).json()) as { ticketId: string };
    const assignment = await waitFor(async () => (await getTicket(served.ticketId))?.ticket.assignment ?? undefined, { message: 'the served ticket to be assigned' });
    expect((await platform.api(`/v1/assignments/${assignment.assignmentId}/contact`, { method: 'POST', body: '{}' })).status).toBe(202);

    const quietView = await waitFor(
      async () => {
        const v = await getTicket(quiet.ticketId);
        return v?.timeline.some((e) => e.type === 'sla.breached') ? v : undefined;
      },
      { timeoutMs: 30_000, message: 'the quiet ticket to breach its first response' },
    );
    // Past the due time with a margin, a second alert would have shown up.
    await new Promise((r) => setTimeout(r, 2_000));
    const finalQuiet = (await getTicket(quiet.ticketId))!;
    const alerts = (v: TicketView, type: string) => v.timeline.filter((e) => e.type === type && (e.data as { metric: string }).metric === 'first-response');
    expect(alerts(finalQuiet, 'sla.warning')).toHaveLength(1);
    expect(alerts(finalQuiet, 'sla.breached')).toHaveLength(1);
    expect(finalQuiet.timeline.findIndex((e) => e.type === 'sla.warning')).toBeLessThan(finalQuiet.timeline.findIndex((e) => e.type === 'sla.breached'));
    expect(quietView.ticket.breached).toBe(true);

    const servedView = (await getTicket(served.ticketId))!;
    expect(alerts(servedView, 'sla.warning')).toHaveLength(0);
    expect(alerts(servedView, 'sla.breached')).toHaveLength(0);
    expect(servedView.clocks.find((c) => c.metric === 'first-response')).toMatchObject({ state: 'stopped', met: true });
  });

  it('follows completion with a survey whose answers the KPI record on scoring.kpis.v1 counts', async () => {
    const { ticketId } = (await (await platform.api('/v1/tickets', { method: 'POST', body: JSON.stringify(ticket(`DONE-${region}`, 'z3')) })).json()) as { ticketId: string };
    const assignment = await waitFor(async () => (await getTicket(ticketId))?.ticket.assignment ?? undefined, { message: 'assignment' });
    for (const [action, body] of [['accept', {}], ['contact', {}], ['arrive', {}], ['complete', { resolutionCode: 'fixed' }]] as const) {
      const res = await platform.api(`/v1/assignments/${assignment.assignmentId}/${action}`, { method: 'POST', body: JSON.stringify(body) });
      expect(res.status).toBe(202);
      const state = { accept: 'acknowledged', contact: 'contacted', arrive: 'on-site', complete: 'completed' }[action];
      await waitFor(async () => (await getTicket(ticketId))?.ticket.state === state || undefined, { message: `state ${state}` });
    }
    const survey = await waitFor(async () => (await getTicket(ticketId))?.ticket.survey ?? undefined, { message: 'the survey to be scheduled' });
    const answers = { contactTimeliness: 5, appointmentKeeping: 5, technicalLevel: 4, serviceAttitude: 5 };
    expect((await platform.api(`/v1/surveys/${survey.surveyId}/answers`, { method: 'POST', body: JSON.stringify({ answers }) })).status).toBe(202);
    const closed = await waitFor(async () => ((await getTicket(ticketId))?.ticket.state === 'closed' ? getTicket(ticketId) : undefined), { message: 'the ticket to close' });
    expect(closed!.ticket.survey).toMatchObject({ state: 'completed', verdict: 'satisfied' });
    expect(closed!.timeline.map((e) => e.type)).toEqual(expect.arrayContaining(['assignment.completed', 'survey.scheduled', 'survey.completed']));

    type Kpi = { data: { region: string; counters: Record<string, number> } };
    const record = await waitFor(
      () => kpis.json<Kpi>('scoring.kpis.v1').filter((k) => k.data.region === region).find((k) => k.data.counters.satisfied >= 1 && k.data.counters.completed >= 1),
      { timeoutMs: 30_000, message: `a kpi.updated record for ${region} counting the satisfied survey` },
    );
    expect(record.data.counters.surveyed).toBeGreaterThanOrEqual(1);
    expect(record.data.counters.accepted).toBeGreaterThanOrEqual(200);
    expect(record.data.counters.assigned).toBeGreaterThanOrEqual(200);
    expect(record.data.counters.breached).toBeGreaterThanOrEqual(1);
    const serialized = JSON.stringify(kpis.json('scoring.kpis.v1'));
    expect(serialized).not.toContain('Test Customer');
    expect(serialized).not.toContain('5550 0000');
  });

  it('streams the platform events of a new ticket as server-sent events', async () => {
    const controller = new AbortController();
    const res = await fetch(platform.services.gateway!.url(`/v1/stream?region=${region}`), { headers: { authorization: `Bearer ${TEST_API_KEY}` }, signal: controller.signal });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = res.body!.getReader();
    let text = '';
    const { ticketId } = (await (await platform.api('/v1/tickets', { method: 'POST', body: JSON.stringify(ticket(`SSE-${region}`)) })).json()) as { ticketId: string };
    await waitFor(
      async () => {
        const chunk: ReadableStreamReadResult<Uint8Array> = await reader.read();
        text += new TextDecoder().decode(chunk.value);
        return text.includes('event: ticket.assigned') && text.includes(ticketId) ? true : undefined;
      },
      { message: 'ticket.accepted and ticket.assigned on the stream' },
    );
    expect(text).toContain('event: ticket.accepted');
    controller.abort();
  });

  it('carries the simulator\'s call centre, technicians, customers and callback agents through the real platform', async () => {
    const api = new GatewayClient({ baseUrl: platform.services.gateway!.url(''), apiKey: TEST_API_KEY });
    await seedDemo(api);
    const counts = await runSimulation({
      api,
      maxTickets: 20,
      rate: 1200,
      speed: 2000,
      drainMs: 45_000,
      runId: region,
      lateShare: 0,
      startAt: new Date('2026-11-24T02:00:00Z'),
    });
    expect(counts).toMatchObject({ sent: 20, accepted: 20, errors: 0 });
    // Unsatisfied customers have their tickets reopened: one more assignment, completion and callback each.
    // A callback ends answered (a survey) or, after the phone attempts went unanswered, unreachable.
    expect(counts).toMatchObject({ assigned: 20 + counts.reopened, completed: 20 + counts.reopened, surveysScheduled: 20 + counts.reopened });
    expect(counts.surveyed + counts.unreachable).toBe(20 + counts.reopened);
    expect(counts.surveyed - counts.satisfied).toBe(counts.reopened + counts.escalated);
    // The run's complaints were called back by the simulated agents through the phone queue.
    expect(counts.callbacksClaimed).toBeGreaterThan(0);
    expect(counts.callbacksClaimed).toBe(counts.callsAnswered + counts.noAnswers);
  });

  it('refuses calls without a valid key, and bad bodies with a reason per field', async () => {
    expect((await fetch(platform.services.gateway!.url('/v1/tickets'))).status).toBe(401);
    expect((await fetch(platform.services.gateway!.url('/v1/tickets'), { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
    const res = await platform.api('/v1/tickets', { method: 'POST', body: JSON.stringify({ ...ticket(`X-${region}`), kind: 'teleport', extra: true }) });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: string; reasons: { path: string }[] };
    expect(body.error).toBe('VALIDATION_FAILED');
    expect(body.reasons.map((r) => r.path).sort()).toEqual(['(root)', 'kind']);
  });

  it('reopens a ticket after an unsatisfied survey: same owner, new assignment, fresh resolution clock, new survey, then closed', async () => {
    const { ticketId } = (await (await platform.api('/v1/tickets', { method: 'POST', body: JSON.stringify(ticket(`LOOP-${region}`, 'z3')) })).json()) as { ticketId: string };
    const work = async (assignmentId: string) => {
      for (const [action, body] of [['accept', {}], ['contact', {}], ['arrive', {}], ['complete', { resolutionCode: 'fixed' }]] as const) {
        const res = await platform.api(`/v1/assignments/${assignmentId}/${action}`, { method: 'POST', body: JSON.stringify(body) });
        expect(res.status).toBe(202);
        const state = { accept: 'acknowledged', contact: 'contacted', arrive: 'on-site', complete: 'completed' }[action];
        await waitFor(async () => ((await getTicket(ticketId))?.ticket.state === state && (await getTicket(ticketId))?.ticket.assignment?.assignmentId === assignmentId) || undefined, {
          message: `state ${state} of assignment ${assignmentId}`,
        });
      }
    };
    const events = (v: TicketView, type: string) => v.timeline.filter((e) => e.type === type);

    // Round 1: assigned, worked, completed, and the customer answers the survey unsatisfied.
    const first = await waitFor(async () => (await getTicket(ticketId))?.ticket.assignment ?? undefined, { message: 'the first assignment' });
    await work(first.assignmentId);
    const firstSurvey = await waitFor(async () => (await getTicket(ticketId))?.ticket.survey ?? undefined, { message: 'the first survey' });
    const unhappy = { contactTimeliness: 2, appointmentKeeping: 2, technicalLevel: 2, serviceAttitude: 2 };
    expect((await platform.api(`/v1/surveys/${firstSurvey.surveyId}/answers`, { method: 'POST', body: JSON.stringify({ answers: unhappy }) })).status).toBe(202);

    // Intake reopens the same ticket under the same owner, with a raised priority; dispatch places it again.
    const reopened = await waitFor(
      async () => {
        const v = await getTicket(ticketId);
        return v && events(v, 'ticket.reopened').length > 0 && v.ticket.assignment && v.ticket.assignment.assignmentId !== first.assignmentId ? v : undefined;
      },
      { timeoutMs: 30_000, message: 'the ticket to be reopened and assigned again' },
    );
    expect(events(reopened, 'survey.completed').map((e) => (e.data as { verdict: string }).verdict)).toEqual(['unsatisfied']);
    expect(events(reopened, 'survey.unsatisfied').map((e) => e.data)).toEqual([expect.objectContaining({ surveyId: firstSurvey.surveyId, ticketId, attempt: 1 })]);
    expect(events(reopened, 'ticket.escalated-to-management')).toHaveLength(0);
    const reopenedEvent = events(reopened, 'ticket.reopened');
    expect(reopenedEvent).toHaveLength(1);
    expect(reopenedEvent[0]!.data).toMatchObject({ ticketId, owner: 'agent/e2e', reopenCount: 1, reason: 'customer-unsatisfied', priority: 'high', surveyId: firstSurvey.surveyId });
    expect(reopened.ticket).toMatchObject({ id: ticketId, owner: 'agent/e2e', reopenCount: 1, round: 2, state: 'assigned' });
    const assignedEvents = events(reopened, 'ticket.assigned');
    expect(assignedEvents).toHaveLength(2);
    const second = reopened.ticket.assignment!;
    const redispatch = assignedEvents[1]!.data as { assignmentId: string; reason: { explanation: string } };
    expect(redispatch.assignmentId).toBe(second.assignmentId);
    expect(redispatch.reason.explanation).toMatch(/^reopened once after an unsatisfied callback, priority high — /);
    const types = reopened.timeline.map((e) => e.type);
    expect(types.indexOf('survey.unsatisfied')).toBeLessThan(types.indexOf('ticket.reopened'));

    // The SLA monitor starts a fresh resolution clock; the first round's clocks stay stopped, first response is not restarted.
    const clocks = await waitFor(
      async () => {
        const c = (await getTicket(ticketId))!.clocks;
        return c.filter((k) => k.metric === 'resolution').length === 2 ? c : undefined;
      },
      { message: 'a fresh resolution clock' },
    );
    const resolution = clocks.filter((c) => c.metric === 'resolution');
    expect(new Set(resolution.map((c) => c.clockId)).size).toBe(2);
    expect(resolution.map((c) => c.state).sort()).toEqual(['running', 'stopped']);
    expect(clocks.filter((c) => c.metric === 'first-response')).toEqual([expect.objectContaining({ state: 'stopped', met: true })]);

    // Round 2: the technician works the new assignment; a new survey follows, answered satisfied: closed.
    await work(second.assignmentId);
    const secondSurvey = await waitFor(
      async () => {
        const s = (await getTicket(ticketId))?.ticket.survey;
        return s && s.surveyId !== firstSurvey.surveyId ? s : undefined;
      },
      { message: 'a new survey after the new fix' },
    );
    expect(secondSurvey.state).toBe('scheduled');
    const happy = { contactTimeliness: 5, appointmentKeeping: 5, technicalLevel: 5, serviceAttitude: 5 };
    expect((await platform.api(`/v1/surveys/${secondSurvey.surveyId}/answers`, { method: 'POST', body: JSON.stringify({ answers: happy }) })).status).toBe(202);
    const closed = await waitFor(async () => ((await getTicket(ticketId))?.ticket.state === 'closed' ? getTicket(ticketId) : undefined), { message: 'the reopened ticket to close' });
    expect(closed!.ticket).toMatchObject({ owner: 'agent/e2e', reopenCount: 1, survey: { surveyId: secondSurvey.surveyId, state: 'completed', verdict: 'satisfied' } });
    expect(events(closed!, 'survey.scheduled')).toHaveLength(2);
    expect(events(closed!, 'survey.completed').map((e) => (e.data as { verdict: string }).verdict)).toEqual(['unsatisfied', 'satisfied']);
    expect(events(closed!, 'survey.unsatisfied')).toHaveLength(1);
    expect(events(closed!, 'ticket.reopened')).toHaveLength(1);
    const finalResolution = await waitFor(
      async () => {
        const r = (await getTicket(ticketId))!.clocks.filter((c) => c.metric === 'resolution');
        return r.every((c) => c.state === 'stopped') ? r : undefined;
      },
      { message: 'the fresh resolution clock to stop at the new fix' },
    );
    expect(finalResolution.map((c) => c.met)).toEqual([true, true]);
  });
});

interface TicketView {
  ticket: {
    id: string;
    state: string;
    owner: string;
    breached: boolean;
    round: number;
    reopenCount: number;
    repeatFault: boolean;
    class: string | null;
    priority: number | null;
    assignment: { assignmentId: string; technicianId: string; state: string } | null;
    survey: { surveyId: string; state: string; verdict: string | null } | null;
  };
  clocks: { clockId: string; metric: string; state: string; met: boolean | null }[];
  timeline: { eventId: string; type: string; time: string; data: unknown }[];
}
