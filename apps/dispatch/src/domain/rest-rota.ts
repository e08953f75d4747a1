import { localDateOf } from '@switchboard/time';

/**
 * The rest rota (domain.md §3, issue 5 "People and places"): every technician of a group rests at
 * least one day a week, about one technician of the group rests each day, and approved absences
 * come on top. A resting or absent technician is never dispatched. Dates are business dates
 * (`YYYY-MM-DD`, the local date of the dispatch centre); weeks are ISO weeks (`YYYY-Www`, Monday first).
 */

export type IsoDate = string;
export type IsoWeek = string;

/** One technician's rest days in one week. */
export interface RestAssignment {
  technicianId: string;
  restDays: IsoDate[];
}

export interface RotaWeek {
  group: string;
  week: IsoWeek;
  technicians: RestAssignment[];
}

export interface Absence {
  technicianId: string;
  from: IsoDate;
  to: IsoDate;
  reason: string;
}

export type Availability =
  | { status: 'on-duty' }
  | { status: 'resting'; reason: string }
  | { status: 'absent'; reason: string };

const WEEK = /^(\d{4})-W(\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

const utcDate = (d: IsoDate): Date => new Date(`${d}T00:00:00Z`);
const fmt = (d: Date): IsoDate => d.toISOString().slice(0, 10);

export function isIsoDate(d: string): boolean {
  return DATE.test(d) && !Number.isNaN(utcDate(d).getTime()) && fmt(utcDate(d)) === d;
}

/** The ISO week a date belongs to (Monday first; week 1 holds the year's first Thursday). */
export function isoWeekOf(date: IsoDate): IsoWeek {
  const d = utcDate(date);
  const dow = (d.getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(d.getTime() + (3 - dow) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  const week = Math.floor((thursday.getTime() - jan1) / DAY_MS / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The seven dates of an ISO week, Monday first; throws on a malformed or non-existent week. */
export function daysOfWeek(week: IsoWeek): IsoDate[] {
  const m = WEEK.exec(week);
  if (!m) throw new Error(`not an ISO week (YYYY-Www): ${week}`);
  const year = Number(m[1]);
  const n = Number(m[2]);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday1 = jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * DAY_MS;
  const monday = new Date(monday1 + (n - 1) * 7 * DAY_MS);
  const days = Array.from({ length: 7 }, (_, i) => fmt(new Date(monday.getTime() + i * DAY_MS)));
  if (n < 1 || isoWeekOf(days[0]!) !== week) throw new Error(`no such ISO week: ${week}`);
  return days;
}

export function isIsoWeek(week: string): boolean {
  try {
    daysOfWeek(week);
    return true;
  } catch {
    return false;
  }
}

/** The business date of an instant: the local calendar date in the dispatch centre's time zone. */
export function businessDate(now: Date, timeZone: string): IsoDate {
  return localDateOf(now, timeZone);
}

/**
 * Generates a group's rota for a week: each technician gets one rest day, on the day with the
 * fewest technicians resting so far (so at most ceil(n/7) rest on any day), ties broken by a
 * week-dependent rotation so rest days move through the week from one week to the next.
 * Deterministic for the same input. `previous` (the week's stored rota, if any) is kept: a
 * technician who already has rest days keeps them, so a technician joining changes nobody else's.
 */
export function generateRota(group: string, week: IsoWeek, technicianIds: readonly string[], previous?: RotaWeek): RotaWeek {
  const days = daysOfWeek(week);
  const ids = [...new Set(technicianIds)].sort();
  const kept = new Map((previous?.technicians ?? []).filter((t) => t.restDays.length > 0).map((t) => [t.technicianId, t.restDays.filter((d) => days.includes(d))]));
  const load = days.map((d) => [...kept.entries()].filter(([id, rest]) => ids.includes(id) && rest.includes(d)).length);
  const offset = Number(week.slice(6)) % 7;
  const technicians: RestAssignment[] = [];
  ids.forEach((id, i) => {
    const own = kept.get(id);
    if (own && own.length > 0) {
      technicians.push({ technicianId: id, restDays: [...own].sort() });
      return;
    }
    let best = -1;
    for (let k = 0; k < 7; k++) {
      const d = (offset + i + k) % 7;
      if (best === -1 || load[d]! < load[best]!) best = d;
    }
    load[best]!++;
    technicians.push({ technicianId: id, restDays: [days[best]!] });
  });
  return { group, week, technicians };
}

/**
 * Applies a supervisor's edit (each named technician's rest days for the week) to a rota; returns
 * the problems instead when a named technician would have no rest day or a date is outside the week.
 */
export function editRota(rota: RotaWeek, edits: readonly RestAssignment[]): { ok: true; rota: RotaWeek } | { ok: false; problems: string[] } {
  const days = daysOfWeek(rota.week);
  const problems: string[] = [];
  for (const e of edits) {
    if (e.restDays.length === 0) problems.push(`${e.technicianId} would have no rest day in ${rota.week}`);
    for (const d of e.restDays) if (!days.includes(d)) problems.push(`${e.technicianId}: ${d} is not in ${rota.week} (${days[0]}..${days[6]})`);
    if (e.restDays.length === 7) problems.push(`${e.technicianId} would rest every day of ${rota.week}`);
  }
  if (problems.length > 0) return { ok: false, problems };
  const byId = new Map(rota.technicians.map((t) => [t.technicianId, t]));
  for (const e of edits) byId.set(e.technicianId, { technicianId: e.technicianId, restDays: [...new Set(e.restDays)].sort() });
  return { ok: true, rota: { ...rota, technicians: [...byId.values()].sort((a, b) => (a.technicianId < b.technicianId ? -1 : 1)) } };
}

/**
 * Whether a technician may work on a date: absent (an approved absence covers the date) wins over
 * resting (a rest day in the group's rota); without a rota for the week the technician is on duty.
 */
export function isAvailable(technicianId: string, date: IsoDate, rota: RotaWeek | undefined, absences: readonly Absence[]): Availability {
  const absence = absences.find((a) => a.technicianId === technicianId && a.from <= date && date <= a.to);
  if (absence) return { status: 'absent', reason: `absent ${absence.from}..${absence.to}: ${absence.reason}` };
  const own = rota?.technicians.find((t) => t.technicianId === technicianId);
  if (own?.restDays.includes(date)) return { status: 'resting', reason: `rest day ${date} in the rota of group ${rota!.group}` };
  return { status: 'on-duty' };
}
