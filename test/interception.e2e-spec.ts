import { randomUUID } from 'node:crypto';
import type { TechnicianRegister, TicketReceived } from '@switchboard/contracts';
import { waitFor } from '@switchboard/testing';
import { registerRoster, startPlatform, type RunningPlatform } from './support/platform';

/**
 * Issue 4 across all six services: intake's interception as the rest of the platform acts on it —
 * a known outage withdraws an assignment whose technician has not left, answers new repairs
 * without a technician, and its closing resolves them with their clocks stopped; a remote support
 * hold reaches a technician only when the agent releases it.
 */
describe('interception across the platform', () => {
  const region = `ri-${randomUUID().slice(0, 8)}`;
  let platform: RunningPlatform;

  const technicians: TechnicianRegister[] = ['z1', 'z1', 'z2'].map((zone, i) => ({
    technicianId: `${region}-t${i}`,
    name: `Engineer ${i}`,
    phone: `+86 138 0000 ${String(2000 + i)}`,
    employer: 'own-staff',
    region,
    county: 'c1',
    zone,
    group: `${region}-g1`,
    skills: [
      { service: 'broadband', kinds: ['install', 'move', 'repair', 'complaint'] },
      { service: 'iptv', kinds: ['install', 'move', 'repair', 'complaint'] },
    ],
    onDuty: true,
    dailyCapacity: 100,
  }));

  const ticket = (externalId: string, zone: string, service: TicketReceived['service'] = 'broadband'): TicketReceived => ({
    externalId,
    channel: 'phone',
    kind: 'repair',
    service,
    customer: { id: `C-${externalId}`, name: 'Test Customer', phone: '+86 571 5550 0001', tier: 'standard' },
    location: { region, county: 'c1', zone },
    summary: 'It does not work',
    reportedAt: new Date().toISOString(),
    receivedBy: 'agent/e2e',
  });

  const submit = async (t: TicketReceived): Promise<string> => {
    const res = await platform.api('/v1/tickets', { method: 'POST', body: JSON.stringify(t) });
    expect(res.status).toBe(202);
    return ((await res.json()) as { ticketId: string }).ticketId;
  };
  const getTicket = async (id: string) => {
    const res = await platform.api(`/v1/tickets/${id}`);
    return res.status === 200 ? ((await res.json()) as TicketView) : undefined;
  };
  const waitForView = (id: string, until: (v: TicketView) => boolean, message: string, timeoutMs = 30_000) =>
    waitFor(
      async () => {
        const v = await getTicket(id);
        return v && until(v) ? v : undefined;
      },
      { message, timeoutMs },
    );
  const types = (v: TicketView) => v.timeline.map((e) => e.type);

  beforeAll(async () => {
    // IPTV repairs wait for remote support far longer than the test: only a release sends them on.
    platform = await startPlatform(18500, { REMOTE_SUPPORT_KINDS: 'repair:iptv', REMOTE_SUPPORT_HOLD_MINUTES: '60', SLA_POLL_MS: '100' });
    await registerRoster(platform.api, technicians);
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('withdraws an assignment an outage sweeps, answers a new repair inside it without a technician, and resolves both when the outage closes', async () => {
    const sweptId = await submit(ticket(`SWEPT-${region}`, 'z1'));
    const assigned = await waitForView(sweptId, (v) => v.ticket.assignment?.state === 'assigned', 'the first repair to be assigned');
    const assignmentId = assigned.ticket.assignment!.assignmentId;

    const opened = await platform.api('/v1/known-issues', {
      method: 'POST',
      body: JSON.stringify({
        kind: 'outage',
        area: { region, zones: ['z1'], cells: [] },
        services: ['broadband'],
        startsAt: new Date(Date.now() - 60_000).toISOString(),
        explanation: 'A fibre cut is being repaired; service is back by 18:00.',
      }),
    });
    expect(opened.status).toBe(202);
    const { knownIssueId } = (await opened.json()) as { knownIssueId: string };

    // The sweep: answered, held, and the technician (not yet on site) loses the job. The hold
    // (lifecycle topic) and the withdrawal (assignments topic) reach the read model in either order.
    const swept = await waitForView(
      sweptId,
      (v) => types(v).includes('assignment.withdrawn') && types(v).includes('ticket.held'),
      'the swept repair to be held and lose its assignment',
    );
    expect(swept.ticket.state).toBe('held');
    expect(swept.ticket.knownIssueId).toBe(knownIssueId);
    const answer = swept.timeline.find((e) => e.type === 'ticket.answered-by-known-issue')?.data as { swept: boolean; outcome: string } | undefined;
    expect(answer).toMatchObject({ swept: true, outcome: 'held-until-fixed' });
    const withdrawn = swept.timeline.find((e) => e.type === 'assignment.withdrawn')?.data as { assignmentId: string };
    expect(withdrawn.assignmentId).toBe(assignmentId);

    // A new repair inside the outage never goes to dispatch; one outside it does.
    const insideId = await submit(ticket(`INSIDE-${region}`, 'z1'));
    const outsideId = await submit(ticket(`OUTSIDE-${region}`, 'z2'));
    const inside = await waitForView(insideId, (v) => types(v).includes('ticket.held'), 'the repair inside the outage to be held');
    expect(types(inside)).toEqual(expect.arrayContaining(['ticket.accepted', 'ticket.answered-by-known-issue', 'notification.requested']));
    // ticket.dispatch-requested would sit before ticket.held on the same partition: it was never sent.
    expect(types(inside)).not.toContain('ticket.dispatch-requested');
    expect(inside.ticket.assignment).toBeNull();
    await waitForView(outsideId, (v) => v.ticket.assignment?.state === 'assigned', 'the repair outside the outage to be assigned');

    // Closing the outage resolves both, with a second notice each, and stops their clocks met.
    expect((await platform.api(`/v1/known-issues/${knownIssueId}/close`, { method: 'POST', body: JSON.stringify({ note: 'Repaired.' }) })).status).toBe(202);
    for (const id of [sweptId, insideId]) {
      const closed = await waitForView(
        id,
        (v) => v.ticket.state === 'resolved' && v.clocks.length > 0 && v.clocks.every((c) => c.state === 'stopped'),
        `${id} to be resolved with its clocks stopped`,
      );
      expect(closed.ticket.resolution).toMatchObject({ resolution: 'known-issue-closed', intercepted: true });
      expect(closed.timeline.filter((e) => e.type === 'notification.requested').length).toBeGreaterThanOrEqual(2);
      expect(closed.clocks.every((c) => c.met === true)).toBe(true);
      expect(types(closed)).not.toContain('sla.breached');
    }
  });

  it('keeps a remote-support hold away from technicians until the agent releases it, then dispatches it', async () => {
    const heldId = await submit(ticket(`REMOTE-${region}`, 'z2', 'iptv'));
    const held = await waitForView(heldId, (v) => types(v).includes('ticket.held'), 'the IPTV repair to wait for remote support');
    expect(held.ticket.state).toBe('held');
    expect(held.ticket.assignment).toBeNull();
    const queue = await waitFor(
      async () => {
        const body = (await (await platform.api(`/v1/remote-support?region=${region}`)).json()) as { items: { ticketId: string }[] };
        return body.items.some((i) => i.ticketId === heldId) ? body : undefined;
      },
      { message: 'the held ticket in the remote support queue' },
    );
    expect(queue.items.map((i) => i.ticketId)).toContain(heldId);

    expect((await platform.api(`/v1/remote-support/${heldId}/release`, { method: 'POST', body: JSON.stringify({ note: 'Needs a visit.' }) })).status).toBe(202);
    const released = await waitForView(heldId, (v) => v.ticket.assignment?.state === 'assigned', 'the released ticket to be assigned');
    const requested = released.timeline.find((e) => e.type === 'ticket.dispatch-requested')?.data as { reason: string };
    expect(requested.reason).toBe('released-by-remote-support');
    expect(types(released).indexOf('ticket.dispatch-requested')).toBeLessThan(types(released).indexOf('ticket.assigned'));
  });
});

interface TicketView {
  ticket: {
    id: string;
    state: string;
    knownIssueId: string | null;
    resolution: { resolution: string; intercepted: boolean } | null;
    assignment: { assignmentId: string; technicianId: string; state: string } | null;
  };
  clocks: { clockId: string; metric: string; state: string; met: boolean | null }[];
  timeline: { eventId: string; type: string; time: string; data: unknown }[];
}
