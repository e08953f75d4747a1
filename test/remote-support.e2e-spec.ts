import { randomUUID } from 'node:crypto';
import type { Kafka, Message, Producer } from 'kafkajs';
import { Client } from 'pg';
import {
  makeEvent,
  ticketIdFor,
  ticketReceivedExample,
  Topics,
  type CommandRejected,
  type Envelope,
  type NotificationRequested,
  type TicketAmended,
  type TicketDispatchRequested,
  type TicketHeld,
  type TicketReceived,
  type TicketRejected,
  type TicketResolved,
  type TicketTriaged,
  type TicketUpdated,
} from '@switchboard/contracts';
import { createKafka, physicalTopic } from '@switchboard/messaging';
import { testInfra, TopicCollector, waitFor } from '@switchboard/testing';
import { startService, TEST_API_KEY, type RunningService } from './support/service-process';

const INBOUND_DLQ = `${Topics.TicketsInbound}.dlq`;
const WAIT = { timeoutMs: 30_000 };

/**
 * Issue 4, "Remote pre-handling" and the out-of-order part of "Bad input", through the real broker,
 * database, intake and gateway: a configured ticket waits in the remote support queue instead of
 * going to dispatch; an agent resolves it remotely or releases it, or its hold ends by itself; a
 * command on a ticket no longer held is refused. An update that arrives before its ticket is parked
 * and applied when the ticket arrives; one whose ticket never comes is rejected after the TTL.
 */
