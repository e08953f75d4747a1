import { cheapestInsertion, haversineTravel, type GeoPoint, type RouteStop, type Shift, type TravelEstimate } from './route-planning';
import type { TicketKind } from './ticket-work';

/**
 * Appointment windows a technician can really keep (issue 5, "Appointments and route-aware
 * scheduling"; ADR 0027). A technician's day is a route (route-planning.ts): from home at the shift
 * start, through the day's booked appointments in the order of their windows, home by the shift
 * end, at most `capacity` appointments. A candidate window is offered only when the new order,
 * booked in it, has a feasible insertion into that route — every booked appointment still starts
 * inside its window and the technician is home in time. Booking re-checks the same rule.
 *
 * Instants are epoch milliseconds at the edges; inside a day the route runs in minutes from the
 * local midnight. A place may be unknown (no coordinates): travel to or from it then counts a
 * fixed `unknownTravelMinutes`.
 */
export type Place = GeoPoint | null;

export interface AppointmentPolicy {
  /** Width of an offered window (minutes). */
  slotMinutes: number;
  /** How many days, today included, are searched for windows. */
  horizonDays: number;
  /** How many windows are offered at most (the earliest ones that fit). */
  offerCount: number;
  /** The working day, minutes after local midnight: the technician leaves home at the start and is back by the end. */
  shiftStartMinute: number;
  shiftEndMinute: number;
  /** A window opens at least this long after now (the technician needs time to get there). */
  minLeadMinutes: number;
  /** Service time per kind of order (minutes). */
  serviceMinutes: Record<Exclude<TicketKind, 'complaint'>, number>;
  speedKmh: number;
  unknownTravelMinutes: number;
}

export const defaultAppointmentPolicy: AppointmentPolicy = {
  slotMinutes: 120,
  horizonDays: 3,
  offerCount: 6,
  shiftStartMinute: 8 * 60,
  shiftEndMinute: 18 * 60,
  minLeadMinutes: 60,
  serviceMinutes: { install: 90, move: 120, repair: 60 },
  speedKmh: 30,
  unknownTravelMinutes: 30,
};

/** Kinds of order that get an appointment (complaints go to departments, not to a customer's door). */
export function needsAppointment(kind: TicketKind): kind is Exclude<TicketKind, 'complaint'> {
  return kind !== 'complaint';
}

export interface Window {
  /** Epoch milliseconds. */
  from: number;
  to: number;
}

export interface BookedAppointment {
  ticketId: string;
  at: Place;
  window: Window;
  serviceMinutes: number;
  /**
   * The appointment's place in the technician's route: the day's stops are visited in `seq` order.
   * Windows of a day do not overlap, so this only orders appointments sharing a window — the
   * order their insertion found feasible, kept so later checks time the same route.
   */
  seq: number;
}

export interface TechnicianDay {
  home: Place;
  /** How many appointments a day (the technician's daily capacity). */
  capacity: number;
}

