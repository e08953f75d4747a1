import { randomUUID } from 'node:crypto';
import type { Kafka, Producer } from 'kafkajs';
import { Client } from 'pg';
import {
  makeEvent,
  technicianRegisterExample,
  ticketIdFor,
  ticketReceivedExample,
  Topics,
  type AssignmentCommand,
  type AssignmentProgressed,
  type CommandRejected,
  type Envelope,
  type NotificationRequested,
  type TechnicianRegister,
  type TicketAssigned,
  type TicketReceived,
  type TicketUnassignable,
} from '@switchboard/contracts';
import { createKafka, physicalTopic } from '@switchboard/messaging';
import { testInfra, TopicCollector, waitFor } from '@switchboard/testing';
import { startService, type RunningService } from './support/service-process';

type AnyEvent = Envelope<string, unknown>;

/**
 * Intake and dispatch on the real broker and database: tickets raised on `tickets.inbound.v1`
 * are accepted by intake and placed by dispatch with the zone's engineer, else one of the region;
 * the customer gets the engineer's name and phone; technicians' commands drive the assignment.
 */
describe('dispatch (tickets.lifecycle.v1 + dispatch.commands.v1 → dispatch.assignments.v1, notifications.outbound.v1)', () => {
  let intake: RunningService;
  let dispatch: RunningService;
  let kafka: Kafka;
  let producer: Producer;
  let collector: TopicCollector;
  let db: Client;
  const source = `e2e/dispatch-${randomUUID().slice(0, 8)}`;
  const newRegion = () => `r-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    kafka = createKafka({ brokers: testInfra().kafkaBrokers, clientId: 'dispatch-e2e' });
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    collector = await new TopicCollector(kafka, [Topics.DispatchAssignments, Topics.NotificationsOutbound]).start();
    db = new Client({ connectionString: testInfra().databaseUrl });
    await db.connect();
    [intake, dispatch] = await Promise.all([startService('intake', 18111), startService('dispatch', 18112)]);
  });

  afterAll(async () => {
    await Promise.all([intake?.stop('SIGTERM'), dispatch?.stop('SIGTERM')]);
    await collector?.stop();
    await producer?.disconnect();
    await db?.end();
  });

  const events = <T>(topic: string, type: string, match: (e: Envelope<string, T>) => boolean = () => true) =>
    collector.json<Envelope<string, T>>(topic).filter((e) => e.type === type && match(e));

  async function waitOne<T>(topic: string, type: string, match: (e: Envelope<string, T>) => boolean, what: string): Promise<Envelope<string, T>> {
    const [event] = await waitFor(() => {
      const found = events<T>(topic, type, match);
      return found.length > 0 ? found : undefined;
    }, { timeoutMs: 30_000, message: `${type} for ${what}` });
    return event!;
  }

  /** Registers technicians and waits until dispatch has them on its roster. */
  async function register(...technicians: Partial<TechnicianRegister>[]): Promise<TechnicianRegister[]> {
    const commands = technicians.map((t) => {
      const data: TechnicianRegister = { ...technicianRegisterExample, technicianId: `T-${randomUUID().slice(0, 8)}`, name: `Engineer ${randomUUID().slice(0, 4)}`, ...t };
      return makeEvent('technician.register', data, { source: 'e2e/roster', subject: data.technicianId, time: new Date() });
    });
    await producer.send({ topic: physicalTopic(Topics.DispatchCommands), messages: commands.map((c) => ({ key: c.subject, value: JSON.stringify(c) })) });
    for (const c of commands) {
      await waitOne(Topics.DispatchAssignments, 'technician.registered', (e) => e.subject === c.subject && (e.causationId === c.id), `technician ${c.subject}`);
    }
    return commands.map((c) => c.data);
  }

  /** Raises a ticket the way a call-centre system does; returns its id. */
  async function raise(region: string, zone: string, over: Partial<TicketReceived> = {}): Promise<{ ticketId: string; data: TicketReceived }> {
    const data: TicketReceived = {
      ...ticketReceivedExample,
      externalId: `E2E-${randomUUID()}`,
      customer: { ...ticketReceivedExample.customer, phone: `+86 139 ${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}` },
      location: { region, county: 'c-1', zone },
      ...over,
    };
    const event = makeEvent('ticket.received', data, { source, subject: data.externalId, time: new Date() });
    await producer.send({ topic: physicalTopic(Topics.TicketsInbound), messages: [{ key: event.subject, value: JSON.stringify(event) }] });
    return { ticketId: ticketIdFor(source, data.externalId), data };
  }

  const assignedOf = (ticketId: string) =>
    waitOne<TicketAssigned>(Topics.DispatchAssignments, 'ticket.assigned', (e) => e.subject === ticketId, `ticket ${ticketId}`);

  const noticeOf = (ticketId: string) =>
    waitOne<NotificationRequested>(Topics.NotificationsOutbound, 'notification.requested', (e) => e.data.ticketId === ticketId, `ticket ${ticketId}`);

  async function ticketState(ticketId: string): Promise<string | undefined> {
    const r = await db.query<{ state: string }>('SELECT state FROM dispatch.tickets WHERE ticket_id = $1', [ticketId]);
    return r.rows[0]?.state;
  }

  function command(type: 'assignment.accept' | 'assignment.contact' | 'assignment.arrive' | 'assignment.complete', data: AssignmentCommand) {
    return makeEvent(type, data, { source: 'e2e/field-app', subject: data.assignmentId, time: new Date() });
  }

  async function send(...commands: AnyEvent[]): Promise<void> {
    // One key per assignment: the commands are applied in the order sent.
    await producer.send({ topic: physicalTopic(Topics.DispatchCommands), messages: commands.map((c) => ({ key: c.subject, value: JSON.stringify(c) })) });
  }

  it("assigns the zone's engineer, else the least loaded of the region, and sends the customer the engineer's name and phone", async () => {
    const region = newRegion();
    const skills: TechnicianRegister['skills'] = [{ service: 'broadband', kinds: ['repair', 'install'] }];
    const [zoneEngineer, other] = await register(
      { region, zone: 'z-1', skills, name: 'Wang Fang', phone: '+86 138 0000 0101' },
      { region, zone: 'z-2', skills, name: 'Li Na', phone: '+86 138 0000 0202' },
      { region, zone: 'z-1', skills, onDuty: false },
      { region, zone: 'z-1', skills: [{ service: 'mobile', kinds: ['repair'] }] },
    );

    const first = await raise(region, 'z-1');
    const a1 = await assignedOf(first.ticketId);
    expect(a1.source).toBe('switchboard/dispatch');
    expect(a1.data).toMatchObject({ ticketId: first.ticketId, technicianId: zoneEngineer!.technicianId, technicianName: 'Wang Fang', technicianPhone: '+86 138 0000 0101', region, zone: 'z-1' });
    expect(a1.data.reason.rule).toBe('zone-engineer');
    expect(a1.data.reason.candidates).toEqual([
      { technicianId: zoneEngineer!.technicianId, zone: 'z-1', openAssignments: 0 },
      { technicianId: other!.technicianId, zone: 'z-2', openAssignments: 0 },
    ]);
    expect(a1.data.reason.explanation).toContain('1 off duty, 1 not skilled');

    const n1 = await noticeOf(first.ticketId);
    expect(n1.subject).toBe(first.ticketId);
    expect(n1.data).toMatchObject({
      channel: 'sms',
      to: first.data.customer.phone,
      template: 'dispatch.engineer-assigned',
      data: { engineerName: 'Wang Fang', engineerPhone: '+86 138 0000 0101', supervisionChannel: '10000' },
    });
    expect(n1.data.text).toContain('Wang Fang');
    expect(n1.data.text).toContain('+86 138 0000 0101');
    expect(n1.data.text).toContain('10000');

    // Zone z-3 has no engineer: the region's least loaded takes it (the zone engineer now has one open).
    const second = await raise(region, 'z-3');
    const a2 = await assignedOf(second.ticketId);
    expect(a2.data).toMatchObject({ technicianId: other!.technicianId, technicianName: 'Li Na', zone: 'z-3' });
    expect(a2.data.reason.rule).toBe('region-fallback');
    expect(a2.data.reason.candidates).toEqual([
      { technicianId: other!.technicianId, zone: 'z-2', openAssignments: 0 },
      { technicianId: zoneEngineer!.technicianId, zone: 'z-1', openAssignments: 1 },
    ]);
    expect((await noticeOf(second.ticketId)).data.data).toMatchObject({ engineerName: 'Li Na', engineerPhone: '+86 138 0000 0202' });
  });

  it('keeps a ticket with no possible technician waiting, and assigns the oldest waiting one when a technician registers', async () => {
    const region = newRegion();
    const older = await raise(region, 'z-1');
    const u1 = await waitOne<TicketUnassignable>(Topics.DispatchAssignments, 'ticket.unassignable', (e) => e.subject === older.ticketId, `ticket ${older.ticketId}`);
    expect(u1.data).toMatchObject({ ticketId: older.ticketId, region, zone: 'z-1' });
    expect(u1.data.reason).toContain(`no technician is registered in region ${region}`);
    const newer = await raise(region, 'z-1');
    await waitOne<TicketUnassignable>(Topics.DispatchAssignments, 'ticket.unassignable', (e) => e.subject === newer.ticketId, `ticket ${newer.ticketId}`);

    // Capacity for one: the older ticket goes first, the newer keeps waiting.
    const [tech] = await register({ region, zone: 'z-1', dailyCapacity: 1 });
    const a = await assignedOf(older.ticketId);
    expect(a.data).toMatchObject({ technicianId: tech!.technicianId, zone: 'z-1' });
    expect(a.data.reason.rule).toBe('zone-engineer');
    expect(await ticketState(older.ticketId)).toBe('assigned');
    expect(await ticketState(newer.ticketId)).toBe('waiting');
    expect(events(Topics.DispatchAssignments, 'ticket.assigned', (e) => e.subject === newer.ticketId)).toHaveLength(0);

    // Completing the first frees the capacity: the waiting one is placed.
    const id = a.data.assignmentId;
    const at = new Date().toISOString();
    await send(
      command('assignment.contact', { assignmentId: id, at }),
      command('assignment.arrive', { assignmentId: id, at }),
      command('assignment.complete', { assignmentId: id, at, resolutionCode: 'fixed' }),
    );
    const b = await assignedOf(newer.ticketId);
    expect(b.data.technicianId).toBe(tech!.technicianId);
    expect(await ticketState(older.ticketId)).toBe('completed');
  });

  it('drives an assignment accepted → contacted → arrived → completed, refusing out-of-order and foreign commands', async () => {
    const region = newRegion();
    const [tech] = await register({ region, zone: 'z-1' });
    const ticket = await raise(region, 'z-1');
    const { data: assigned } = await assignedOf(ticket.ticketId);
    const id = assigned.assignmentId;
    const t = (minutes: number) => new Date(Date.parse('2026-11-24T01:00:00Z') + minutes * 60_000).toISOString();

    const accept = command('assignment.accept', { assignmentId: id, technicianId: tech!.technicianId, at: t(1) });
    const acceptAgain = command('assignment.accept', { assignmentId: id, technicianId: tech!.technicianId, at: t(2) });
    const contact = command('assignment.contact', { assignmentId: id, at: t(5) });
    const tooEarly = command('assignment.complete', { assignmentId: id, at: t(6), resolutionCode: 'fixed' });
    const arrive = command('assignment.arrive', { assignmentId: id, at: t(30) });
    const noCode = command('assignment.complete', { assignmentId: id, at: t(40) });
    const foreign = command('assignment.complete', { assignmentId: id, technicianId: 'T-SOMEONE-ELSE', at: t(41), resolutionCode: 'fixed' });
    const complete = command('assignment.complete', { assignmentId: id, technicianId: tech!.technicianId, at: t(45), resolutionCode: 'replaced-equipment', note: 'ONT replaced' });
    const unknownId = randomUUID();
    const unknown = command('assignment.accept', { assignmentId: unknownId, at: t(1) });
    await send(accept, acceptAgain, contact, tooEarly, arrive, noCode, foreign, complete, unknown);

    await waitOne(Topics.DispatchAssignments, 'assignment.completed', (e) => e.subject === ticket.ticketId, `ticket ${ticket.ticketId}`);
    // One ticket's events share a key, hence a partition: they arrive in the order they were made.
    const timeline = collector
      .json<AnyEvent>(Topics.DispatchAssignments)
      .filter((e) => e.subject === ticket.ticketId && e.type !== 'ticket.assigned')
      .map((e) => (e.type === 'command.rejected' ? `rejected:${(e.data as CommandRejected).code}` : e.type));
    expect(timeline).toEqual([
      'appointment.offered', // a repair gets appointment windows on assignment (ADR 0027)
      'assignment.accepted', // the retried accept says nothing
      'assignment.contacted',
      'contact.timed', // contact timeliness, a fact for scoring (ADR 0027)
      'rejected:ASSIGNMENT.INVALID_TRANSITION',
      'assignment.arrived',
      'rejected:ASSIGNMENT.RESOLUTION_CODE_REQUIRED',
      'rejected:ASSIGNMENT.WRONG_TECHNICIAN',
      'assignment.completed',
    ]);

    const progressed = (type: string) => events<AssignmentProgressed>(Topics.DispatchAssignments, type, (e) => e.subject === ticket.ticketId)[0]!;
    expect(progressed('assignment.accepted').data).toEqual({ ticketId: ticket.ticketId, assignmentId: id, technicianId: tech!.technicianId, region, at: t(1) });
    expect(progressed('assignment.contacted').data.at).toBe(t(5));
    expect(progressed('assignment.arrived').data.at).toBe(t(30));
    expect(progressed('assignment.completed').data).toEqual({
      ticketId: ticket.ticketId,
      assignmentId: id,
      technicianId: tech!.technicianId,
      region,
      at: t(45),
      resolutionCode: 'replaced-equipment',
      note: 'ONT replaced',
    });
    expect(progressed('assignment.completed').causationId).toBe(complete.id);

    const rejected = events<CommandRejected>(Topics.DispatchAssignments, 'command.rejected', (e) => e.subject === ticket.ticketId);
    expect(rejected[0]!.data).toEqual({
      commandId: tooEarly.id,
      commandType: 'assignment.complete',
      code: 'ASSIGNMENT.INVALID_TRANSITION',
      message: 'cannot complete an assignment that is contacted; arrive first',
      ticketId: ticket.ticketId,
    });
    expect(rejected[2]!.data).toMatchObject({ commandId: foreign.id, code: 'ASSIGNMENT.WRONG_TECHNICIAN' });

    const notFound = await waitOne<CommandRejected>(Topics.DispatchAssignments, 'command.rejected', (e) => e.subject === unknownId, `assignment ${unknownId}`);
    expect(notFound.data).toEqual({ commandId: unknown.id, commandType: 'assignment.accept', code: 'ASSIGNMENT.NOT_FOUND', message: 'no such assignment' });

    const row = await db.query<{ state: string; resolution_code: string; accepted_at: Date; completed_at: Date }>(
      'SELECT state, resolution_code, accepted_at, completed_at FROM dispatch.assignments WHERE assignment_id = $1',
      [id],
    );
    expect(row.rows[0]).toEqual({ state: 'completed', resolution_code: 'replaced-equipment', accepted_at: new Date(t(1)), completed_at: new Date(t(45)) });
  });
});