describe('remote pre-handling and parked updates (gateway + intake)', () => {
  let gateway: RunningService;
  let intake: RunningService;
  let kafka: Kafka;
  let producer: Producer;
  let collector: TopicCollector;
  let db: Client;
  // This file's own calling system and regions: nothing of another test file matches them.
  const source = `e2e/remote-${randomUUID().slice(0, 8)}`;
  const region = `rs-${randomUUID().slice(0, 8)}`;
  const otherRegion = `rs-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    kafka = createKafka({ brokers: testInfra().kafkaBrokers, clientId: 'remote-support-e2e' });
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    collector = await new TopicCollector(kafka, [Topics.TicketsLifecycle, Topics.NotificationsOutbound, INBOUND_DLQ]).start();
    db = new Client({ connectionString: testInfra().databaseUrl });
    await db.connect();
    [gateway, intake] = await Promise.all([
      startService('gateway', 18400),
      startService('intake', 18401, {
        // IPTV repairs wait 30 minutes (the agents act first); IPTV complaints only 3 seconds (the hold runs out).
        REMOTE_SUPPORT_KINDS: 'repair:iptv,complaint:iptv=0.05',
        REMOTE_SUPPORT_HOLD_MINUTES: '30',
        REMOTE_SUPPORT_POLL_MS: '200',
        // An update whose ticket never comes is refused after ~7 seconds.
        PARKED_UPDATE_TTL_HOURS: '0.002',
        PARKED_UPDATE_POLL_MS: '200',
      }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([gateway?.stop('SIGTERM'), intake?.stop('SIGTERM')]);
    await collector?.stop();
    await producer?.disconnect();
    await db?.end();
  });

  const api = (path: string, init: RequestInit = {}) =>
    fetch(gateway.url(path), { ...init, headers: { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'application/json' } });
  const post = (path: string, body: unknown) => api(path, { method: 'POST', body: JSON.stringify(body) });

  function received(over: Partial<TicketReceived> = {}): Envelope<'ticket.received', TicketReceived> {
    const data: TicketReceived = {
      ...ticketReceivedExample,
      externalId: `RS-${randomUUID()}`,
      kind: 'repair',
      service: 'iptv',
      location: { ...ticketReceivedExample.location, region },
      ...over,
    };
    return makeEvent('ticket.received', data, { source, subject: data.externalId, time: new Date() });
  }

  function updated(externalId: string, over: Omit<Partial<TicketUpdated>, 'externalId'>): Envelope<'ticket.updated', TicketUpdated> {
    const data = { externalId, updatedAt: new Date().toISOString(), ...over } as TicketUpdated;
    return makeEvent('ticket.updated', data, { source, subject: externalId, time: new Date() });
  }

  /** All on one partition, in this order: what follows an event is applied after it. */
  async function produceInbound(...messages: (Envelope | Message)[]): Promise<void> {
    await producer.send({
      topic: physicalTopic(Topics.TicketsInbound),
      messages: messages.map((m) => ('value' in m ? { partition: 0, ...m } : { partition: 0, key: m.subject, value: JSON.stringify(m) })),
    });
  }

  /** A command on intake.commands.v1 as the gateway would send it, but without the gateway's own checks. */
  async function produceCommand(command: Envelope): Promise<void> {
    await producer.send({ topic: physicalTopic(Topics.IntakeCommands), messages: [{ key: command.subject, value: JSON.stringify(command) }] });
  }

  const lifecycle = <T>(type: string, subject: string) =>
    collector.json<Envelope<string, T>>(Topics.TicketsLifecycle).filter((e) => e.type === type && e.subject === subject);

  async function waitLifecycle<T>(type: string, subject: string, match: (e: Envelope<string, T>) => boolean = () => true): Promise<Envelope<string, T>> {
    const [event] = await waitFor(() => {
      const found = lifecycle<T>(type, subject).filter(match);
      return found.length > 0 ? found : undefined;
    }, { ...WAIT, message: `${type} for ${subject}` });
    return event!;
  }

  async function waitRejection(commandId: string): Promise<Envelope<string, CommandRejected>> {
    const [event] = await waitFor(() => {
      const found = collector.json<Envelope<string, CommandRejected>>(Topics.TicketsLifecycle).filter((e) => e.type === 'command.rejected' && e.data.commandId === commandId);
      return found.length > 0 ? found : undefined;
    }, { ...WAIT, message: `command.rejected for command ${commandId}` });
    return event!;
  }

  interface QueueItem {
    ticketId: string;
    externalId: string | null;
    region: string;
    kind: string | null;
    service: string | null;
    priority: number | null;
    heldAt: string;
    holdUntil: string;
  }

  async function queue(ofRegion: string): Promise<QueueItem[]> {
    const res = await api(`/v1/remote-support?region=${ofRegion}`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { items: QueueItem[] }).items;
  }

  async function waitQueue(ofRegion: string, done: (items: QueueItem[]) => boolean, what: string): Promise<QueueItem[]> {
    return waitFor(async () => {
      const items = await queue(ofRegion);
      return done(items) ? items : undefined;
    }, { ...WAIT, message: what });
  }

  /** A ticket accepted and held in the remote support queue, with its triage. */
  async function heldTicket(over: Partial<TicketReceived> = {}) {
    const event = received(over);
    await produceInbound(event);
    const ticketId = ticketIdFor(source, event.data.externalId);
    const held = await waitLifecycle<TicketHeld>('ticket.held', ticketId);
    const triaged = await waitLifecycle<TicketTriaged>('ticket.triaged', ticketId);
    return { event, ticketId, held, triaged };
  }

  /** Waits until the gateway answers the command route with 409, i.e. its read model has seen the ticket leave the queue. */
  async function waitConflict(path: string, body: unknown): Promise<{ error: string; message: string }> {
    return waitFor(async () => {
      const res = await post(path, body);
      return res.status === 409 ? ((await res.json()) as { error: string; message: string }) : undefined;
    }, { ...WAIT, message: `409 from POST ${path}` });
  }

  describe('remote support queue', () => {
    it('holds a configured ticket instead of handing it to dispatch, and lists the queue by region, oldest first', async () => {
      const first = await heldTicket();
      const second = await heldTicket();
      const elsewhere = await heldTicket({ location: { ...ticketReceivedExample.location, region: otherRegion } });
      // Not configured (a broadband repair): straight to dispatch.
      const plain = received({ service: 'broadband' });
      await produceInbound(plain);
      const plainId = ticketIdFor(source, plain.data.externalId);
      const plainRequest = await waitLifecycle<TicketDispatchRequested>('ticket.dispatch-requested', plainId);
      expect(plainRequest.data.reason).toBe('accepted');
      expect(lifecycle('ticket.held', plainId)).toHaveLength(0);

      expect(first.held.data).toMatchObject({ ticketId: first.ticketId, region, reason: 'remote-support' });
      expect(Date.parse(first.held.data.holdUntil!) - Date.parse(first.held.data.heldAt)).toBe(30 * 60_000);
      expect(first.held.causationId).toBe(first.event.id);
      // ticket.held is emitted in the transaction that would have emitted the dispatch request: there is none.
      for (const t of [first, second, elsewhere]) expect(lifecycle('ticket.dispatch-requested', t.ticketId)).toHaveLength(0);

      const items = await waitQueue(region, (i) => i.length === 2 && i.every((x) => x.kind !== null), 'both held tickets of the region listed');
      expect(items.map((i) => i.ticketId)).toEqual([first.ticketId, second.ticketId]);
      expect(items[0]).toMatchObject({
        externalId: first.event.data.externalId,
        region,
        kind: 'repair',
        service: 'iptv',
        priority: first.triaged.data.priority,
        holdUntil: new Date(first.held.data.holdUntil!).toISOString(),
      });
      expect((await queue(otherRegion)).map((i) => i.ticketId)).toEqual([elsewhere.ticketId]);
    });

    it('resolves a held ticket remotely: ticket.resolved (intercepted), a notice to the customer, and it leaves the queue', async () => {
      const { ticketId, event } = await heldTicket();
      await waitQueue(region, (i) => i.some((x) => x.ticketId === ticketId), 'the ticket in the queue');
      const note = 'We restarted your set-top box remotely; the channels are back.';
      const res = await post(`/v1/remote-support/${ticketId}/resolve`, { code: 'stb-restart', note });
      expect(res.status).toBe(202);
      const sent = (await res.json()) as { commandId: string; ticketId: string; action: string; status: string };
      expect(sent).toMatchObject({ ticketId, action: 'resolve', status: 'sent' });

      const resolved = await waitLifecycle<TicketResolved>('ticket.resolved', ticketId);
      expect(resolved.data).toMatchObject({ ticketId, region, resolution: 'resolved-remotely', code: 'stb-restart', reply: note, intercepted: true });
      expect(resolved.causationId).toBe(sent.commandId);
      const [notice] = await waitFor(() => {
        const found = collector.json<Envelope<string, NotificationRequested>>(Topics.NotificationsOutbound).filter((e) => e.data.ticketId === ticketId);
        return found.length > 0 ? found : undefined;
      }, { ...WAIT, message: `the customer notice of ${ticketId}` });
      expect(notice!.source).toBe('switchboard/intake');
      expect(notice!.data).toMatchObject({ channel: 'sms', to: event.data.customer.phone, template: 'intake.resolved-remotely', data: { resolutionCode: 'stb-restart' } });
      expect(notice!.data.text).toContain(note);
      expect(lifecycle('ticket.dispatch-requested', ticketId)).toHaveLength(0);

      await waitQueue(region, (i) => !i.some((x) => x.ticketId === ticketId), 'the resolved ticket gone from the queue');
      const conflict = await waitConflict(`/v1/remote-support/${ticketId}/release`, {});
      expect(conflict.error).toBe('REMOTE_SUPPORT.NOT_HELD');
      expect(conflict.message).toContain('resolved remotely');

      // The same refusal from intake itself, for a command that got past the gateway.
      const late = makeEvent('remote-support.release', { ticketId, agent: 'e2e-agent' }, { source: 'e2e/agent-desk', subject: ticketId, time: new Date() });
      await produceCommand(late);
      const rejected = await waitRejection(late.id);
      expect(rejected.subject).toBe(ticketId);
      expect(rejected.data).toMatchObject({ commandType: 'remote-support.release', code: 'REMOTE_SUPPORT.ALREADY_RESOLVED', ticketId });
      expect(lifecycle('ticket.dispatch-requested', ticketId)).toHaveLength(0);
      const rows = await db.query('SELECT state, resolution_code, closed_by FROM intake.remote_support_queue WHERE ticket_id = $1', [ticketId]);
      expect(rows.rows).toEqual([{ state: 'resolved', resolution_code: 'stb-restart', closed_by: expect.any(String) as unknown }]);
    });

    it('answers a waiting ticket when a known issue covering it opens: it leaves the queue, answered, and an agent can no longer act on it', async () => {
      // A region of its own: the outage covers only this ticket.
      const outageRegion = `rs-${randomUUID().slice(0, 8)}`;
      const { ticketId } = await heldTicket({ location: { ...ticketReceivedExample.location, region: outageRegion } });
      await waitQueue(outageRegion, (i) => i.some((x) => x.ticketId === ticketId), 'the ticket in the queue');
      const res = await post('/v1/known-issues', {
        kind: 'outage',
        area: { region: outageRegion, county: ticketReceivedExample.location.county, zones: [], cells: [] },
        services: ['iptv'],
        startsAt: new Date(Date.now() - 5 * 60_000).toISOString(),
        explanation: 'The IPTV head-end is being restarted.',
        expectedFixAt: new Date(Date.now() + 60 * 60_000).toISOString(),
      });
      expect(res.status).toBe(202);
      const { knownIssueId } = (await res.json()) as { knownIssueId: string };

      // A repair during an outage is answered and held until the fix — by the issue, not by remote support.
      const answered = await waitLifecycle<{ knownIssueId: string; swept: boolean; outcome: string }>('ticket.answered-by-known-issue', ticketId);
      expect(answered.data).toMatchObject({ knownIssueId, swept: true, outcome: 'held-until-fixed' });
      const held = await waitLifecycle<TicketHeld>('ticket.held', ticketId, (e) => e.data.reason === 'known-issue');
      expect(held.data.knownIssueId).toBe(knownIssueId);
      expect(lifecycle('ticket.dispatch-requested', ticketId)).toHaveLength(0);

      await waitQueue(outageRegion, (i) => !i.some((x) => x.ticketId === ticketId), 'the answered ticket gone from the queue');
      const conflict = await waitConflict(`/v1/remote-support/${ticketId}/resolve`, { code: 'stb-restart', note: 'too late' });
      expect(conflict).toMatchObject({ error: 'REMOTE_SUPPORT.NOT_HELD' });
      expect(conflict.message).toContain('known issue');
      // Intake refuses it too, for a command that got past the gateway.
      const late = makeEvent('remote-support.release', { ticketId, agent: 'e2e-agent' }, { source: 'e2e/agent-desk', subject: ticketId, time: new Date() });
      await produceCommand(late);
      expect((await waitRejection(late.id)).data).toMatchObject({ code: 'REMOTE_SUPPORT.ANSWERED_BY_KNOWN_ISSUE', ticketId });
      const rows = await db.query('SELECT state FROM intake.remote_support_queue WHERE ticket_id = $1', [ticketId]);
      expect(rows.rows).toEqual([{ state: 'answered' }]);
      expect(lifecycle('ticket.dispatch-requested', ticketId)).toHaveLength(0);
    });

    it('releases a held ticket to dispatch with its triage; a command after that is refused and shows in the timeline', async () => {
      const { ticketId, triaged } = await heldTicket();
      await waitQueue(region, (i) => i.some((x) => x.ticketId === ticketId), 'the ticket in the queue');
      const res = await post(`/v1/remote-support/${ticketId}/release`, { note: 'No signal at the ONT: needs a visit' });
      expect(res.status).toBe(202);

      const request = await waitLifecycle<TicketDispatchRequested>('ticket.dispatch-requested', ticketId);
      expect(request.data).toMatchObject({ ticketId, region, reason: 'released-by-remote-support', class: triaged.data.class, priority: triaged.data.priority });
      await waitQueue(region, (i) => !i.some((x) => x.ticketId === ticketId), 'the released ticket gone from the queue');
      expect((await waitConflict(`/v1/remote-support/${ticketId}/resolve`, { code: 'late', note: 'too late' })).error).toBe('REMOTE_SUPPORT.NOT_HELD');

      const late = makeEvent('remote-support.resolve', { ticketId, code: 'late', note: 'too late', agent: 'e2e-agent' }, { source: 'e2e/agent-desk', subject: ticketId, time: new Date() });
      await produceCommand(late);
      expect((await waitRejection(late.id)).data.code).toBe('REMOTE_SUPPORT.ALREADY_RELEASED');
      expect(lifecycle('ticket.resolved', ticketId)).toHaveLength(0);
      expect(lifecycle('ticket.dispatch-requested', ticketId)).toHaveLength(1);
      // What the agent sees: the refusal in the ticket's timeline.
      await waitFor(async () => {
        const view = (await (await api(`/v1/tickets/${ticketId}`)).json()) as { timeline?: { type: string }[] };
        return view.timeline?.some((e) => e.type === 'command.rejected') ? true : undefined;
      }, { ...WAIT, message: `command.rejected in the timeline of ${ticketId}` });
    });

    it('releases a ticket by itself when its hold ends; a command after that is refused', async () => {
      const { ticketId, held, triaged } = await heldTicket({ kind: 'complaint', complaintCategory: 'picture-freezes' });
      expect(Date.parse(held.data.holdUntil!) - Date.parse(held.data.heldAt)).toBe(3_000);

      const request = await waitLifecycle<TicketDispatchRequested>('ticket.dispatch-requested', ticketId);
      expect(request.data).toMatchObject({ ticketId, reason: 'remote-hold-expired', priority: triaged.data.priority });
      expect(Date.parse(request.data.requestedAt)).toBeGreaterThanOrEqual(Date.parse(held.data.holdUntil!));
      await waitQueue(region, (i) => !i.some((x) => x.ticketId === ticketId), 'the expired ticket gone from the queue');

      const late = makeEvent('remote-support.resolve', { ticketId, code: 'late', note: 'too late', agent: 'e2e-agent' }, { source: 'e2e/agent-desk', subject: ticketId, time: new Date() });
      await produceCommand(late);
      expect((await waitRejection(late.id)).data.code).toBe('REMOTE_SUPPORT.HOLD_EXPIRED');
      expect(lifecycle('ticket.dispatch-requested', ticketId)).toHaveLength(1);
      expect(lifecycle('ticket.resolved', ticketId)).toHaveLength(0);
    });

    it('refuses bad requests with 422 and the reason, and a ticket not in the queue with 404', async () => {
      const bad = async (res: Response) => {
        expect(res.status).toBe(422);
        return ((await res.json()) as { error: string; reasons: { path: string }[] }).reasons.map((r) => r.path);
      };
      const { ticketId } = await heldTicket();
      await waitQueue(region, (i) => i.some((x) => x.ticketId === ticketId), 'the ticket in the queue');

      expect(await bad(await post('/v1/remote-support/not-a-uuid/resolve', { code: 'x', note: 'y' }))).toHaveLength(1);
      expect(await bad(await post(`/v1/remote-support/${ticketId}/resolve`, { code: 'x' }))).toEqual(['note']);
      expect(await bad(await post(`/v1/remote-support/${ticketId}/resolve`, { code: 'has spaces', note: 'y' }))).toEqual(['code']);
      expect(await bad(await post(`/v1/remote-support/${ticketId}/resolve`, { code: 'x', note: 'y', agent: 'me' }))).toHaveLength(1);
      expect(await bad(await post(`/v1/remote-support/${ticketId}/release`, { note: 'n'.repeat(2001) }))).toEqual(['note']);
      expect(await bad(await api('/v1/remote-support?limit=0'))).toEqual(['limit']);
      expect(await bad(await api('/v1/remote-support?state=held'))).toHaveLength(1);

      const unknown = await post(`/v1/remote-support/${randomUUID()}/resolve`, { code: 'x', note: 'y' });
      expect(unknown.status).toBe(404);
      expect(((await unknown.json()) as { error: string }).error).toBe('REMOTE_SUPPORT.NOT_FOUND');
      // Nothing was sent for any of them: the ticket is still held.
      expect((await queue(region)).some((x) => x.ticketId === ticketId)).toBe(true);
      expect(lifecycle('ticket.resolved', ticketId)).toHaveLength(0);
    });
  });

  describe('out-of-order updates', () => {
    const amendedOf = (ticketId: string) => lifecycle<TicketAmended>('ticket.amended', ticketId);

    it('parks updates produced before their ticket.received and applies them, oldest change first, when the ticket arrives', async () => {
      const ticket = received({ service: 'broadband' });
      const externalId = ticket.data.externalId;
      const ticketId = ticketIdFor(source, externalId);
      // The newer change arrives first.
      const newer = updated(externalId, { updatedAt: '2026-11-24T10:05:00+08:00', summary: 'No broadband at all now' });
      const older = updated(externalId, { updatedAt: '2026-11-24T10:00:00+08:00', summary: 'Broadband drops every few minutes', customer: { phone: '+86 138 0000 7788' }, note: 'Call after 18:00', updatedBy: 'agent/hz-01/0042' });
      await produceInbound(newer, older);
      await waitFor(async () => {
        const r = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM intake.ticket_updates WHERE source = $1 AND external_id = $2 AND state = 'parked'`, [source, externalId]);
        return r.rows[0]!.n === 2 ? true : undefined;
      }, { ...WAIT, message: 'both updates parked' });
      expect(lifecycle('ticket.accepted', ticketId)).toHaveLength(0);

      await produceInbound(ticket);
      await waitLifecycle('ticket.accepted', ticketId);
      const amended = await waitFor(() => (amendedOf(ticketId).length >= 2 ? amendedOf(ticketId) : undefined), { ...WAIT, message: `two ticket.amended for ${ticketId}` });
      expect(amended.map((e) => e.data)).toEqual([
        expect.objectContaining({ ticketId, changes: { summary: 'Broadband drops every few minutes', customer: { phone: '+86 138 0000 7788' } }, note: 'Call after 18:00', parked: true, updatedBy: 'agent/hz-01/0042' }),
        expect.objectContaining({ ticketId, changes: { summary: 'No broadband at all now' }, parked: true }),
      ]);
      expect(amended.map((e) => e.causationId)).toEqual([older.id, newer.id]);
      // After the acceptance, in the same transaction (offsets on the ticket's partition).
      const offsets = collector.messages.filter((m) => m.topic === Topics.TicketsLifecycle && m.key === ticketId).map((m) => JSON.parse(m.value!.toString()) as Envelope);
      expect(offsets.map((e) => e.type).slice(0, 3)).toEqual(['ticket.accepted', 'ticket.amended', 'ticket.amended']);

      const rows = await db.query('SELECT summary, customer_phone FROM intake.tickets WHERE ticket_id = $1', [ticketId]);
      expect(rows.rows).toEqual([{ summary: 'No broadband at all now', customer_phone: '+86 138 0000 7788' }]);
      await waitFor(async () => {
        const view = (await (await api(`/v1/tickets/${ticketId}`)).json()) as { timeline?: { type: string }[] };
        return view.timeline?.filter((e) => e.type === 'ticket.amended').length === 2 ? true : undefined;
      }, { ...WAIT, message: `both amendments in the timeline of ${ticketId}` });
    });

    it('applies an update of a known ticket at once; the same update again, or an older change, changes nothing', async () => {
      const ticket = received({ service: 'broadband' });
      const externalId = ticket.data.externalId;
      const ticketId = ticketIdFor(source, externalId);
      await produceInbound(ticket);
      await waitLifecycle('ticket.accepted', ticketId);

      const update = updated(externalId, { updatedAt: '2026-11-24T11:00:00+08:00', summary: 'Router restarts by itself' });
      await produceInbound(update);
      const first = await waitLifecycle<TicketAmended>('ticket.amended', ticketId);
      expect(first.data).toMatchObject({ changes: { summary: 'Router restarts by itself' }, parked: false });

      // The same update again (a new message), an older change of the same field, then a sentinel behind them.
      const again = updated(externalId, { updatedAt: '2026-11-24T11:00:00+08:00', summary: 'Router restarts by itself' });
      const stale = updated(externalId, { updatedAt: '2026-11-24T10:30:00+08:00', summary: 'An older description' });
      const sentinel = updated(externalId, { updatedAt: '2026-11-24T11:10:00+08:00', note: 'Customer called again' });
      await produceInbound(again, stale, sentinel);
      await waitLifecycle<TicketAmended>('ticket.amended', ticketId, (e) => e.causationId === sentinel.id);

      expect(amendedOf(ticketId).map((e) => e.causationId)).toEqual([update.id, sentinel.id]);
      const rows = await db.query('SELECT summary FROM intake.tickets WHERE ticket_id = $1', [ticketId]);
      expect(rows.rows).toEqual([{ summary: 'Router restarts by itself' }]);
      const updates = await db.query<{ state: string }>('SELECT state FROM intake.ticket_updates WHERE source = $1 AND external_id = $2 ORDER BY arrival', [source, externalId]);
      expect(updates.rows.map((r) => r.state)).toEqual(['applied', 'unchanged', 'applied']);
    });

    it('rejects an update whose ticket never arrives once the TTL has passed (ORPHAN_UPDATE), and never applies it', async () => {
      const externalId = `RS-ORPHAN-${randomUUID()}`;
      const orphan = updated(externalId, { summary: 'An update for a ticket that never comes' });
      await produceInbound(orphan);

      const [rejection] = await waitFor(() => {
        const found = collector.json<Envelope<string, TicketRejected>>(Topics.TicketsLifecycle).filter((e) => e.type === 'ticket.rejected' && e.data.inboundEventId === orphan.id);
        return found.length > 0 ? found : undefined;
      }, { ...WAIT, message: `ticket.rejected for the orphan update ${orphan.id}` });
      expect(rejection!.subject).toBe(externalId);
      expect(rejection!.causationId).toBe(orphan.id);
      expect(rejection!.data).toMatchObject({ source, externalId, inboundEventId: orphan.id });
      expect(rejection!.data.reasons).toEqual([expect.objectContaining({ path: 'data.externalId', code: 'ORPHAN_UPDATE' })]);

      // Visible to the sender through the API, like any rejection.
      await waitFor(async () => {
        const res = await api(`/v1/rejections?source=${encodeURIComponent(source)}&externalId=${externalId}`);
        const body = (await res.json()) as { items: { reasons: { code: string }[] }[] };
        return body.items.some((i) => i.reasons.some((r) => r.code === 'ORPHAN_UPDATE')) ? true : undefined;
      }, { ...WAIT, message: 'the orphan update in /v1/rejections' });

      // The ticket arriving after that gets no amendment from it.
      const late = received({ externalId, service: 'broadband' });
      const ticketId = ticketIdFor(source, externalId);
      await produceInbound(late);
      await waitLifecycle('ticket.accepted', ticketId);
      const sentinel = received({ service: 'broadband' });
      await produceInbound(sentinel);
      await waitLifecycle('ticket.accepted', ticketIdFor(source, sentinel.data.externalId));
      expect(amendedOf(ticketId)).toHaveLength(0);
      const rows = await db.query('SELECT state FROM intake.ticket_updates WHERE inbound_event_id = $1', [orphan.id]);
      expect(rows.rows).toEqual([{ state: 'rejected' }]);
    });

    it('rejects an invalid ticket.updated with its reasons and dead-letters it', async () => {
      const externalId = `RS-BAD-${randomUUID()}`;
      const empty = updated(externalId, {});
      const badPhone = updated(externalId, { customer: { phone: 'call me maybe' } });
      await produceInbound(empty, badPhone);

      for (const [event, path] of [
        [empty, 'data.summary'],
        [badPhone, 'data.customer.phone'],
      ] as const) {
        const [rejection] = await waitFor(() => {
          const found = collector.json<Envelope<string, TicketRejected>>(Topics.TicketsLifecycle).filter((e) => e.type === 'ticket.rejected' && e.data.inboundEventId === event.id);
          return found.length > 0 ? found : undefined;
        }, { ...WAIT, message: `ticket.rejected for ${event.id}` });
        expect(rejection!.data).toMatchObject({ source, externalId });
        expect(rejection!.data.reasons.map((r) => r.path)).toEqual([path]);
        await waitFor(() => collector.messages.find((m) => m.topic === INBOUND_DLQ && (m.value?.toString() ?? '').includes(event.id)), {
          ...WAIT,
          message: `a dead letter for ${event.id}`,
        });
      }
      const parked = await db.query('SELECT count(*)::int AS n FROM intake.ticket_updates WHERE external_id = $1', [externalId]);
      expect(parked.rows).toEqual([{ n: 0 }]);
    });
  });
});
