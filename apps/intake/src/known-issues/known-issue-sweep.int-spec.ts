import type { DataSource, EntityManager } from 'typeorm';
import { knownIssueOpenExample, makeEvent, ticketIdFor, ticketReceivedExample, type TicketReceived } from '@switchboard/contracts';
import type { HandlerContext, OutgoingEvent } from '@switchboard/messaging';
import { ManualClock } from '@switchboard/persistence';
import { createTestSchema } from '@switchboard/testing';
import { AcceptTicketHandler } from '../accept-ticket/accept-ticket.handler';
import { TicketAmender } from '../amend-ticket/ticket-amender';
import { IncidentGrouping } from '../incidents/incident-grouping';
import { loadIntakeConfig } from '../intake.config';
import { intakeMigrations } from '../persistence/migrations';
import { RemoteSupportQueue } from '../remote-support/remote-support-queue';
import { KnownIssueAnswerer } from './known-issue-answerer';
import { KnownIssueCommandsHandler } from './known-issue-commands.handler';

/**
 * Opening a known issue sweeps the open tickets it covers (issue 4), on real PostgreSQL: those
 * waiting for dispatch and those waiting in the remote support queue (which leave it, answered);
 * not those of another service or already closed.
 */
describe('known issue sweep (PostgreSQL)', () => {
  const source = 'test/sweep';
  const clock = new ManualClock('2026-11-24T02:00:00Z');
  const config = loadIntakeConfig({ REMOTE_SUPPORT_KINDS: 'repair:iptv' });
  const answerer = new KnownIssueAnswerer();
  const accept = new AcceptTicketHandler(clock, config, answerer, new TicketAmender(clock, config), new RemoteSupportQueue(config, clock), new IncidentGrouping(config));
  const commands = new KnownIssueCommandsHandler(clock, answerer);
  let db: { dataSource: DataSource; close: () => Promise<void> };

  beforeAll(async () => {
    db = await createTestSchema('intake_sweep', intakeMigrations.slice(1));
  });
  afterAll(() => db.close());

  function context(manager: EntityManager, emitted: OutgoingEvent[]): HandlerContext {
    return {
      manager,
      message: { topic: 't', partition: 0, offset: '0', key: null, headers: {} },
      trace: { traceparent: '' },
      emit: (...events) => {
        emitted.push(...events);
        return Promise.resolve();
      },
      afterCommit: () => undefined,
    };
  }

  const receive = async (externalId: string, service: TicketReceived['service']) => {
    const event = makeEvent('ticket.received', { ...ticketReceivedExample, externalId, kind: 'repair', service, reportedAt: '2026-11-24T09:30:00+08:00' }, { source, subject: externalId, time: clock.now() });
    await db.dataSource.transaction((m) => accept.execute(event, context(m, [])));
    return ticketIdFor(source, externalId);
  };

  it('answers the covered tickets waiting for dispatch or for remote support, and closes their remote hold', async () => {
    const waiting = await receive('SW-1', 'broadband');
    const remote = await receive('SW-2', 'iptv');
    const otherService = await receive('SW-3', 'fixed');
    expect(await db.dataSource.query(`SELECT state FROM remote_support_queue WHERE ticket_id = $1`, [remote])).toEqual([{ state: 'held' }]);

    const emitted: OutgoingEvent[] = [];
    const open = makeEvent(
      'known-issue.open',
      { ...knownIssueOpenExample, knownIssueId: 'ki-sweep', area: { region: 'hangzhou', county: 'xihu', zones: [], cells: [] }, services: ['broadband', 'iptv'], startsAt: '2026-11-24T01:00:00Z' },
      { source: 'noc', subject: 'ki-sweep', time: clock.now() },
    );
    await db.dataSource.transaction((m) => commands.open(open, context(m, emitted)));

    const answered = emitted.filter((e) => e.envelope.type === 'ticket.answered-by-known-issue').map((e) => e.envelope.subject);
    expect(answered.sort()).toEqual([waiting, remote].sort());
    expect(emitted.find((e) => e.envelope.type === 'known-issue.opened')!.envelope.data).toMatchObject({ ticketsSwept: 2 });
    expect(await db.dataSource.query(`SELECT state, note FROM remote_support_queue WHERE ticket_id = $1`, [remote])).toEqual([{ state: 'answered', note: 'answered by known issue ki-sweep' }]);
    const states = await db.dataSource.query<{ ticket_id: string; state: string; known_issue_id: string | null }[]>(
      `SELECT ticket_id, state, known_issue_id FROM tickets WHERE ticket_id = ANY($1::uuid[]) ORDER BY external_id`,
      [[waiting, remote, otherService]],
    );
    expect(states).toEqual([
      { ticket_id: waiting, state: 'held', known_issue_id: 'ki-sweep' },
      { ticket_id: remote, state: 'held', known_issue_id: 'ki-sweep' },
      { ticket_id: otherService, state: 'accepted', known_issue_id: null },
    ]);
  });
});
