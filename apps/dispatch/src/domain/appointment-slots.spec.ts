import {
  appointmentKeeping,
  checkBooking,
  contactTimeliness,
  dayWindows,
  defaultAppointmentPolicy,
  localMidnights,
  offerSlots,
  travelBetween,
  type AppointmentPolicy,
  type BookedAppointment,
  type NewOrder,
} from './appointment-slots';

// One day with the local midnight at 2026-11-25T00:00Z; places unknown, so every leg takes 30 minutes.
const DAY = Date.UTC(2026, 10, 25);
const at = (h: number, m = 0) => DAY + (h * 60 + m) * 60_000;
const hhmm = (t: number) => new Date(t).toISOString().slice(11, 16);
const policy = (over: Partial<AppointmentPolicy> = {}): AppointmentPolicy => ({ ...defaultAppointmentPolicy, offerCount: 10, ...over });
const order = (serviceMinutes: number): NewOrder => ({ ticketId: 'new', at: null, serviceMinutes });
const booked = (from: number, to: number, serviceMinutes = 60, ticketId = 'A', seq = from): BookedAppointment => ({ ticketId, at: null, window: { from, to }, serviceMinutes, seq });
const offered = (input: { booked?: BookedAppointment[]; service: number; capacity?: number; now?: number; days?: number[] }, p = policy()) =>
  offerSlots({ now: input.now ?? at(0), dayStarts: input.days ?? [DAY], day: { home: null, capacity: input.capacity ?? 10 }, booked: input.booked ?? [], order: order(input.service) }, p).map(
    (w) => `${hhmm(w.from)}-${hhmm(w.to)}`,
  );

describe('dayWindows: the candidate windows of a day', () => {
  it('cuts the shift (08:00–18:00) into back-to-back windows of the configured width, the last one ending by the shift end', () => {
    expect(dayWindows(DAY, policy()).map((w) => `${hhmm(w.from)}-${hhmm(w.to)}`)).toEqual(['08:00-10:00', '10:00-12:00', '12:00-14:00', '14:00-16:00', '16:00-18:00']);
    expect(dayWindows(DAY, policy({ slotMinutes: 180 })).map((w) => `${hhmm(w.from)}-${hhmm(w.to)}`)).toEqual(['08:00-11:00', '11:00-14:00', '14:00-17:00']);
  });
});

