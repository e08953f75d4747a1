import { randomUUID } from 'node:crypto';
import type { Kafka, Producer } from 'kafkajs';
import { makeEvent, Topics, type Envelope, type TechnicianRegister, type TicketReceived } from '@switchboard/contracts';
import { createKafka, physicalTopic } from '@switchboard/messaging';
import { testInfra, TopicCollector, waitFor } from '@switchboard/testing';
import { registerRoster } from './support/platform';
import { startService, TEST_API_KEY, type RunningService } from './support/service-process';

type Slot = { from: string; to: string };
type AnyEvent = Envelope<string, Record<string, unknown>>;
interface AppointmentView {
  assignmentId: string;
  technicianId: string;
  offered: Slot[];
  booked: Slot | null;
}
interface ApprovalView {
  approvalId: string;
  ticketId: string;
  kind: string;
  state: string;
  requestedBy: string;
  decidedBy: string | null;
  comment: string | null;
  endedBy: string | null;
}

/**
 * Issue 5, supervisor approvals (ADR 0027), through the gateway, intake and dispatch on the real
 * broker and database: a reschedule asked by the technician and approved moves the booked window
 * (`appointment.rescheduled`) and sends the customer a new SMS; a suspension approved is published
 * as `ticket.suspended` and ended as `ticket.suspension-ended` (by the technician, or by the system
 * when the ticket is completed while suspended); a rejected request publishes nothing but is in the
 * timeline; a technician cannot ask on another technician's assignment; a second decision is refused.
 */
