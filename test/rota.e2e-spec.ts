import { randomUUID } from 'node:crypto';
import type { TechnicianRegister, TicketReceived } from '@switchboard/contracts';
import { waitFor } from '@switchboard/testing';
import { registerRoster } from './support/platform';
import { startService, TEST_API_KEY, type RunningService } from './support/service-process';

/**
 * Issue 5, the rest rota (domain.md §3), through the gateway, intake and dispatch on the real broker
 * and database: a supervisor switches a group's rota on (generated: one rest day each, nobody
 * sharing a day), a technician resting or absent today is never dispatched even as the zone's own
 * engineer — another one is, and the explanation says who was skipped and why — and an edit takes
 * effect at once; a week without a rest day is refused with 422.
 */
describe('rest rota (gateway + intake + dispatch)', () => {
  const region = `rr-${randomUUID().slice(0, 8)}`;
  const group = `${region}-g`;
  const id = (s: string) => `${region}-${s}`;
  let services: RunningService[] = [];
  let gateway: RunningService;

  // A owns zone z1, B owns z2, C and D share z3: one group of four.
  const technicians: TechnicianRegister[] = (
    [
      ['a', 'z1'],
      ['b', 'z2'],
      ['c', 'z3'],
      ['d', 'z3'],
    ] as const
  ).map(([s, zone], i) => ({
    technicianId: id(s),
    name: `Engineer ${s.toUpperCase()}`,
    phone: `+86 138 0000 ${String(3000 + i)}`,
    employer: 'own-staff',
    region,
    county: 'c1',
    zone,
    group,
    skills: [{ service: 'broadband', kinds: ['install', 'move', 'repair', 'complaint'] }],
    onDuty: true,
    dailyCapacity: 100,
  }));

  // The dispatch centre's business date (DISPATCH_TIME_ZONE defaults to Asia/Shanghai) and its ISO week.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const isoWeekOf = (date: string): string => {
    const d = new Date(`${date}T00:00:00Z`);
    const thursday = new Date(d.getTime() + (3 - ((d.getUTCDay() + 6) % 7)) * 86_400_000);
    const year = thursday.getUTCFullYear();
    return `${year}-W${String(Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 / 7) + 1).padStart(2, '0')}`;
  };
  const week = isoWeekOf(today);

  const api = (path: string, init: RequestInit = {}) =>
    fetch(gateway.url(path), { ...init, headers: { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'application/json' } });

  interface RotaView {
    generated: boolean;
    days: string[];
    technicians: { technicianId: string; restDays: string[]; absences: { from: string; to: string; reason: string }[] }[];
  }
  const getRota = async () => (await (await api(`/v1/technicians/rota?group=${group}&week=${week}`)).json()) as RotaView;
  const waitForRota = (until: (r: RotaView) => boolean, message: string) =>
    waitFor(
      async () => {
        const r = await getRota();
        return until(r) ? r : undefined;
      },
      { message, timeoutMs: 30_000 },
    );
  const restOf = (r: RotaView, s: string) => r.technicians.find((t) => t.technicianId === id(s))?.restDays;

  const submit = async (zone: string): Promise<string> => {
    const t: TicketReceived = {
      externalId: `RR-${randomUUID()}`,
      channel: 'phone',
      kind: 'repair',
      service: 'broadband',
      customer: { id: `C-${randomUUID().slice(0, 8)}`, name: 'Test Customer', phone: '+86 571 5550 0001', tier: 'standard' },
      location: { region, county: 'c1', zone },
      summary: 'No internet',
      reportedAt: new Date().toISOString(),
      receivedBy: 'agent/e2e',
    };
    const res = await api('/v1/tickets', { method: 'POST', body: JSON.stringify(t) });
    expect(res.status).toBe(202);
    return ((await res.json()) as { ticketId: string }).ticketId;
  };
  interface TicketView {
    ticket: { assignment: { technicianId: string; state: string } | null };
    timeline: { type: string; data: unknown }[];
  }
  const waitAssigned = (ticketId: string) =>
    waitFor(
      async () => {
        const res = await api(`/v1/tickets/${ticketId}`);
        const v = res.status === 200 ? ((await res.json()) as TicketView) : undefined;
        return v?.ticket.assignment ? v : undefined;
      },
      { message: `ticket ${ticketId} to be assigned`, timeoutMs: 30_000 },
    );
  const explanationOf = (v: TicketView) => (v.timeline.find((e) => e.type === 'ticket.assigned')?.data as { reason: { explanation: string } }).reason.explanation;

  beforeAll(async () => {
    services = await Promise.all([startService('gateway', 18600), startService('intake', 18601), startService('dispatch', 18602)]);
    gateway = services[0]!;
    await registerRoster(api, technicians);
  });

  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop('SIGTERM')));
  });

  it('shows no rota until a supervisor switches it on, then the generated one: one rest day each, never two on one day', async () => {
    const before = await getRota();
    expect(before.generated).toBe(false);
    expect(before.technicians.map((t) => t.restDays)).toEqual([[], [], [], []]);

    expect((await api('/v1/technicians/rota', { method: 'PUT', body: JSON.stringify({ group, week }) })).status).toBe(202);
    const rota = await waitForRota((r) => r.generated, 'the generated rota');
    expect(rota.technicians.map((t) => t.technicianId)).toEqual(['a', 'b', 'c', 'd'].map(id));
    for (const t of rota.technicians) {
      expect(t.restDays).toHaveLength(1);
      expect(rota.days).toContain(t.restDays[0]);
    }
    expect(new Set(rota.technicians.map((t) => t.restDays[0])).size).toBe(4);
  });

  it("refuses a week in which a technician would have no rest day, or a rest day outside the week, with 422 and the reason", async () => {
    const none = await api('/v1/technicians/rota', { method: 'PUT', body: JSON.stringify({ group, week, restDays: [{ technicianId: id('a'), days: [] }] }) });
    expect(none.status).toBe(422);
    expect(JSON.stringify(await none.json())).toContain('every technician needs at least one rest day a week');

    const outside = await api('/v1/technicians/rota', { method: 'PUT', body: JSON.stringify({ group, week, restDays: [{ technicianId: id('a'), days: ['2001-01-01'] }] }) });
    expect(outside.status).toBe(422);
    expect(JSON.stringify(await outside.json())).toContain(`2001-01-01 is not in ${week}`);

    const badWeek = await api(`/v1/technicians/rota?group=${group}&week=2025-W53`);
    expect(badWeek.status).toBe(422);
  });

  it("never dispatches the zone's own engineer on a rest day the supervisor set: another one goes, and the explanation says why; moving the rest day puts them back", async () => {
    const otherDay = (await getRota()).days.find((d) => d !== today)!;
    const edit = { group, week, restDays: [{ technicianId: id('a'), days: [today] }, ...['b', 'c', 'd'].map((s) => ({ technicianId: id(s), days: [otherDay] }))] };
    expect((await api('/v1/technicians/rota', { method: 'PUT', body: JSON.stringify(edit) })).status).toBe(202);
    await waitForRota((r) => restOf(r, 'a')?.[0] === today && restOf(r, 'd')?.[0] === otherDay, "the supervisor's edit");

    const resting = await waitAssigned(await submit('z1'));
    expect(resting.ticket.assignment!.technicianId).not.toBe(id('a'));
    expect(explanationOf(resting)).toContain(`skipped: ${id('a')} resting (rest day ${today} in the rota of group ${group})`);

    expect((await api('/v1/technicians/rota', { method: 'PUT', body: JSON.stringify({ group, week, restDays: [{ technicianId: id('a'), days: [otherDay] }] }) })).status).toBe(202);
    await waitForRota((r) => restOf(r, 'a')?.[0] === otherDay, 'the rest day moved away from today');
    const back = await waitAssigned(await submit('z1'));
    expect(back.ticket.assignment!.technicianId).toBe(id('a'));
    expect(explanationOf(back)).toContain(`zone-engineer: ${id('a')}`);
    expect(explanationOf(back)).not.toContain('resting');
  });

  it('never dispatches a technician during an approved absence, even as the only engineer of the zone', async () => {
    const res = await api(`/v1/technicians/${id('b')}/absences`, { method: 'POST', body: JSON.stringify({ from: today, to: today, reason: 'sick leave' }) });
    expect(res.status).toBe(202);
    await waitForRota((r) => r.technicians.find((t) => t.technicianId === id('b'))!.absences.some((a) => a.reason === 'sick leave' && a.from === today), 'the absence in the rota view');

    const absent = await waitAssigned(await submit('z2'));
    expect(absent.ticket.assignment!.technicianId).not.toBe(id('b'));
    expect(explanationOf(absent)).toContain(`${id('b')} absent (absent ${today}..${today}: sick leave)`);

    const inverted = await api(`/v1/technicians/${id('b')}/absences`, { method: 'POST', body: JSON.stringify({ from: today, to: '2000-01-01', reason: 'x' }) });
    expect(inverted.status).toBe(422);
    expect((await api('/v1/technicians/nobody-here/absences', { method: 'POST', body: JSON.stringify({ from: today, to: today, reason: 'x' }) })).status).toBe(404);
  });

  it('gives a newcomer to the group a rest day in the current rota and leaves everyone else’s days alone', async () => {
    const before = await getRota();
    const newcomer: TechnicianRegister = { ...technicians[0]!, technicianId: id('e'), name: 'Engineer E', zone: 'z4' };
    expect((await api('/v1/technicians', { method: 'POST', body: JSON.stringify({ technicians: [newcomer] }) })).status).toBe(202);
    const after = await waitForRota((r) => (restOf(r, 'e')?.length ?? 0) > 0, 'the newcomer in the rota');
    expect(restOf(after, 'e')).toHaveLength(1);
    for (const s of ['a', 'b', 'c', 'd']) expect(restOf(after, s)).toEqual(restOf(before, s));
  });
});