describe('offerSlots: only windows the technician can keep with the appointments already booked', () => {
  it('offers every window of an empty day that leaves time to come home by the shift end', () => {
    // 16:00–18:00: start 16:00, 90 minutes of work, 30 minutes home = 18:00 exactly (kept); 91 minutes would be 18:01.
    expect(offered({ service: 90 })).toEqual(['08:00-10:00', '10:00-12:00', '12:00-14:00', '14:00-16:00', '16:00-18:00']);
    expect(offered({ service: 91 })).toEqual(['08:00-10:00', '10:00-12:00', '12:00-14:00', '14:00-16:00']);
  });

  it('does not offer a window that would make a booked appointment late', () => {
    // A is booked 10:00–12:00 (60 min). A 200-minute job in 08:00–10:00: before A it ends 11:50, A reached at 12:20 (late);
    // after A (A 10:00–11:00, +30) it would start 11:30, after its window closed. So 08:00–10:00 is not offered.
    const a = booked(at(10), at(12));
    expect(offered({ service: 200 })).toContain('08:00-10:00');
    expect(offered({ service: 200, booked: [a] })).not.toContain('08:00-10:00');
    // 10:00–12:00 still fits after A: A 10:00–11:00, this one 11:30–14:50, home 15:20.
    expect(offered({ service: 200, booked: [a] })).toContain('10:00-12:00');
  });

  it('shares a window with a booked appointment only when both fit in it', () => {
    const a = booked(at(8), at(10), 30);
    // home→A 08:30, work to 09:00, →new 09:30 ≤ 10:00: kept. With 61 minutes at both, whichever goes second starts at 10:01.
    expect(offered({ service: 60, booked: [a] })).toContain('08:00-10:00');
    expect(offered({ service: 61, booked: [booked(at(8), at(10), 61)] })).not.toContain('08:00-10:00');
    expect(offered({ service: 61, booked: [booked(at(8), at(10), 61)] })).toContain('10:00-12:00');
  });

  it('offers nothing on a day the technician is full (daily capacity counts appointments)', () => {
    expect(offered({ service: 60, capacity: 1, booked: [booked(at(14), at(16))] })).toEqual([]);
    expect(offered({ service: 60, capacity: 2, booked: [booked(at(14), at(16))] })).toHaveLength(5);
  });

  it('offers no window opening within the lead time, and at most offerCount, earliest first across days', () => {
    expect(offered({ service: 60, now: at(9) })).toEqual(['10:00-12:00', '12:00-14:00', '14:00-16:00', '16:00-18:00']);
    expect(offered({ service: 60, now: at(9, 1) })).toEqual(['12:00-14:00', '14:00-16:00', '16:00-18:00']);
    const twoDays = offerSlots({ now: at(0), dayStarts: [DAY, DAY + 86_400_000], day: { home: null, capacity: 10 }, booked: [], order: order(60) }, policy({ offerCount: 6 }));
    expect(twoDays).toHaveLength(6);
    expect(new Date(twoDays[5]!.from).toISOString()).toBe('2026-11-26T08:00:00.000Z');
  });

  it('counts real travel between known places: a customer 40 km away (1h44 at 30 km/h with the 1.3 detour) does not fit right after a 08:00–09:00 job next door', () => {
    const home = { lat: 30.25, lon: 120.15 };
    const far = { lat: 30.25 + 40 / 111.2, lon: 120.15 };
    const travel = travelBetween(policy());
    expect(travel(home, far)).toBeCloseTo(104, 0);
    expect(travel(null, far)).toBe(30);
    const a: BookedAppointment = { ticketId: 'A', at: home, window: { from: at(8), to: at(8, 30) }, serviceMinutes: 60, seq: 0 };
    const slots = offerSlots({ now: at(0), dayStarts: [DAY], day: { home, capacity: 10 }, booked: [a], order: { ticketId: 'new', at: far, serviceMinutes: 60 } }, policy()).map((w) => hhmm(w.from));
    // Before A: 08:00 + 104 min there + 60 work + 104 back > 08:30. After A (09:00 + 104 = 10:44): 08:00–10:00 closed.
    expect(slots[0]).toBe('10:00');
  });
});

describe('checkBooking: the window is checked again when the customer books it', () => {
  const base = { now: at(0), dayStarts: [DAY], day: { home: null, capacity: 10 }, booked: [] as BookedAppointment[], order: order(100) };
  const w = { from: at(10), to: at(12) };

  it('books a window still keepable', () => {
    expect(checkBooking({ ...base, window: w, offered: [w] }, policy())).toEqual({ ok: true, seq: w.from });
  });

  it('refuses a window taken meanwhile: another 100-minute job in it leaves no room (100 + 30 + start > 12:00)', () => {
    expect(checkBooking({ ...base, booked: [booked(at(10), at(12), 100, 'other')], window: w }, policy())).toMatchObject({ ok: false, code: 'APPOINTMENT.SLOT_UNAVAILABLE' });
  });

  it("ignores the ticket's own earlier booking (a reschedule moves it)", () => {
    expect(checkBooking({ ...base, booked: [booked(at(10), at(12), 100, 'new')], window: w }, policy())).toMatchObject({ ok: true });
  });

  it('refuses a window that is not a candidate or was not offered, and one opening within the lead time', () => {
    expect(checkBooking({ ...base, window: { from: at(9), to: at(11) } }, policy())).toMatchObject({ code: 'APPOINTMENT.SLOT_NOT_OFFERED' });
    expect(checkBooking({ ...base, window: w, offered: [{ from: at(8), to: at(10) }] }, policy())).toMatchObject({ code: 'APPOINTMENT.SLOT_NOT_OFFERED' });
    expect(checkBooking({ ...base, window: { from: at(8), to: at(10) }, dayStarts: [DAY - 86_400_000] }, policy())).toMatchObject({ code: 'APPOINTMENT.SLOT_NOT_OFFERED' });
    expect(checkBooking({ ...base, now: at(9, 1), window: w }, policy())).toMatchObject({ code: 'APPOINTMENT.SLOT_IN_PAST' });
  });
});

