import { randomUUID } from 'node:crypto';
import type { Kafka, Producer } from 'kafkajs';
import { makeEvent, ticketReceivedExample, Topics, type CommandRejected, type Envelope, type NotificationRequested, type TicketReceived } from '@switchboard/contracts';
import { createKafka, physicalTopic } from '@switchboard/messaging';
import { testInfra, TopicCollector, waitFor } from '@switchboard/testing';
import { startService, TEST_API_KEY, type RunningService } from './support/service-process';

const WAIT = { timeoutMs: 30_000 };

interface TicketView {
  ticket: { state: string; resolution: { resolution: string; reply: string | null } | null };
  timeline: { type: string; data: Record<string, unknown> }[];
}

interface QueueView {
  department: string;
  items: { ticketId: string; chain: string[] }[];
  total: number;
}

/**
 * Issue 5, "Departments (complaints)", through the real broker and database with gateway, intake,
 * dispatch, the SLA monitor and callback: a mobile network complaint goes to the network
 * optimisation centre instead of a technician, is transferred to maintenance, cannot bounce back,
 * and maintenance's reply resolves it (clocks stopped, callback scheduled, customer told by SMS);
 * a coverage complaint in a build-plan zone is answered from the list without any transfer; a key
 * of another region neither sees nor acts on the queue.
 */
