import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { knownIssueOpenExample, makeEvent, ticketIdFor, ticketReceivedExample, type Envelope, type TicketReceived } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import type { OutgoingEvent } from '@switchboard/messaging';
import { ManualClock } from '@switchboard/persistence';
import { createTestSchema } from '@switchboard/testing';
import { TicketAmender } from '../amend-ticket/ticket-amender';
import { IncidentGrouping } from '../incidents/incident-grouping';
import { loadIntakeConfig } from '../intake.config';
import { KnownIssueAnswerer } from '../known-issues/known-issue-answerer';
import { KnownIssueStore } from '../persistence/known-issue-store';
import { intakeMigrations } from '../persistence/migrations';
import { RemoteSupportQueue } from '../remote-support/remote-support-queue';
import { AcceptTicketHandler, type AcceptOutcome, type ReceivedItem } from './accept-ticket.handler';

/**
 * The accept handler on real PostgreSQL: a run of tickets accepted in one call (the consumer's
 * batch path, set-based statements) leaves the same tickets and emits the same events, ticket by
 * ticket, as the same tickets accepted one at a time in offset order (the consumer's fallback).
 */
describe('accepting a run of tickets at once (PostgreSQL)', () => {
  const source = 'test/accept-run';
  const clock = new ManualClock('2026-11-24T02:00:00Z');
  // Remote pre-handling on for IPTV repairs, so one ticket of the run is held for remote support.
  const config = loadIntakeConfig({ REMOTE_SUPPORT_KINDS: 'repair:iptv' });
  const handler = new AcceptTicketHandler(clock, config, new KnownIssueAnswerer(), new TicketAmender(clock, config), new RemoteSupportQueue(config, clock), new IncidentGrouping(config));
  let asRun: { dataSource: DataSource; close: () => Promise<void> };
  let oneByOne: { dataSource: DataSource; close: () => Promise<void> };

  const received = (externalId: string, over: Partial<TicketReceived> = {}, location: Partial<TicketReceived['location']> = {}): Envelope<'ticket.received', TicketReceived> =>
    makeEvent(
      'ticket.received',
      { ...ticketReceivedExample, externalId, reportedAt: '2026-11-24T09:30:00+08:00', ...over, location: { ...ticketReceivedExample.location, ...location } },
      { source, subject: externalId, time: clock.now() },
    );
  const customer = (id: string, tier: 'vip' | 'standard' = 'standard') => ({ customer: { ...ticketReceivedExample.customer, id, tier } });

  // One run: new tickets, a resubmission inside the run, a refused place, a ticket that existed
  // before, a refused externalId sent again with a known place, a repeat fault, a known issue's
  // answer, a remote-support hold and a VIP install.
  const run = [
    received('A-1', { kind: 'repair', service: 'broadband', ...customer('C-REPEAT') }),
    received('A-2', { kind: 'repair', service: 'broadband', ...customer('C-2') }, { region: 'ningbo', county: 'haishu', zone: 'haishu-01' }),
    received('A-3', { kind: 'complaint', service: 'mobile', ...customer('C-3') }),
    received('A-1', { kind: 'repair', service: 'broadband', ...customer('C-REPEAT') }),
    received('A-4', { kind: 'repair', service: 'fixed', ...customer('C-4') }, { region: 'nowhere', county: 'none', zone: 'none-01' }),
    received('EXISTING', { kind: 'repair', service: 'fixed', ...customer('C-5') }),
    received('A-5', { kind: 'repair', service: 'iptv', ...customer('C-6') }),
    received('A-4', { kind: 'repair', service: 'fixed', ...customer('C-4') }),
    received('A-6', { kind: 'install', service: 'broadband', ...customer('C-7', 'vip') }),
    received('A-1', { kind: 'repair', service: 'broadband', ...customer('C-REPEAT') }),
  ];

  async function seed(db: DataSource): Promise<void> {
    const at = clock.now();
    for (const [region, county, zone] of [
      ['hangzhou', 'xihu', 'xihu-07'],
      ['ningbo', 'haishu', 'haishu-01'],
    ]) {
      await db.query(`INSERT INTO areas (region, county, zone, updated_at) VALUES ($1, $2, $3, $4)`, [region, county, zone, at]);
    }
    const insertTicket = (externalId: string, customerId: string, completedAt: string | null) =>
      db.query(
        `INSERT INTO tickets (ticket_id, source, external_id, inbound_event_id, channel, kind, service, customer_id, customer_tier, customer_name, customer_phone,
           region, county, zone, summary, reported_at, owner, state, accepted_at, updated_at, completed_at)
         VALUES ($1, $2, $3, $4, 'phone', 'repair', 'broadband', $5, 'standard', 'Li Wei', '+86 571 5550 1234', 'hangzhou', 'xihu', 'xihu-07', 'no broadband', $6, $2, 'accepted', $6, $6, $7)`,
        [ticketIdFor(source, externalId), source, externalId, randomUUID(), customerId, '2026-11-10T02:00:00Z', completedAt],
      );
    await insertTicket('EXISTING', 'C-5', null);
    // Completed 10 days ago: a new broadband repair of C-REPEAT is a repeat fault.
    await insertTicket('DONE-1', 'C-REPEAT', '2026-11-14T02:00:00Z');
    await db.transaction((m) =>
      KnownIssueStore.insert(m, { ...knownIssueOpenExample, knownIssueId: 'ki-ningbo', area: { region: 'ningbo', zones: [], cells: [] }, services: ['broadband'] }, at),
    );
  }

  beforeAll(async () => {
    asRun = await createTestSchema('intake_run', intakeMigrations.slice(1));
    oneByOne = await createTestSchema('intake_one', intakeMigrations.slice(1));
    await seed(asRun.dataSource);
    await seed(oneByOne.dataSource);
  });

  afterAll(async () => {
    await asRun.close();
    await oneByOne.close();
  });

  function context(manager: EntityManager, offset: number, emitted: OutgoingEvent[]): HandlerContext {
    return {
      manager,
      message: { topic: 'tickets.inbound.v1', partition: 0, offset: String(offset), key: null, headers: {} },
      trace: { traceparent: '' },
      emit: (...events) => {
        emitted.push(...events);
        return Promise.resolve();
      },
      afterCommit: () => undefined,
    };
  }

  const ticketsOf = (db: DataSource) =>
    db.query<Record<string, unknown>[]>(
      `SELECT external_id, state, owner, triage_class, triage_priority, repeat_fault, known_issue_id, resubmissions FROM tickets ORDER BY external_id`,
    );
  /** Per subject (ticket id, or externalId for a rejection), the types of its events in order. */
  const bySubject = (events: OutgoingEvent[]) => {
    const out: Record<string, string[]> = {};
    for (const e of events) (out[e.envelope.subject] ??= []).push(e.envelope.type);
    return out;
  };

  it('groups a storm of complaints that arrives in one run exactly as one by one: the incident opens at the sixth', async () => {
    // Seven complaints of one category in two adjacent cells within minutes, all in one run: in
    // offset order the sixth opens the incident (more than 5 within the hour) and holds the five
    // before it, the seventh joins. A complaint never counts the ones after it in its run.
    for (const db of [asRun.dataSource, oneByOne.dataSource]) {
      await db.query(
        `INSERT INTO cells (cell_id, region, lat, lon, neighbours, updated_at) VALUES
           ('HZ-C1', 'hangzhou', 30.259, 120.13, '{HZ-C2}', $1), ('HZ-C2', 'hangzhou', 30.262, 120.135, '{HZ-C1}', $1)`,
        [clock.now()],
      );
    }
    const storm = Array.from({ length: 7 }, (_, i) =>
      received(`STORM-${i}`, { kind: 'complaint', service: 'mobile', complaintCategory: 'no-signal', reportedAt: `2026-11-24T09:${10 + i}:00+08:00`, ...customer(`C-S${i}`) }, { cellId: i % 2 === 0 ? 'HZ-C1' : 'HZ-C2' }),
    );
    const runEvents: OutgoingEvent[] = [];
    await asRun.dataSource.transaction((m) => handler.executeMany(storm.map((event, k): ReceivedItem => ({ event, ctx: context(m, 100 + k, runEvents) }))));
    const singleEvents: OutgoingEvent[] = [];
    for (const [k, event] of storm.entries()) await oneByOne.dataSource.transaction((m) => handler.execute(event, context(m, 100 + k, singleEvents)));

    const types = (events: OutgoingEvent[]) => events.map((e) => e.envelope.type);
    expect(types(runEvents).filter((t) => t === 'incident.opened')).toHaveLength(1);
    expect(types(runEvents).filter((t) => t === 'incident.joined')).toHaveLength(1);
    const opened = runEvents.find((e) => e.envelope.type === 'incident.opened')!.envelope.data as { ticketIds: string[] };
    expect([...opened.ticketIds].sort()).toEqual(storm.slice(0, 6).map((e) => ticketIdFor(source, e.data.externalId)).sort());
    // Event for event (ids and times aside), the same as one by one.
    const shape = (events: OutgoingEvent[]) => events.map((e) => `${e.envelope.type} ${e.envelope.type.startsWith('incident.') ? '' : e.envelope.subject}`);
    expect(shape(runEvents)).toEqual(shape(singleEvents));
    const children = (db: DataSource) => db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM incident_children`);
    expect(await children(asRun.dataSource)).toEqual([{ n: 7 }]);
    expect(await children(oneByOne.dataSource)).toEqual([{ n: 7 }]);
  });

  it('gives each ticket the same outcome, row and events as accepting them one by one', async () => {
    const runEvents: OutgoingEvent[] = [];
    const runOutcomes = await asRun.dataSource.transaction((m) => handler.executeMany(run.map((event, k): ReceivedItem => ({ event, ctx: context(m, k, runEvents) }))));

    const singleEvents: OutgoingEvent[] = [];
    const singleOutcomes: AcceptOutcome[] = [];
    for (const [k, event] of run.entries()) {
      singleOutcomes.push(await oneByOne.dataSource.transaction((m) => handler.execute(event, context(m, k, singleEvents))));
    }

    const id = (externalId: string) => ticketIdFor(source, externalId);
    expect(runOutcomes).toEqual([
      { outcome: 'accepted', ticketId: id('A-1') },
      { outcome: 'accepted', ticketId: id('A-2') },
      { outcome: 'accepted', ticketId: id('A-3') },
      { outcome: 'resubmitted', ticketId: id('A-1') },
      { outcome: 'rejected', ticketId: id('A-4') },
      { outcome: 'resubmitted', ticketId: id('EXISTING') },
      { outcome: 'accepted', ticketId: id('A-5') },
      { outcome: 'accepted', ticketId: id('A-4') },
      { outcome: 'accepted', ticketId: id('A-6') },
      { outcome: 'resubmitted', ticketId: id('A-1') },
    ]);
    expect(runOutcomes).toEqual(singleOutcomes);

    const rows = await ticketsOf(asRun.dataSource);
    expect(rows).toEqual(await ticketsOf(oneByOne.dataSource));
    const row = (externalId: string) => rows.find((r) => r.external_id === externalId)!;
    expect(row('A-1')).toMatchObject({ state: 'accepted', repeat_fault: true, resubmissions: 2 });
    expect(row('A-2')).toMatchObject({ state: 'held', known_issue_id: 'ki-ningbo' });
    expect(row('A-5')).toMatchObject({ state: 'held' });
    expect(row('EXISTING')).toMatchObject({ resubmissions: 1 });
    // Triaged with the insert: every new ticket has its class and priority.
    for (const r of rows.filter((x) => x.external_id !== 'EXISTING' && x.external_id !== 'DONE-1')) expect(typeof r.triage_priority).toBe('number');

    const events = bySubject(runEvents);
    expect(events).toEqual(bySubject(singleEvents));
    expect(events[id('A-1')]).toEqual(['ticket.accepted', 'ticket.repeat-fault-detected', 'ticket.triaged', 'ticket.dispatch-requested']);
    expect(events[id('A-2')]).toEqual(['ticket.accepted', 'ticket.triaged', 'ticket.answered-by-known-issue', 'notification.requested', 'ticket.held']);
    expect(events[id('A-3')]).toEqual(['ticket.accepted', 'ticket.triaged', 'ticket.dispatch-requested']);
    expect(events['A-4']).toEqual(['ticket.rejected']);
    expect(events[id('A-4')]).toEqual(['ticket.accepted', 'ticket.triaged', 'ticket.dispatch-requested']);
    expect(events[id('A-5')]).toEqual(['ticket.accepted', 'ticket.triaged', 'ticket.held']);
    expect(events[id('EXISTING')]).toBeUndefined();
    // Each run ticket's events carry its own inbound event as the cause.
    for (const e of runEvents.filter((x) => x.envelope.type === 'ticket.accepted')) {
      const cause = run.find((r) => ticketIdFor(source, r.data.externalId) === e.envelope.subject && r.id === e.envelope.causationId);
      expect(cause).toBeDefined();
    }
  });
});