describe('the route order of appointments sharing a window (seq)', () => {
  const home = { lat: 30.25, lon: 120.15 };
  const east = { lat: 30.25, lon: 120.15 + 10 / 96 }; // ~10 km east: 26 minutes at 30 km/h with the detour
  it('places a new appointment where it fits and gives it a seq between its neighbours, so the next check times the same route', () => {
    // A is booked 10:00–12:00 ~10 km east (seq 5); B, in the same window, at home: home → B → A → home and
    // home → A → B → home travel the same, and the tie goes to the earlier position: before A, seq 5 − 1.
    const a: BookedAppointment = { ticketId: 'A', at: east, window: { from: at(10), to: at(12) }, serviceMinutes: 30, seq: 5 };
    const fit = checkBooking({ now: at(0), dayStarts: [DAY], day: { home, capacity: 10 }, booked: [a], order: { ticketId: 'B', at: home, serviceMinutes: 60 }, window: { from: at(10), to: at(12) } }, policy());
    expect(fit).toEqual({ ok: true, seq: 4 });
    const later: BookedAppointment = { ticketId: 'C', at: east, window: { from: at(12), to: at(14) }, serviceMinutes: 30, seq: 6 };
    const mid = checkBooking(
      { now: at(0), dayStarts: [DAY], day: { home, capacity: 10 }, booked: [a, later], order: { ticketId: 'D', at: east, serviceMinutes: 10 }, window: { from: at(10), to: at(12) } },
      policy(),
    );
    // D at A's place adds no travel before A or after it; the tie goes to the earlier position: before A (seq 5), so 5 − 1.
    expect(mid).toEqual({ ok: true, seq: 4 });
    const between = checkBooking(
      { now: at(0), dayStarts: [DAY], day: { home, capacity: 10 }, booked: [{ ...a, at: home }, later], order: { ticketId: 'D', at: east, serviceMinutes: 10 }, window: { from: at(10), to: at(12) } },
      policy(),
    );
    // With A at home, D (east, like C) is cheapest after A and before C: halfway between their seqs.
    expect(between).toEqual({ ok: true, seq: 5.5 });
  });
});

describe('localMidnights: business days in the dispatch centre’s time zone', () => {
  it('starts with today in Asia/Shanghai (UTC+8): 2026-11-24T20:00Z is already 25 November there', () => {
    expect(localMidnights(Date.parse('2026-11-24T20:00:00Z'), 'Asia/Shanghai', 2).map((t) => new Date(t).toISOString())).toEqual(['2026-11-24T16:00:00.000Z', '2026-11-25T16:00:00.000Z']);
    expect(localMidnights(Date.parse('2026-11-24T15:59:00Z'), 'Asia/Shanghai', 1).map((t) => new Date(t).toISOString())).toEqual(['2026-11-23T16:00:00.000Z']);
  });
});

describe('facts for scoring', () => {
  const w = { from: at(10), to: at(12) };
  it('appointment keeping: arrival inside the window, both ends included; early or late by minutes otherwise', () => {
    expect(appointmentKeeping(w, at(10))).toEqual({ kept: true, lateByMinutes: 0 });
    expect(appointmentKeeping(w, at(12))).toEqual({ kept: true, lateByMinutes: 0 });
    expect(appointmentKeeping(w, at(12, 1))).toEqual({ kept: false, lateByMinutes: 1 });
    expect(appointmentKeeping(w, at(9, 45))).toEqual({ kept: false, lateByMinutes: -15 });
  });
  it('contact timeliness: within 30 minutes of the assignment, 30 included', () => {
    expect(contactTimeliness(at(10), at(10, 30), 30)).toEqual({ minutes: 30, timely: true });
    expect(contactTimeliness(at(10), at(10, 31), 30)).toEqual({ minutes: 31, timely: false });
  });
});
