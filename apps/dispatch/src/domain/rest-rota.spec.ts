import { businessDate, daysOfWeek, editRota, generateRota, isAvailable, isoWeekOf, isIsoWeek, type RotaWeek } from './rest-rota';
import { TechnicianSelector, type TechnicianCandidate, type TicketToDispatch } from './technician-selector';

const WEEK = '2026-W48'; // Mon 2026-11-23 .. Sun 2026-11-29
const ids = (n: number) => Array.from({ length: n }, (_, i) => `T-${i + 1}`);

function restingPerDay(rota: RotaWeek): number[] {
  return daysOfWeek(rota.week).map((d) => rota.technicians.filter((t) => t.restDays.includes(d)).length);
}

describe('ISO weeks and business dates', () => {
  it('lists the seven days of an ISO week, Monday first, across a year boundary too', () => {
    expect(daysOfWeek(WEEK)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
    expect(daysOfWeek('2026-W01')[0]).toBe('2025-12-29');
    expect(isoWeekOf('2026-11-29')).toBe(WEEK);
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53');
  });

  it('rejects malformed and non-existent weeks', () => {
    expect(isIsoWeek('2026-48')).toBe(false);
    expect(isIsoWeek('2025-W53')).toBe(false);
    expect(isIsoWeek('2026-W00')).toBe(false);
    expect(isIsoWeek('2026-W53')).toBe(true);
  });

  it("takes the business date in the dispatch centre's time zone, not UTC", () => {
    const lateUtc = new Date('2026-11-24T17:30:00Z'); // 01:30 on the 25th in Shanghai
    expect(businessDate(lateUtc, 'Asia/Shanghai')).toBe('2026-11-25');
    expect(businessDate(lateUtc, 'UTC')).toBe('2026-11-24');
  });
});

describe('generateRota (domain.md §3: a day off a week each, about one resting a day)', () => {
  it.each([4, 5, 6])('gives each of %i technicians exactly one rest day and never rests two on one day', (n) => {
    const rota = generateRota('xihu-a', WEEK, ids(n));
    expect(rota.technicians).toHaveLength(n);
    for (const t of rota.technicians) expect(t.restDays).toHaveLength(1);
    expect(Math.max(...restingPerDay(rota))).toBeLessThanOrEqual(Math.ceil(n / 7));
  });

  it('spreads a large group evenly: at most ceil(n/7) rest on any day', () => {
    const rota = generateRota('surge', WEEK, ids(16));
    expect(Math.max(...restingPerDay(rota))).toBe(3);
    expect(Math.min(...restingPerDay(rota))).toBe(2);
  });

  it('is deterministic, whatever the order of the roster', () => {
    expect(generateRota('g', WEEK, ['T-3', 'T-1', 'T-2'])).toEqual(generateRota('g', WEEK, ['T-1', 'T-2', 'T-3']));
  });

  it('moves rest days through the week from one week to the next', () => {
    const a = generateRota('g', '2026-W48', ['T-1']).technicians[0]!.restDays[0]!;
    const b = generateRota('g', '2026-W49', ['T-1']).technicians[0]!.restDays[0]!;
    expect(new Date(`${a}T00:00:00Z`).getUTCDay()).not.toBe(new Date(`${b}T00:00:00Z`).getUTCDay());
  });

  it('keeps everyone’s rest days when a technician joins, and gives the newcomer a free day', () => {
    const before = generateRota('g', WEEK, ids(5));
    const after = generateRota('g', WEEK, [...ids(5), 'T-NEW'], before);
    for (const t of before.technicians) expect(after.technicians.find((x) => x.technicianId === t.technicianId)!.restDays).toEqual(t.restDays);
    const newcomer = after.technicians.find((x) => x.technicianId === 'T-NEW')!.restDays[0]!;
    expect(before.technicians.some((t) => t.restDays.includes(newcomer))).toBe(false);
  });
});

describe('editRota (a supervisor sets rest days)', () => {
  const rota = generateRota('g', WEEK, ids(4));

  it('replaces the named technician’s rest days and keeps the others', () => {
    const edited = editRota(rota, [{ technicianId: 'T-1', restDays: ['2026-11-28', '2026-11-29'] }]);
    expect(edited.ok && edited.rota.technicians.find((t) => t.technicianId === 'T-1')!.restDays).toEqual(['2026-11-28', '2026-11-29']);
    expect(edited.ok && edited.rota.technicians.find((t) => t.technicianId === 'T-2')).toEqual(rota.technicians.find((t) => t.technicianId === 'T-2'));
  });

  it('refuses a week with no rest day, or a date outside the week, with the reason', () => {
    const none = editRota(rota, [{ technicianId: 'T-1', restDays: [] }]);
    expect(!none.ok && none.problems).toEqual(['T-1 would have no rest day in 2026-W48']);
    const outside = editRota(rota, [{ technicianId: 'T-2', restDays: ['2026-11-30'] }]);
    expect(!outside.ok && outside.problems[0]).toContain('2026-11-30 is not in 2026-W48');
  });
});

describe('isAvailable', () => {
  const rota: RotaWeek = { group: 'g', week: WEEK, technicians: [{ technicianId: 'T-1', restDays: ['2026-11-25'] }] };
  const absences = [{ technicianId: 'T-2', from: '2026-11-24', to: '2026-11-26', reason: 'sick leave' }];

  it('says resting on a rest day, with the reason, and on duty the next day', () => {
    expect(isAvailable('T-1', '2026-11-25', rota, absences)).toEqual({ status: 'resting', reason: 'rest day 2026-11-25 in the rota of group g' });
    expect(isAvailable('T-1', '2026-11-26', rota, absences)).toEqual({ status: 'on-duty' });
  });

  it('says absent on every day of an approved absence, bounds included, and not outside it', () => {
    for (const d of ['2026-11-24', '2026-11-25', '2026-11-26']) expect(isAvailable('T-2', d, rota, absences)).toEqual({ status: 'absent', reason: 'absent 2026-11-24..2026-11-26: sick leave' });
    expect(isAvailable('T-2', '2026-11-27', rota, absences).status).toBe('on-duty');
  });

  it('puts nobody off when the group has no rota for the week', () => {
    expect(isAvailable('T-1', '2026-11-25', undefined, []).status).toBe('on-duty');
  });
});

describe('TechnicianSelector with the rota', () => {
  const ticket: TicketToDispatch = { ticketId: 't-1', kind: 'repair', service: 'broadband', region: 'hangzhou', zone: 'xihu-07' };
  const tech = (id: string, over: Partial<TechnicianCandidate> = {}): TechnicianCandidate => ({
    technicianId: id,
    name: id,
    phone: '+86 138 0000 0000',
    region: 'hangzhou',
    zone: 'xihu-07',
    onDuty: true,
    skills: [{ service: 'broadband', kinds: ['repair'] }],
    dailyCapacity: 8,
    openAssignments: 0,
    ...over,
  });

  it("skips the zone's own engineer when resting, dispatches another, and says who was skipped and why", () => {
    const s = new TechnicianSelector().select(ticket, [
      tech('T-ZONE', { unavailable: { status: 'resting', reason: 'rest day 2026-11-25 in the rota of group g' } }),
      tech('T-OTHER', { zone: 'xihu-08', openAssignments: 5 }),
    ]);
    expect(s.assigned && s.technician.technicianId).toBe('T-OTHER');
    expect(s.assigned && s.candidates.map((c) => c.technicianId)).toEqual(['T-OTHER']);
    expect(s.assigned && s.explanation).toContain('skipped: T-ZONE resting (rest day 2026-11-25 in the rota of group g)');
  });

  it('never dispatches an absent technician, even the only one', () => {
    const s = new TechnicianSelector().select(ticket, [tech('T-ZONE', { unavailable: { status: 'absent', reason: 'absent 2026-11-24..2026-11-26: sick leave' } })]);
    expect(s.assigned).toBe(false);
    expect(!s.assigned && s.reason).toContain('T-ZONE absent (absent 2026-11-24..2026-11-26: sick leave)');
  });
});
