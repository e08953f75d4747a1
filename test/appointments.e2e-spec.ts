import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { Topics, type Envelope, type TechnicianRegister, type TicketReceived } from '@switchboard/contracts';
import { createKafka } from '@switchboard/messaging';
import { testInfra, TopicCollector, waitFor } from '@switchboard/testing';
import { registerRoster } from './support/platform';
import { startService, TEST_API_KEY, type RunningService } from './support/service-process';

type Slot = { from: string; to: string };
interface AppointmentView {
  ticketId: string;
  assignmentId: string;
  technicianId: string;
  offered: Slot[];
  offerReason: string | null;
  booked: Slot | null;
}
interface TicketView {
  ticket: { assignment: { assignmentId: string; technicianId: string; state: string } | null };
  timeline: { type: string; data: Record<string, unknown> }[];
}

/**
 * Issue 5, appointments (ADR 0027), through the gateway, intake and dispatch on the real broker and
 * database: an assigned repair is offered windows its technician can keep; the customer books one
 * (`appointment.booked`); a second ticket offered the same window before that booking cannot have it
 * any more (a 100-minute repair + 30 minutes of travel do not fit twice in a 2-hour window) and is
 * refused with APPOINTMENT.SLOT_UNAVAILABLE; the technician's contact and arrival are recorded as
 * facts (`contact.timed`, `appointment.kept`/`missed`).
 */