export interface NewOrder {
  ticketId: string;
  at: Place;
  serviceMinutes: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

export function travelBetween(policy: Pick<AppointmentPolicy, 'speedKmh' | 'unknownTravelMinutes'>): TravelEstimate<Place> {
  const geo = haversineTravel({ speedKmh: policy.speedKmh });
  return (a, b) => (a && b ? geo(a, b) : policy.unknownTravelMinutes);
}

/** The candidate windows of one day (local midnight `dayStart`): back to back from the shift start, each ending by the shift end. */
export function dayWindows(dayStart: number, policy: Pick<AppointmentPolicy, 'slotMinutes' | 'shiftStartMinute' | 'shiftEndMinute'>): Window[] {
  const out: Window[] = [];
  for (let m = policy.shiftStartMinute; m + policy.slotMinutes <= policy.shiftEndMinute; m += policy.slotMinutes) {
    out.push({ from: dayStart + m * MINUTE, to: dayStart + (m + policy.slotMinutes) * MINUTE });
  }
  return out;
}

function dayOf(window: Window, dayStarts: readonly number[]): number | undefined {
  return dayStarts.find((d) => window.from >= d && window.from < d + DAY);
}

/**
 * Whether the technician can keep `order` in `window` on top of `booked` (the technician's booked
 * appointments; the order's own booking, if any, must not be among them); when so, the `seq` that
 * places it in the route where it fits best (cheapest insertion).
 */
export function canKeep(
  day: TechnicianDay,
  booked: readonly BookedAppointment[],
  order: NewOrder,
  window: Window,
  dayStart: number,
  policy: AppointmentPolicy,
): { feasible: true; seq: number } | { feasible: false } {
  const rel = (t: number) => (t - dayStart) / MINUTE;
  const shift: Shift<Place> = { home: day.home, start: policy.shiftStartMinute, end: policy.shiftEndMinute, capacity: day.capacity };
  const sorted = booked.filter((b) => b.window.from >= dayStart && b.window.from < dayStart + DAY).sort((a, b) => a.seq - b.seq || a.window.from - b.window.from);
  const stops: RouteStop<Place>[] = sorted.map((b) => ({ id: b.ticketId, at: b.at, ready: rel(b.window.from), due: rel(b.window.to), service: b.serviceMinutes, load: 1 }));
  const stop: RouteStop<Place> = { id: order.ticketId, at: order.at, ready: rel(window.from), due: rel(window.to), service: order.serviceMinutes, load: 1 };
  const ins = cheapestInsertion({ shift, stops }, stop, travelBetween(policy));
  if (!ins.feasible) return { feasible: false };
  const p = ins.position;
  const before = sorted[p - 1]?.seq;
  const after = sorted[p]?.seq;
  const seq = before === undefined ? (after === undefined ? window.from : after - 1) : after === undefined ? before + 1 : (before + after) / 2;
  return { feasible: true, seq };
}

/**
 * The windows to offer: over the days of `dayStarts` (local midnights, today first), the candidate
 * windows that open at least `minLeadMinutes` after `now` and that the technician can keep, the
 * earliest `offerCount` of them.
 */
export function offerSlots(input: { now: number; dayStarts: readonly number[]; day: TechnicianDay; booked: readonly BookedAppointment[]; order: NewOrder }, policy: AppointmentPolicy): Window[] {
  const out: Window[] = [];
  const earliest = input.now + policy.minLeadMinutes * MINUTE;
  const booked = input.booked.filter((b) => b.ticketId !== input.order.ticketId);
  for (const dayStart of input.dayStarts) {
    for (const w of dayWindows(dayStart, policy)) {
      if (out.length >= policy.offerCount) return out;
      if (w.from < earliest) continue;
      if (canKeep(input.day, booked, input.order, w, dayStart, policy).feasible) out.push(w);
    }
  }
  return out;
}

export type BookingCheck = { ok: true; seq: number } | { ok: false; code: 'APPOINTMENT.SLOT_NOT_OFFERED' | 'APPOINTMENT.SLOT_UNAVAILABLE' | 'APPOINTMENT.SLOT_IN_PAST'; message: string };

/**
 * Re-checks a window at booking (or at a reschedule's approval): it must be one of the day's
 * candidate windows (`offered`, when given: one of those offered), open late enough after now, and
 * still be keepable with the appointments booked since it was offered.
 */
export function checkBooking(
  input: { now: number; dayStarts: readonly number[]; day: TechnicianDay; booked: readonly BookedAppointment[]; order: NewOrder; window: Window; offered?: readonly Window[] },
  policy: AppointmentPolicy,
): BookingCheck {
  const w = input.window;
  const dayStart = dayOf(w, input.dayStarts);
  const isCandidate = dayStart !== undefined && dayWindows(dayStart, policy).some((c) => c.from === w.from && c.to === w.to);
  if (!isCandidate || (input.offered && !input.offered.some((o) => o.from === w.from && o.to === w.to))) {
    return { ok: false, code: 'APPOINTMENT.SLOT_NOT_OFFERED', message: `${iso(w)} is not a window dispatch offers for this ticket` };
  }
  if (w.from < input.now + policy.minLeadMinutes * MINUTE) {
    return { ok: false, code: 'APPOINTMENT.SLOT_IN_PAST', message: `${iso(w)} opens less than ${policy.minLeadMinutes} minutes from now` };
  }
  const booked = input.booked.filter((b) => b.ticketId !== input.order.ticketId);
  const fit = canKeep(input.day, booked, input.order, w, dayStart!, policy);
  if (!fit.feasible) {
    return { ok: false, code: 'APPOINTMENT.SLOT_UNAVAILABLE', message: `the technician can no longer keep ${iso(w)}: the appointments booked since make it late or over capacity` };
  }
  return { ok: true, seq: fit.seq };
}

const iso = (w: Window) => `${new Date(w.from).toISOString()}..${new Date(w.to).toISOString()}`;

/** The local midnights (epoch ms) of `days` consecutive business dates in `timeZone`, starting with today's. */
export function localMidnights(now: number, timeZone: string, days: number): number[] {
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const out: number[] = [];
  const today = fmt.format(new Date(now));
  for (let i = 0; i < days; i++) {
    const date = new Date(Date.parse(`${today}T00:00:00Z`) + i * DAY).toISOString().slice(0, 10);
    out.push(midnightIn(date, timeZone));
  }
  return out;
}

/** The instant of 00:00 on `date` (YYYY-MM-DD) in `timeZone`. */
export function midnightIn(date: string, timeZone: string): number {
  const utc = Date.parse(`${date}T00:00:00Z`);
  const offset = (t: number) => {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(t));
    const get = (k: string) => Number(parts.find((p) => p.type === k)!.value);
    return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - t;
  };
  const first = utc - offset(utc);
  return utc - offset(first);
}

/** Appointment keeping (domain.md §3): arrived inside the booked window? How many minutes late (> 0) or early (< 0) otherwise. */
export function appointmentKeeping(window: Window, arrivedAt: number): { kept: boolean; lateByMinutes: number } {
  if (arrivedAt < window.from) return { kept: false, lateByMinutes: -Math.round((window.from - arrivedAt) / MINUTE) };
  if (arrivedAt > window.to) return { kept: false, lateByMinutes: Math.round((arrivedAt - window.to) / MINUTE) };
  return { kept: true, lateByMinutes: 0 };
}

/** Contact timeliness (domain.md §3–4): the first contact within `limitMinutes` of the assignment (the limit itself included). */
export function contactTimeliness(assignedAt: number, contactedAt: number, limitMinutes: number): { minutes: number; timely: boolean } {
  const minutes = Math.max(0, (contactedAt - assignedAt) / MINUTE);
  return { minutes: Math.round(minutes * 100) / 100, timely: minutes <= limitMinutes };
}