describe('departments for complaints (gateway + intake + dispatch + sla-monitor + callback)', () => {
  let services: RunningService[] = [];
  let gateway: RunningService;
  let kafka: Kafka;
  let collector: TopicCollector;
  let producer: Producer;
  const run = randomUUID().slice(0, 8);
  const region = `dep-${run}`;
  const otherRegion = `dep-other-${run}`;

  beforeAll(async () => {
    kafka = createKafka({ brokers: testInfra().kafkaBrokers, clientId: 'departments-e2e' });
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    collector = await new TopicCollector(kafka, [Topics.DispatchAssignments, Topics.NotificationsOutbound]).start();
    services = await Promise.all([
      startService('gateway', 18970),
      startService('intake', 18971, { REMOTE_SUPPORT_KINDS: 'repair:iptv' }),
      startService('dispatch', 18972),
      startService('sla-monitor', 18973),
      startService('callback', 18974),
    ]);
    gateway = services[0]!;
  });

  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop('SIGTERM')));
    await collector?.stop();
    await producer?.disconnect();
  });

  const call = (key: string, method: string, path: string, body?: unknown) =>
    fetch(gateway.url(path), { method, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const admin = (method: string, path: string, body?: unknown) => call(TEST_API_KEY, method, path, body);

  async function complaint(over: Partial<TicketReceived> = {}, location: Partial<TicketReceived['location']> = {}): Promise<string> {
    const body: TicketReceived = {
      ...ticketReceivedExample,
      externalId: `DEP-${run}-${randomUUID().slice(0, 8)}`,
      kind: 'complaint',
      service: 'mobile',
      complaintCategory: 'call-drops',
      summary: 'Calls drop every few minutes at home',
      location: { region, county: 'xihu', zone: `zone-${run}`, cellId: `CELL-${run}-1`, ...location },
      ...over,
    };
    const res = await admin('POST', '/v1/tickets', body);
    expect(res.status).toBe(202);
    return ((await res.json()) as { ticketId: string }).ticketId;
  }

  const view = async (ticketId: string) => {
    const res = await admin('GET', `/v1/tickets/${ticketId}`);
    return res.status === 200 ? ((await res.json()) as TicketView) : undefined;
  };

  async function waitTimeline(ticketId: string, what: string, ok: (v: TicketView) => boolean): Promise<TicketView> {
    return waitFor(async () => {
      const v = await view(ticketId);
      return v && ok(v) ? v : undefined;
    }, { ...WAIT, message: `${what} for ticket ${ticketId}` });
  }

  const has = (v: TicketView, type: string) => v.timeline.some((e) => e.type === type);

  async function queue(key: string, department: string): Promise<QueueView> {
    const res = await call(key, 'GET', `/v1/departments/${department}/queue?limit=200`);
    expect(res.status).toBe(200);
    return (await res.json()) as QueueView;
  }

  async function waitInQueue(department: string, ticketId: string): Promise<void> {
    await waitFor(async () => ((await queue(TEST_API_KEY, department)).items.some((i) => i.ticketId === ticketId) ? true : undefined), {
      ...WAIT,
      message: `ticket ${ticketId} in the ${department} queue`,
    });
  }

  const dispatchEvents = <T>(type: string, ticketId: string) =>
    collector.json<Envelope<string, T>>(Topics.DispatchAssignments).filter((e) => e.type === type && e.subject === ticketId);

  it('centre → maintenance → refused bounce-back → maintenance replies → resolved, clocks stopped, callback scheduled, customer told', async () => {
    const ticketId = await complaint();
    await waitInQueue('network-optimisation', ticketId);
    // No technician was sought for it.
    expect(dispatchEvents('ticket.assigned', ticketId)).toHaveLength(0);
    expect(dispatchEvents('ticket.unassignable', ticketId)).toHaveLength(0);

    // Only the holder acts: maintenance does not hold it yet.
    const early = await admin('POST', `/v1/complaints/${ticketId}/reply`, { byDepartment: 'maintenance', reply: 'Fixed.' });
    expect(early.status).toBe(409);
    expect(((await early.json()) as { error: string }).error).toBe('DEPARTMENT.NOT_HOLDER');

    const moved = await admin('POST', `/v1/complaints/${ticketId}/transfer`, { byDepartment: 'network-optimisation', toDepartment: 'maintenance', note: 'Faulty transceiver on the cell' });
    expect(moved.status).toBe(202);
    await waitInQueue('maintenance', ticketId);
    expect((await queue(TEST_API_KEY, 'network-optimisation')).items.map((i) => i.ticketId)).not.toContain(ticketId);

    // Maintenance tries to send it back to the centre: refused by the gateway at once (409) …
    const back = await admin('POST', `/v1/complaints/${ticketId}/transfer`, { byDepartment: 'maintenance', toDepartment: 'network-optimisation', note: 'Not ours' });
    expect(back.status).toBe(409);
    expect(((await back.json()) as { error: string }).error).toBe('DEPARTMENT.BOUNCE_BACK');
    // … and by dispatch, which decides last, for a command that reaches it without the gateway's check.
    const command = makeEvent(
      'complaint.transfer',
      { ticketId, byDepartment: 'maintenance', toDepartment: 'network-optimisation', note: 'Not ours', requestedBy: 'e2e' },
      { source: `e2e/departments-${run}`, subject: ticketId, time: new Date() },
    );
    await producer.send({ topic: physicalTopic(Topics.DispatchCommands), messages: [{ key: ticketId, value: JSON.stringify(command) }] });
    const [refused] = await waitFor(() => {
      const r = dispatchEvents<CommandRejected>('command.rejected', ticketId).filter((e) => e.data.commandId === command.id);
      return r.length > 0 ? r : undefined;
    }, { ...WAIT, message: `command.rejected for ${command.id}` });
    expect(refused!.data).toMatchObject({ code: 'DEPARTMENT.BOUNCE_BACK', commandType: 'complaint.transfer' });
    // The centre, no longer the holder, cannot act either.
    const notHolder = await admin('POST', `/v1/complaints/${ticketId}/transfer`, { byDepartment: 'network-optimisation', toDepartment: 'construction', note: 'x' });
    expect(notHolder.status).toBe(409);
    expect(((await notHolder.json()) as { error: string }).error).toBe('DEPARTMENT.NOT_HOLDER');

    const reply = 'The transceiver on your cell was replaced; calls no longer drop.';
    const replied = await admin('POST', `/v1/complaints/${ticketId}/reply`, { byDepartment: 'maintenance', reply });
    expect(replied.status).toBe(202);

    const done = await waitTimeline(ticketId, 'resolution, stopped clocks and a scheduled callback', (v) =>
      v.ticket.resolution?.resolution === 'replied-by-department' && has(v, 'sla.clock-stopped') && (has(v, 'survey.scheduled') || has(v, 'callback.queued')),
    );
    expect(done.ticket.resolution).toMatchObject({ resolution: 'replied-by-department', reply });
    const steps = done.timeline.map((e) => e.type).filter((t) => t.startsWith('complaint.'));
    expect(steps).toEqual(['complaint.received-by-department', 'complaint.transferred', 'complaint.replied']);
    expect(done.timeline.find((e) => e.type === 'complaint.transferred')!.data).toMatchObject({ fromDepartment: 'network-optimisation', toDepartment: 'maintenance', note: 'Faulty transceiver on the cell' });
    expect(done.timeline.find((e) => e.type === 'complaint.replied')!.data).toMatchObject({ department: 'maintenance', answeredFrom: 'department', chain: ['network-optimisation', 'maintenance'] });
    // The refusal dispatch published is in the timeline too.
    expect(done.timeline.some((e) => e.type === 'command.rejected' && e.data.code === 'DEPARTMENT.BOUNCE_BACK')).toBe(true);
    expect(has(done, 'ticket.assigned')).toBe(false);
    expect((await queue(TEST_API_KEY, 'maintenance')).items.map((i) => i.ticketId)).not.toContain(ticketId);

    const sms = await waitFor(() => {
      const found = collector.json<Envelope<string, NotificationRequested>>(Topics.NotificationsOutbound).filter((e) => e.data.ticketId === ticketId && e.data.template === 'complaint-replied');
      return found.length > 0 ? found : undefined;
    }, { ...WAIT, message: `the reply SMS for ${ticketId}` });
    expect(sms[0]!.data).toMatchObject({ channel: 'sms', to: ticketReceivedExample.customer.phone, text: `Reply to your complaint: ${reply}` });

    // A second reply is refused.
    const again = await admin('POST', `/v1/complaints/${ticketId}/reply`, { byDepartment: 'maintenance', reply: 'Again' });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: string }).error).toBe('DEPARTMENT.ALREADY_REPLIED');
  });

  it('answers a coverage complaint in a build-plan zone straight from the list, without any transfer; an unlisted one waits at the centre', async () => {
    const zone = `plan-${run}`;
    const loaded = await admin('POST', '/v1/build-plan', {
      entries: [
        { list: 'build-plan', target: 'zone', targetId: zone, region, plannedYear: 2027, plannedQuarter: 3 },
      ],
    });
    expect(loaded.status).toBe(202);
    // The no-investment list as the construction department exports it: CSV.
    const csv = await fetch(gateway.url('/v1/build-plan/csv'), {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'text/csv' },
      body: `list,target,targetId,region,note\nno-investment,cell,REMOTE-${run},${region},reservoir area\n`,
    });
    expect(csv.status).toBe(202);
    const badCsv = await fetch(gateway.url('/v1/build-plan/csv'), { method: 'POST', headers: { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'text/csv' }, body: 'list,target\nx,y\n' });
    expect(badCsv.status).toBe(422);
    for (const res of [loaded, csv]) {
      const { loadId } = (await res.json()) as { loadId: string };
      await waitFor(() => (collector.json<Envelope>(Topics.DispatchAssignments).some((e) => e.type === 'build-plan.loaded' && e.subject === loadId) ? true : undefined), {
        ...WAIT,
        message: `build-plan.loaded ${loadId}`,
      });
    }

    const planned = await complaint({ complaintCategory: 'weak-coverage' }, { zone, cellId: `CELL-${run}-9` });
    const noInvestment = await complaint({ complaintCategory: 'weak-coverage' }, { zone: `far-${run}`, cellId: `REMOTE-${run}` });
    const unlisted = await complaint({ complaintCategory: 'weak-coverage' }, { zone: `elsewhere-${run}`, cellId: `CELL-${run}-7` });

    const answered = await waitTimeline(planned, 'the build-plan answer', (v) => v.ticket.resolution?.resolution === 'replied-by-department' && has(v, 'sla.clock-stopped'));
    expect(answered.ticket.resolution!.reply).toContain('Q3 2027');
    expect(has(answered, 'complaint.transferred')).toBe(false);
    expect(answered.timeline.find((e) => e.type === 'complaint.replied')!.data).toMatchObject({
      department: 'network-optimisation',
      answeredFrom: 'build-plan',
      chain: ['network-optimisation'],
      listEntry: { target: 'zone', targetId: zone, plannedYear: 2027, plannedQuarter: 3 },
    });

    const none = await waitTimeline(noInvestment, 'the no-investment answer', (v) => v.ticket.resolution?.resolution === 'replied-by-department');
    expect(none.ticket.resolution!.reply).toMatch(/no network investment is planned for the cell serving you at present \(reservoir area\)/);
    expect(none.timeline.find((e) => e.type === 'complaint.replied')!.data).toMatchObject({ answeredFrom: 'no-investment' });

    await waitInQueue('network-optimisation', unlisted);
    expect((await view(unlisted))!.ticket.resolution).toBeNull();
  });

  it("hides the queue and the complaint from a key of another region, and refuses that key's actions", async () => {
    const ticketId = await complaint();
    await waitInQueue('network-optimisation', ticketId);
    const created = await admin('POST', '/v1/api-keys', { name: `ops ${otherRegion}`, source: `ops/${run}`, role: 'ops', regions: [otherRegion] });
    expect(created.status).toBe(201);
    const { key } = (await created.json()) as { key: string };
    const own = await admin('POST', '/v1/api-keys', { name: `ops ${region}`, source: `ops/${run}-own`, role: 'ops', regions: [region] });
    const { key: ownKey } = (await own.json()) as { key: string };

    expect((await queue(key, 'network-optimisation')).items.map((i) => i.ticketId)).not.toContain(ticketId);
    expect((await queue(ownKey, 'network-optimisation')).items.map((i) => i.ticketId)).toContain(ticketId);
    const transfer = await call(key, 'POST', `/v1/complaints/${ticketId}/transfer`, { byDepartment: 'network-optimisation', toDepartment: 'maintenance', note: 'x' });
    expect(transfer.status).toBe(404);
    const reply = await call(key, 'POST', `/v1/complaints/${ticketId}/reply`, { byDepartment: 'network-optimisation', reply: 'x' });
    expect(reply.status).toBe(404);
    const load = await call(key, 'POST', '/v1/build-plan', { entries: [{ list: 'no-investment', target: 'zone', targetId: 'z', region }] });
    expect(load.status).toBe(403);
    // The centre itself may still reply with the key of its region.
    expect((await call(ownKey, 'POST', `/v1/complaints/${ticketId}/reply`, { byDepartment: 'network-optimisation', reply: 'Checked: the cell is fine again.' })).status).toBe(202);
    await waitTimeline(ticketId, 'the centre reply', (v) => v.ticket.resolution?.resolution === 'replied-by-department');
  });
});