describe('appointments (gateway + intake + dispatch)', () => {
  const region = `ap-${randomUUID().slice(0, 8)}`;
  let services: RunningService[] = [];
  let gateway: RunningService;
  let kafka: Kafka;
  let collector: TopicCollector;

  const technician: TechnicianRegister = {
    technicianId: `${region}-t1`,
    name: 'Engineer Wang',
    phone: '+86 138 0000 7001',
    employer: 'own-staff',
    region,
    county: 'c1',
    zone: 'z1',
    group: `${region}-g`,
    skills: [{ service: 'broadband', kinds: ['install', 'move', 'repair', 'complaint'] }],
    onDuty: true,
    dailyCapacity: 10,
  };

  const api = (path: string, init: RequestInit = {}) => fetch(gateway.url(path), { ...init, headers: { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'application/json' } });
  const post = (path: string, body: unknown) => api(path, { method: 'POST', body: JSON.stringify(body) });

  const submit = async (kind: TicketReceived['kind']): Promise<string> => {
    const t: TicketReceived = {
      externalId: `AP-${randomUUID()}`,
      channel: 'phone',
      kind,
      service: 'broadband',
      customer: { id: `C-${randomUUID().slice(0, 8)}`, name: 'Test Customer', phone: '+86 571 5550 0002', tier: 'standard' },
      location: { region, county: 'c1', zone: 'z1' },
      summary: 'No internet',
      reportedAt: new Date().toISOString(),
      receivedBy: 'agent/e2e',
    };
    const res = await post('/v1/tickets', t);
    expect(res.status).toBe(202);
    return ((await res.json()) as { ticketId: string }).ticketId;
  };
  const appointmentOf = (ticketId: string) =>
    waitFor(
      async () => {
        const res = await api(`/v1/tickets/${ticketId}/appointment`);
        return res.status === 200 ? ((await res.json()) as AppointmentView) : undefined;
      },
      { message: `the appointment offered for ${ticketId}`, timeoutMs: 30_000 },
    );
  const timelineEvent = (ticketId: string, type: string, match: (d: Record<string, unknown>) => boolean = () => true) =>
    waitFor(
      async () => {
        const v = (await (await api(`/v1/tickets/${ticketId}`)).json()) as TicketView;
        return v.timeline.find((e) => e.type === type && match(e.data));
      },
      { message: `${type} in the timeline of ${ticketId}`, timeoutMs: 30_000 },
    );
  const kafkaEvent = (type: string, ticketId: string) =>
    waitFor(() => collector.json<Envelope<string, Record<string, unknown>>>(Topics.DispatchAssignments).find((e) => e.type === type && e.data.ticketId === ticketId), {
      message: `${type} for ${ticketId} on dispatch.assignments.v1`,
      timeoutMs: 30_000,
    });

  beforeAll(async () => {
    kafka = createKafka({ brokers: testInfra().kafkaBrokers, clientId: 'appointments-e2e' });
    collector = await new TopicCollector(kafka, [Topics.DispatchAssignments]).start();
    // 100-minute repairs: two cannot share a 2-hour window (100 + 30 minutes of unknown travel > 120).
    services = await Promise.all([startService('gateway', 18700), startService('intake', 18701), startService('dispatch', 18702, { APPOINTMENT_SERVICE_MINUTES_REPAIR: '100' })]);
    gateway = services[0]!;
    await registerRoster(api, [technician]);
  });

  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop('SIGTERM')));
    await collector?.stop();
  });

  it('offers windows on assignment, books one, and refuses the same window to a second ticket once it no longer fits (APPOINTMENT.SLOT_UNAVAILABLE)', async () => {
    const first = await submit('repair');
    const second = await submit('repair');
    const a1 = await appointmentOf(first);
    const a2 = await appointmentOf(second);
    expect(a1.technicianId).toBe(technician.technicianId);
    expect(a1.offered.length).toBe(6);
    for (const s of a1.offered) expect(Date.parse(s.to) - Date.parse(s.from)).toBe(2 * 3_600_000);
    const offered = (await kafkaEvent('appointment.offered', first)).data;
    expect(offered).toMatchObject({ assignmentId: a1.assignmentId, technicianId: technician.technicianId, region, slots: a1.offered });

    // Both were offered the same earliest window before either booked.
    const slot = a1.offered[0]!;
    expect(a2.offered).toContainEqual(slot);

    expect((await post(`/v1/tickets/${first}/appointment`, { slot })).status).toBe(202);
    const booked = await kafkaEvent('appointment.booked', first);
    expect(booked.data).toMatchObject({ assignmentId: a1.assignmentId, slot });
    await waitFor(async () => ((await appointmentOf(first)).booked ? true : undefined), { message: 'the booking in the read model' });
    expect((await appointmentOf(first)).booked).toEqual(slot);

    expect((await post(`/v1/tickets/${second}/appointment`, { slot })).status).toBe(202);
    const rejected = await timelineEvent(second, 'command.rejected');
    expect(rejected.data).toMatchObject({ commandType: 'appointment.book', code: 'APPOINTMENT.SLOT_UNAVAILABLE' });
    expect((await appointmentOf(second)).booked).toBeNull();

    // The next window is still free for the second ticket.
    const next = a2.offered.find((s) => s.from !== slot.from)!;
    expect((await post(`/v1/tickets/${second}/appointment`, { slot: next })).status).toBe(202);
    expect((await kafkaEvent('appointment.booked', second)).data).toMatchObject({ slot: next });
  });

  it('answers 409 at once for a window that was not offered or a second booking, 404 for a ticket without an appointment', async () => {
    const ticketId = await submit('repair');
    const a = await appointmentOf(ticketId);
    const notOffered = await post(`/v1/tickets/${ticketId}/appointment`, { slot: { from: '2020-01-01T00:00:00Z', to: '2020-01-01T02:00:00Z' } });
    expect(notOffered.status).toBe(409);
    expect(((await notOffered.json()) as { error: string }).error).toBe('APPOINTMENT.SLOT_NOT_OFFERED');

    expect((await post(`/v1/tickets/${ticketId}/appointment`, { slot: a.offered[0] })).status).toBe(202);
    await waitFor(async () => ((await appointmentOf(ticketId)).booked ? true : undefined), { message: 'the booking in the read model' });
    const again = await post(`/v1/tickets/${ticketId}/appointment`, { slot: a.offered[1] });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: string }).error).toBe('APPOINTMENT.ALREADY_BOOKED');

    expect((await api(`/v1/tickets/${randomUUID()}/appointment`)).status).toBe(404);
  });

  it('records contact timeliness and appointment keeping as facts: a first contact at once is timely; arriving before the booked window is a miss, early', async () => {
    const ticketId = await submit('repair');
    const a = await appointmentOf(ticketId);
    const slot = a.offered[a.offered.length - 1]!;
    expect((await post(`/v1/tickets/${ticketId}/appointment`, { slot })).status).toBe(202);
    await kafkaEvent('appointment.booked', ticketId);

    expect((await post(`/v1/assignments/${a.assignmentId}/contact`, {})).status).toBe(202);
    const contact = await kafkaEvent('contact.timed', ticketId);
    expect(contact.data).toMatchObject({ assignmentId: a.assignmentId, limitMinutes: 30, timely: true });

    await timelineEvent(ticketId, 'assignment.contacted');
    expect((await post(`/v1/assignments/${a.assignmentId}/arrive`, {})).status).toBe(202);
    const missed = await kafkaEvent('appointment.missed', ticketId);
    expect(missed.data).toMatchObject({ assignmentId: a.assignmentId, slot });
    expect(missed.data.lateByMinutes as number).toBeLessThan(0);
    await timelineEvent(ticketId, 'appointment.missed');
  });
});