describe('approvals (gateway + intake + dispatch)', () => {
  const region = `apr-${randomUUID().slice(0, 8)}`;
  const id = (s: string) => `${region}-${s}`;
  let services: RunningService[] = [];
  let gateway: RunningService;
  let kafka: Kafka;
  let producer: Producer;
  let collector: TopicCollector;

  // A owns zone z1, B owns z2.
  const technicians: TechnicianRegister[] = (['a', 'b'] as const).map((s, i) => ({
    technicianId: id(s),
    name: `Engineer ${s.toUpperCase()}`,
    phone: `+86 138 0000 800${i}`,
    employer: 'own-staff',
    region,
    county: 'c1',
    zone: `z${i + 1}`,
    group: `${region}-g`,
    skills: [{ service: 'broadband', kinds: ['install', 'move', 'repair', 'complaint'] }],
    onDuty: true,
    dailyCapacity: 10,
  }));

  const api = (path: string, init: RequestInit = {}) => fetch(gateway.url(path), { ...init, headers: { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'application/json' } });
  const post = (path: string, body: unknown) => api(path, { method: 'POST', body: JSON.stringify(body) });
  const customerPhone = '+86 571 5550 0003';

  const submit = async (): Promise<string> => {
    const t: TicketReceived = {
      externalId: `APR-${randomUUID()}`,
      channel: 'phone',
      kind: 'install',
      service: 'broadband',
      customer: { id: `C-${randomUUID().slice(0, 8)}`, name: 'Test Customer', phone: customerPhone, tier: 'standard' },
      location: { region, county: 'c1', zone: 'z1' },
      summary: 'New broadband line',
      reportedAt: new Date().toISOString(),
      receivedBy: 'agent/e2e',
    };
    const res = await post('/v1/tickets', t);
    expect(res.status).toBe(202);
    return ((await res.json()) as { ticketId: string }).ticketId;
  };
  const appointmentOf = (ticketId: string, until: (a: AppointmentView) => boolean = () => true) =>
    waitFor(
      async () => {
        const res = await api(`/v1/tickets/${ticketId}/appointment`);
        const a = res.status === 200 ? ((await res.json()) as AppointmentView) : undefined;
        return a && until(a) ? a : undefined;
      },
      { message: `the appointment of ${ticketId}`, timeoutMs: 30_000 },
    );
  const approval = (approvalId: string, state: string) =>
    waitFor(
      async () => {
        const { items } = (await (await api(`/v1/approvals?region=${region}&limit=200`)).json()) as { items: ApprovalView[] };
        return items.find((a) => a.approvalId === approvalId && a.state === state);
      },
      { message: `approval ${approvalId} to be ${state}`, timeoutMs: 30_000 },
    );
  const timeline = async (ticketId: string) => ((await (await api(`/v1/tickets/${ticketId}`)).json()) as { timeline: { type: string; data: Record<string, unknown> }[] }).timeline;
  const onKafka = (topic: string, type: string, match: (d: Record<string, unknown>) => boolean) =>
    waitFor(() => collector.json<AnyEvent>(topic).find((e) => e.type === type && match(e.data)), { message: `${type} on ${topic}`, timeoutMs: 30_000 });
  const published = (type: string, approvalId: string) => collector.json<AnyEvent>(Topics.DispatchAssignments).filter((e) => e.type === type && e.data.approvalId === approvalId);

  /** A ticket assigned to A with its first offered window booked. */
  const bookedTicket = async () => {
    const ticketId = await submit();
    const a = await appointmentOf(ticketId);
    expect(a.technicianId).toBe(id('a'));
    expect((await post(`/v1/tickets/${ticketId}/appointment`, { slot: a.offered[0] })).status).toBe(202);
    return { ticketId, ...(await appointmentOf(ticketId, (x) => x.booked !== null)) };
  };
  const request = async (body: Record<string, unknown>) => {
    const res = await post('/v1/approvals', body);
    expect(res.status).toBe(202);
    return ((await res.json()) as { approvalId: string }).approvalId;
  };

  beforeAll(async () => {
    kafka = createKafka({ brokers: testInfra().kafkaBrokers, clientId: 'approvals-e2e' });
    collector = await new TopicCollector(kafka, [Topics.DispatchAssignments, Topics.NotificationsOutbound]).start();
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    services = await Promise.all([startService('gateway', 18710), startService('intake', 18711), startService('dispatch', 18712)]);
    gateway = services[0]!;
    await registerRoster(api, technicians);
  });

  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop('SIGTERM')));
    await collector?.stop();
    await producer?.disconnect();
  });

  it("refuses a technician asking on another technician's assignment: 403 at the gateway, APPROVAL.NOT_YOUR_ASSIGNMENT from dispatch", async () => {
    const { ticketId } = await bookedTicket();
    const res = await post('/v1/approvals', { ticketId, kind: 'suspension', technicianId: id('b'), reason: 'customer-absent' });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toBe('APPROVAL.NOT_YOUR_ASSIGNMENT');
    const missingSlot = await post('/v1/approvals', { ticketId, kind: 'reschedule', technicianId: id('a') });
    expect(missingSlot.status).toBe(422);

    // Dispatch decides it too, for a command that does not come through the gateway.
    const approvalId = randomUUID();
    const command = makeEvent(
      'approval.request',
      { approvalId, ticketId, kind: 'suspension', requestedBy: id('b'), requesterKind: 'technician', reason: 'customer-absent' },
      { source: 'e2e/approvals', subject: ticketId, time: new Date() },
    );
    await producer.send({ topic: physicalTopic(Topics.DispatchCommands), messages: [{ key: ticketId, value: JSON.stringify(command) }] });
    const rejected = await waitFor(async () => (await timeline(ticketId)).find((e) => e.type === 'command.rejected' && e.data.commandId === command.id), {
      message: 'the refusal in the timeline',
      timeoutMs: 30_000,
    });
    expect(rejected.data).toMatchObject({ commandType: 'approval.request', code: 'APPROVAL.NOT_YOUR_ASSIGNMENT' });
    expect(collector.json<AnyEvent>(Topics.DispatchAssignments).filter((e) => e.data.approvalId === approvalId)).toEqual([]);
  });

  it('a reschedule the technician asks for waits for a supervisor; approved, the window moves and the customer gets a new SMS; a second decision is refused', async () => {
    const t = await bookedTicket();
    const slot = t.offered.find((s) => s.from !== t.booked!.from)!;
    const approvalId = await request({ ticketId: t.ticketId, kind: 'reschedule', technicianId: id('a'), slot, note: 'Van broke down' });

    const pending = await approval(approvalId, 'pending');
    expect(pending).toMatchObject({ ticketId: t.ticketId, kind: 'reschedule', requestedBy: id('a') });
    const { items } = (await (await api(`/v1/approvals?state=pending&region=${region}`)).json()) as { items: ApprovalView[] };
    expect(items.map((a) => a.approvalId)).toContain(approvalId);

    expect((await post(`/v1/approvals/${approvalId}/decision`, { decision: 'approved', comment: 'ok, customer agreed', supervisorId: 'sup-1' })).status).toBe(202);
    const moved = await onKafka(Topics.DispatchAssignments, 'appointment.rescheduled', (d) => d.approvalId === approvalId);
    expect(moved.data).toMatchObject({ ticketId: t.ticketId, assignmentId: t.assignmentId, previous: t.booked, slot });
    const sms = await onKafka(Topics.NotificationsOutbound, 'notification.requested', (d) => d.ticketId === t.ticketId && d.template === 'dispatch.appointment-rescheduled');
    expect(sms.data).toMatchObject({ channel: 'sms', to: customerPhone });
    expect(sms.data.text).toContain('Engineer A');

    expect(await approval(approvalId, 'approved')).toMatchObject({ decidedBy: 'sup-1', comment: 'ok, customer agreed' });
    expect((await appointmentOf(t.ticketId, (a) => a.booked?.from === slot.from)).booked).toEqual(slot);
    const again = await post(`/v1/approvals/${approvalId}/decision`, { decision: 'rejected' });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: string }).error).toBe('APPROVAL.ALREADY_DECIDED');
  });

  it('a rejected suspension publishes nothing but is in the timeline; an approved one is published as ticket.suspended and ended by the technician as ticket.suspension-ended', async () => {
    const t = await bookedTicket();
    const rejectedId = await request({ ticketId: t.ticketId, kind: 'suspension', reason: 'customer-request', note: 'Customer asks to wait' });
    await approval(rejectedId, 'pending');
    expect((await post(`/v1/approvals/${rejectedId}/decision`, { decision: 'rejected', comment: 'no reason to wait', supervisorId: 'sup-1' })).status).toBe(202);
    await approval(rejectedId, 'rejected');
    await waitFor(async () => (await timeline(t.ticketId)).find((e) => e.type === 'approval.decided' && e.data.approvalId === rejectedId), { message: 'the rejection in the timeline' });

    const approvedId = await request({ ticketId: t.ticketId, kind: 'suspension', technicianId: id('a'), reason: 'waiting-for-construction', expectedEndAt: '2030-01-01T00:00:00.000Z' });
    await approval(approvedId, 'pending');
    expect((await post(`/v1/approvals/${approvedId}/decision`, { decision: 'approved', supervisorId: 'sup-2' })).status).toBe(202);
    const suspended = await onKafka(Topics.DispatchAssignments, 'ticket.suspended', (d) => d.approvalId === approvedId);
    expect(suspended.data).toMatchObject({ ticketId: t.ticketId, region, reason: 'waiting-for-construction', requestedBy: id('a'), approvedBy: 'sup-2', expectedEndAt: '2030-01-01T00:00:00.000Z' });
    // Same ticket, same partition, later: had the rejected one been published, it would be here by now.
    expect(published('ticket.suspended', rejectedId)).toEqual([]);
    await approval(approvedId, 'approved');

    const other = await post(`/v1/approvals/${approvedId}/end`, { technicianId: id('b') });
    expect(other.status).toBe(403);
    expect((await post(`/v1/approvals/${approvedId}/end`, { technicianId: id('a') })).status).toBe(202);
    const ended = await onKafka(Topics.DispatchAssignments, 'ticket.suspension-ended', (d) => d.approvalId === approvedId);
    expect(ended.data).toMatchObject({ ticketId: t.ticketId, endedBy: id('a') });
    expect(await approval(approvedId, 'ended')).toMatchObject({ endedBy: id('a') });
    expect((await post(`/v1/approvals/${approvedId}/end`, {})).status).toBe(409);

    const types = (await timeline(t.ticketId)).map((e) => e.type);
    for (const type of ['approval.requested', 'approval.decided', 'ticket.suspended', 'ticket.suspension-ended']) expect(types).toContain(type);
  });

  it('a ticket completed while suspended ends its suspension by the system', async () => {
    const t = await bookedTicket();
    const approvalId = await request({ ticketId: t.ticketId, kind: 'suspension', reason: 'customer-absent' });
    await approval(approvalId, 'pending');
    expect((await post(`/v1/approvals/${approvalId}/decision`, { decision: 'approved', supervisorId: 'sup-1' })).status).toBe(202);
    await approval(approvalId, 'approved');
    for (const action of ['contact', 'arrive']) {
      expect((await post(`/v1/assignments/${t.assignmentId}/${action}`, {})).status).toBe(202);
      await waitFor(async () => (await timeline(t.ticketId)).some((e) => e.type === (action === 'contact' ? 'assignment.contacted' : 'assignment.arrived')) || undefined, { message: `${action} recorded` });
    }
    expect((await post(`/v1/assignments/${t.assignmentId}/complete`, { resolutionCode: 'fixed' })).status).toBe(202);
    const ended = await onKafka(Topics.DispatchAssignments, 'ticket.suspension-ended', (d) => d.approvalId === approvalId);
    expect(ended.data).toMatchObject({ ticketId: t.ticketId, endedBy: 'system' });
  });
});
