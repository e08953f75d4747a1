import { randomUUID } from 'node:crypto';
import type { Kafka, Producer } from 'kafkajs';
import { Client } from 'pg';
import { makeEvent, ticketReceivedExample, Topics, type CommandRejected, type Envelope, type TicketReceived } from '@switchboard/contracts';
import { createKafka, physicalTopic } from '@switchboard/messaging';
import { testInfra, TopicCollector, waitFor } from '@switchboard/testing';
import { DEMO_REGION } from '../apps/simulator/src/domain/demo-region';
import { GatewayClient } from '../apps/simulator/src/gateway/gateway-client';
import { OutageScenario } from '../apps/simulator/src/outage-scenario';
import { startService, TEST_API_KEY, type RunningService } from './support/service-process';

interface TimelineEntry {
  type: string;
  data: Record<string, unknown>;
}

interface KnownIssueView {
  id: string;
  state: 'open' | 'closed';
  kind: string;
  ticketsSwept: number;
  ticketsClosed: number | null;
  linkedTickets: number;
  note: string | null;
}

/**
 * Known-issue answers ("一次性答复", domain.md §2) through the gateway's HTTP API, with intake and
 * the gateway as processes on the real broker and database: a repair or complaint inside an
 * active known issue is answered at once instead of handed to dispatch; opening an issue sweeps
 * the open tickets inside it; closing an outage resolves the tickets held for it and tells their
 * customers again.
 */
describe('known issues (POST /v1/known-issues → intake answers instead of dispatching)', () => {
  let gateway: RunningService;
  let intake: RunningService;
  let kafka: Kafka;
  let producer: Producer;
  let collector: TopicCollector;
  let db: Client;
  const newRegion = () => `ki-${randomUUID().slice(0, 8)}`;
  const minutesFromNow = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

  beforeAll(async () => {
    kafka = createKafka({ brokers: testInfra().kafkaBrokers, clientId: 'known-issues-e2e' });
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    collector = await new TopicCollector(kafka, [Topics.TicketsLifecycle]).start();
    db = new Client({ connectionString: testInfra().databaseUrl });
    await db.connect();
    [gateway, intake] = await Promise.all([startService('gateway', 18200), startService('intake', 18201)]);
  });

  afterAll(async () => {
    await Promise.all([gateway?.stop('SIGTERM'), intake?.stop('SIGTERM')]);
    await collector?.stop();
    await producer?.disconnect();
    await db?.end();
  });

  const api = (path: string, init: RequestInit = {}) =>
    fetch(gateway.url(path), { ...init, headers: { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'application/json', ...(init.headers as Record<string, string> | undefined) } });
  const post = (path: string, body: unknown) => api(path, { method: 'POST', body: JSON.stringify(body) });

  /** Raises a ticket over HTTP; resolves with its id. */
  async function submit(location: TicketReceived['location'], over: Partial<TicketReceived> = {}): Promise<string> {
    const ticket: TicketReceived = { ...ticketReceivedExample, externalId: `KI-${randomUUID()}`, location, reportedAt: new Date().toISOString(), ...over };
    const res = await post('/v1/tickets', ticket);
    expect(res.status).toBe(202);
    return ((await res.json()) as { ticketId: string }).ticketId;
  }

  /** The ticket's timeline once it holds an event of `type`. */
  async function timelineWith(ticketId: string, type: string): Promise<TimelineEntry[]> {
    return waitFor(
      async () => {
        const res = await api(`/v1/tickets/${ticketId}`);
        if (res.status !== 200) return undefined;
        const { timeline } = (await res.json()) as { timeline: TimelineEntry[] };
        return timeline.some((e) => e.type === type) ? timeline : undefined;
      },
      { timeoutMs: 30_000, message: `${type} in the timeline of ticket ${ticketId}` },
    );
  }

  const ofType = (timeline: TimelineEntry[], type: string) => timeline.filter((e) => e.type === type);
  const types = (timeline: TimelineEntry[]) => timeline.map((e) => e.type);

  /** Opens a known issue over HTTP and waits until the gateway shows it. */
  async function openIssue(body: Record<string, unknown>): Promise<KnownIssueView> {
    const res = await post('/v1/known-issues', body);
    expect(res.status).toBe(202);
    const { knownIssueId } = (await res.json()) as { knownIssueId: string };
    expect(res.headers.get('location')).toBe(`/v1/known-issues/${knownIssueId}`);
    return knownIssue(knownIssueId, () => true);
  }

  async function knownIssue(id: string, until: (k: KnownIssueView) => boolean): Promise<KnownIssueView> {
    return waitFor(
      async () => {
        const res = await api(`/v1/known-issues/${id}`);
        if (res.status !== 200) return undefined;
        const view = (await res.json()) as KnownIssueView;
        return until(view) ? view : undefined;
      },
      { timeoutMs: 30_000, message: `known issue ${id} in the gateway` },
    );
  }

  const outage = (region: string, zones: string[], services: string[] = ['broadband']) => ({
    kind: 'outage',
    area: { region, county: 'xihu', zones, cells: [] },
    services,
    startsAt: minutesFromNow(-5),
    explanation: 'A fibre cut near Xixi is being repaired.',
    expectedFixAt: minutesFromNow(120),
  });

  it('answers a new repair inside an outage at once and holds it until the fix: no dispatch, the customer told', async () => {
    const region = newRegion();
    const issue = await openIssue(outage(region, ['xihu-07']));
    expect(issue).toMatchObject({ state: 'open', kind: 'outage', ticketsSwept: 0 });

    const ticketId = await submit({ region, county: 'xihu', zone: 'xihu-07' });
    const timeline = await timelineWith(ticketId, 'ticket.held');
    expect(ofType(timeline, 'ticket.answered-by-known-issue')[0]!.data).toMatchObject({
      knownIssueId: issue.id,
      knownIssueKind: 'outage',
      explanation: 'A fibre cut near Xixi is being repaired.',
      outcome: 'held-until-fixed',
      swept: false,
    });
    expect(ofType(timeline, 'ticket.held')[0]!.data).toMatchObject({ reason: 'known-issue', knownIssueId: issue.id });
    const notice = (await timelineWith(ticketId, 'notification.requested')).find((e) => e.type === 'notification.requested')!;
    expect(notice.data).toMatchObject({ channel: 'sms', to: ticketReceivedExample.customer.phone, template: 'intake.known-issue-answer' });
    expect(notice.data.text).toContain('A fibre cut near Xixi is being repaired.');
    // Dispatch places only what intake hands it with ticket.dispatch-requested (not running here: its absence is the proof).
    expect(types(timeline)).not.toContain('ticket.dispatch-requested');
    expect(types(timeline)).not.toContain('ticket.assigned');
    expect(types(timeline)).not.toContain('ticket.resolved');

    expect(await knownIssue(issue.id, (k) => k.linkedTickets === 1)).toMatchObject({ linkedTickets: 1 });
    const { rows } = await db.query<{ state: string; known_issue_id: string }>('SELECT state, known_issue_id FROM intake.tickets WHERE ticket_id = $1', [ticketId]);
    expect(rows[0]).toEqual({ state: 'held', known_issue_id: issue.id });
  });

  it('dispatches a ticket outside the area or service, and never answers an install this way', async () => {
    const region = newRegion();
    await openIssue(outage(region, ['xihu-07']));
    const otherZone = await submit({ region, county: 'xihu', zone: 'xihu-08' });
    const otherService = await submit({ region, county: 'xihu', zone: 'xihu-07' }, { service: 'mobile' });
    const install = await submit({ region, county: 'xihu', zone: 'xihu-07' }, { kind: 'install' });
    for (const ticketId of [otherZone, otherService, install]) {
      const timeline = await timelineWith(ticketId, 'ticket.dispatch-requested');
      expect(types(timeline)).not.toContain('ticket.answered-by-known-issue');
      expect(types(timeline)).not.toContain('ticket.held');
    }
  });

  it('archives a complaint under weak coverage at once: resolved with the explanation, intercepted', async () => {
    const region = newRegion();
    const issue = await openIssue({
      kind: 'weak-coverage-unplanned',
      area: { region, zones: [], cells: ['HZ-C-0042'] },
      services: ['mobile'],
      startsAt: minutesFromNow(-60),
      explanation: 'No new mast is planned for this area this year.',
    });
    const ticketId = await submit({ region, county: 'gongshu', zone: 'gongshu-02', cellId: 'HZ-C-0042' }, { kind: 'complaint', service: 'mobile', complaintCategory: 'weak signal' });
    const timeline = await timelineWith(ticketId, 'ticket.resolved');
    expect(ofType(timeline, 'ticket.answered-by-known-issue')[0]!.data).toMatchObject({ knownIssueId: issue.id, outcome: 'archived', swept: false });
    expect(ofType(timeline, 'ticket.resolved')[0]!.data).toMatchObject({
      resolution: 'answered-by-known-issue',
      reply: 'No new mast is planned for this area this year.',
      knownIssueId: issue.id,
      intercepted: true,
    });
    expect(types(timeline)).not.toContain('ticket.dispatch-requested');
    expect(types(timeline)).not.toContain('ticket.held');
  });

  it('sweeps the open tickets inside an issue when it opens, and closing the outage closes the held ones with a second notice', async () => {
    const region = newRegion();
    const repair = await submit({ region, county: 'xihu', zone: 'xihu-07' });
    const complaint = await submit({ region, county: 'xihu', zone: 'xihu-07' }, { kind: 'complaint', complaintCategory: 'slow' });
    const outside = await submit({ region, county: 'xihu', zone: 'xihu-09' });
    for (const t of [repair, complaint, outside]) await timelineWith(t, 'ticket.dispatch-requested');

    const opened = await openIssue(outage(region, ['xihu-07']));
    const issue = await knownIssue(opened.id, (k) => k.ticketsSwept === 2 && k.linkedTickets === 2);
    expect(issue).toMatchObject({ ticketsSwept: 2, linkedTickets: 2 });

    const repairTimeline = await timelineWith(repair, 'ticket.held');
    expect(ofType(repairTimeline, 'ticket.answered-by-known-issue')[0]!.data).toMatchObject({ knownIssueId: issue.id, outcome: 'held-until-fixed', swept: true });
    const complaintTimeline = await timelineWith(complaint, 'ticket.resolved');
    expect(ofType(complaintTimeline, 'ticket.answered-by-known-issue')[0]!.data).toMatchObject({ outcome: 'archived', swept: true });
    expect(types(await timelineWith(outside, 'ticket.dispatch-requested'))).not.toContain('ticket.answered-by-known-issue');

    const close = await post(`/v1/known-issues/${issue.id}/close`, { note: 'Spliced at 17:20; restart your modem.' });
    expect(close.status).toBe(202);
    const closed = await knownIssue(issue.id, (k) => k.state === 'closed');
    expect(closed).toMatchObject({ state: 'closed', ticketsClosed: 1, note: 'Spliced at 17:20; restart your modem.' });

    const afterClose = await timelineWith(repair, 'ticket.resolved');
    expect(ofType(afterClose, 'ticket.resolved')[0]!.data).toMatchObject({ resolution: 'known-issue-closed', knownIssueId: issue.id, intercepted: true });
    const notices = await waitFor(() => timelineWith(repair, 'notification.requested').then((t) => (ofType(t, 'notification.requested').length === 2 ? ofType(t, 'notification.requested') : undefined)), {
      timeoutMs: 30_000,
      message: 'the second notice of the held repair',
    });
    const second = notices.find((n) => n.data.template === 'intake.known-issue-closed')!;
    expect(second.data.text).toContain('Spliced at 17:20; restart your modem.');
    const { rows } = await db.query<{ state: string }>('SELECT state FROM intake.tickets WHERE ticket_id = ANY($1) ORDER BY state', [[repair, complaint]]);
    expect(rows.map((r) => r.state)).toEqual(['resolved', 'resolved']);

    // Closed: it answers nothing any more, and a second close is refused.
    const later = await submit({ region, county: 'xihu', zone: 'xihu-07' });
    expect(types(await timelineWith(later, 'ticket.dispatch-requested'))).not.toContain('ticket.answered-by-known-issue');
    const again = await post(`/v1/known-issues/${issue.id}/close`, {});
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: 'KNOWN_ISSUE.ALREADY_CLOSED' });
    const list = (await (await api(`/v1/known-issues?region=${region}&state=closed`)).json()) as { items: KnownIssueView[]; total: number };
    expect(list.items.map((k) => k.id)).toEqual([issue.id]);
    expect((await (await api(`/v1/known-issues?region=${region}&state=open`)).json()) as { total: number }).toMatchObject({ total: 0 });
  });

  it('refuses bad known-issue bodies with 422 and a reason per field', async () => {
    const region = newRegion();
    const valid = outage(region, ['xihu-07']);
    const reasonsOf = async (body: unknown) => {
      const res = await post('/v1/known-issues', body);
      expect(res.status).toBe(422);
      const json = (await res.json()) as { error: string; reasons: { path: string }[] };
      expect(json.error).toBe('VALIDATION_FAILED');
      return json.reasons.map((r) => r.path);
    };
    expect(await reasonsOf({ ...valid, kind: 'alien-invasion' })).toEqual(['kind']);
    expect(await reasonsOf({ ...valid, endsAt: minutesFromNow(-10) })).toEqual(['endsAt']);
    expect(await reasonsOf({ ...valid, area: {} })).toEqual(expect.arrayContaining(['area.region', 'area.zones', 'area.cells']));
    expect(await reasonsOf({ ...valid, services: [] })).toEqual(['services']);
    expect(await reasonsOf({ ...valid, services: ['broadband', 'broadband'] })).toEqual(['services']);
    expect(await reasonsOf({ ...valid, explanation: '' })).toEqual(['explanation']);
    // The id is the gateway's to choose.
    expect(await reasonsOf({ ...valid, knownIssueId: 'mine' })).toEqual(['(root)']);

    expect((await api('/v1/known-issues?state=fixed')).status).toBe(422);
    const unknown = await api('/v1/known-issues/ki-no-such-issue');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: 'KNOWN_ISSUE.NOT_FOUND' });
    expect((await post('/v1/known-issues/ki-no-such-issue/close', {})).status).toBe(404);
    expect((await post('/v1/known-issues/bad%20id/close', {})).status).toBe(422);
  });

  it('refuses a command intake cannot apply with command.rejected and a stable code', async () => {
    const send = async (type: 'known-issue.close' | 'known-issue.open', data: unknown, subject: string) => {
      const command = makeEvent(type, data as never, { source: 'e2e/known-issues', subject, time: new Date() });
      await producer.send({ topic: physicalTopic(Topics.IntakeCommands), messages: [{ key: subject, value: JSON.stringify(command) }] });
      return command;
    };
    const rejection = (commandId: string) =>
      waitFor(() => collector.json<Envelope<string, CommandRejected>>(Topics.TicketsLifecycle).find((e) => e.type === 'command.rejected' && e.data.commandId === commandId), {
        timeoutMs: 30_000,
        message: `command.rejected for ${commandId}`,
      });

    const closeUnknown = await send('known-issue.close', { knownIssueId: 'ki-never-opened', closedBy: 'e2e' }, 'ki-never-opened');
    expect((await rejection(closeUnknown.id)).data).toMatchObject({ commandType: 'known-issue.close', code: 'KNOWN_ISSUE.NOT_FOUND' });

    const region = newRegion();
    const knownIssueId = `ki-${randomUUID()}`;
    const body = { knownIssueId, ...outage(region, ['xihu-07']), openedBy: 'e2e' };
    await send('known-issue.open', body, knownIssueId);
    await knownIssue(knownIssueId, () => true);
    const duplicate = await send('known-issue.open', body, knownIssueId);
    expect((await rejection(duplicate.id)).data).toMatchObject({ code: 'KNOWN_ISSUE.DUPLICATE_ID' });
  });

  it("runs the simulator's outage scenario: an outage opened over the API, its callers answered, closed when the run stops", async () => {
    const region = { ...DEMO_REGION, region: newRegion() };
    const stop = new AbortController();
    const lines: string[] = [];
    const scenario = new OutageScenario({
      api: new GatewayClient({ baseUrl: gateway.url(''), apiKey: TEST_API_KEY }),
      region,
      openAfterMs: 0,
      lastsMs: 3_600_000,
      callers: 6,
      runId: randomUUID().slice(0, 8),
      seed: 'e2e',
      signal: stop.signal,
      log: (line) => lines.push(line),
    });
    const running = scenario.run();
    const answered = await waitFor(
      async () => {
        const { items } = (await (await api(`/v1/known-issues?region=${region.region}`)).json()) as { items: KnownIssueView[] };
        return items[0]?.linkedTickets === 6 ? items[0] : undefined;
      },
      { timeoutMs: 30_000, message: 'the six callers of the simulated outage answered' },
    );
    expect(answered).toMatchObject({ kind: 'outage', state: 'open' });
    stop.abort();
    await running;
    // Four repairs were held until the fix; the two complaints were archived at once.
    expect(await knownIssue(answered.id, (k) => k.state === 'closed')).toMatchObject({ ticketsClosed: 4, linkedTickets: 6 });
    expect(lines.join('\n')).toContain(`outage ${answered.id} closed`);
  });
});
