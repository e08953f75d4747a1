import { isTimeZone, zoneOffsetMs } from '@switchboard/time';

/**
 * Business calendars for SLA clocks (domain.md §4: "within 1 working day" (000) — so calendars with
 * working days matter; issue 6). A calendar is an IANA time zone plus either `24x7` or weekly opening
 * hours, several intervals a day (split shifts, lunch breaks), closed on holidays (single dates,
 * date ranges, yearly month-days). Plain code: offsets come from Intl.DateTimeFormat, no library.
 *
 * The rules (docs/adr/0017-sla-calendars-and-policies.md):
 * - Hours are local wall times. A day's interval `HH:MM-HH:MM` is open from the first instant the
 *   wall clock shows its start until the first instant it shows its end (`24:00` is the next
 *   midnight); a wall time skipped by a spring-forward is taken as the instant the gap ends, a
 *   repeated one (fall-back) as its first occurrence. A DST day's 00:00-24:00 lasts 23 or 25 hours.
 * - Business time counts only open time. A due instant is the *last* instant at which the elapsed
 *   business time is still within the target: a budget that runs out at a closing falls due at the
 *   next opening, so a stop during the closed time in between is met (ClockSchedule.isMet).
 * - A working day is a day, not 8 hours: n working days from an open instant land on the n-th
 *   working day after it at the same wall time. A start outside hours counts from the next opening;
 *   a landing wall time that is closed on the landing day moves to the next opening at or after it.
 */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A local calendar date, `YYYY-MM-DD`. */
export type LocalDate = string;

export type Holiday =
  | { date: LocalDate; name?: string }
  | { from: LocalDate; to: LocalDate; name?: string }
  /** Every year on this month-day, `MM-DD` (`02-29` only in leap years). */
  | { yearly: string; name?: string };

/** Opening intervals per weekday, each `HH:MM-HH:MM` (end after start, `24:00` allowed as an end); a missing day is closed. */
export type WeeklyHours = Partial<Record<Weekday, readonly string[]>>;

export interface BusinessCalendarSpec {
  /** IANA time zone, e.g. `Asia/Shanghai`. */
  timeZone: string;
  hours: '24x7' | WeeklyHours;
  holidays?: readonly Holiday[];
}

/** A duration a target or an offset is given in: minutes and hours of business time, or working days. */
export interface BusinessDuration {
  amount: number;
  unit: 'minutes' | 'hours' | 'working-days';
}

/** A span of time during which a clock does not count (a pause); `to: null` is still going on. */
export interface TimeInterval {
  from: Date;
  to: Date | null;
}

export type CalendarProblemCode =
  | 'BAD_TIME_ZONE'
  | 'UNKNOWN_WEEKDAY'
  | 'BAD_INTERVAL'
  | 'END_NOT_AFTER_START'
  | 'OVERLAPPING_INTERVALS'
  | 'NO_OPENING_HOURS'
  | 'BAD_HOLIDAY'
  | 'BAD_DATE'
  | 'RANGE_END_BEFORE_START'
  | 'BAD_MONTH_DAY'
  | 'HOLIDAYS_ON_24X7';

export interface CalendarProblem {
  code: CalendarProblemCode;
  /** Where in the spec, e.g. `hours.mon[1]`, `holidays[0].to`. */
  path: string;
  message: string;
}

/** A calendar spec that cannot be used; `problems` says every reason. */
export class CalendarSpecError extends Error {
  readonly code = 'CALENDAR.INVALID';
  constructor(readonly problems: readonly CalendarProblem[]) {
    super(`invalid business calendar: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  }
}

/** The calendar stays closed for longer than MAX_CLOSED_DAYS in a row (holidays covering every open day). */
export class CalendarNeverOpensError extends Error {
  readonly code = 'CALENDAR.NEVER_OPENS';
  constructor(from: Date) {
    super(`the business calendar has no opening within ${MAX_CLOSED_DAYS} days after ${from.toISOString()}`);
  }
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** How far a search for the next opening looks before it gives up (three years and a day). */
export const MAX_CLOSED_DAYS = 3 * 366 + 1;

const INTERVAL = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_DAY = /^(\d{2})-(\d{2})$/;

type Span = readonly [number, number];

/** Minutes since midnight of `HH:MM` (0..1440), or null. */
function minutesOf(hh: string, mm: string): number | null {
  const h = Number(hh);
  const m = Number(mm);
  if (m > 59 || h > 24 || (h === 24 && m !== 0)) return null;
  return h * 60 + m;
}

function dayNumberOf(date: string): number | null {
  const m = DATE.exec(date);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(t).toISOString().slice(0, 10) === date ? t / DAY : null;
}

function isMonthDay(md: string): boolean {
  const m = MONTH_DAY.exec(md);
  // 2000 is a leap year, so 02-29 is accepted.
  return m !== null && dayNumberOf(`2000-${md}`) !== null;
}

interface ParsedHours {
  /** Per weekday (Monday 0), merged, sorted [startMinute, endMinute] intervals. */
  week: (readonly Span[])[];
  problems: CalendarProblem[];
}

function parseWeeklyHours(hours: WeeklyHours): ParsedHours {
  const problems: CalendarProblem[] = [];
  const week: Span[][] = WEEKDAYS.map(() => []);
  for (const key of Object.keys(hours)) {
    const day = WEEKDAYS.indexOf(key as Weekday);
    if (day < 0) {
      problems.push({ code: 'UNKNOWN_WEEKDAY', path: `hours.${key}`, message: `"${key}" is not one of ${WEEKDAYS.join(', ')}` });
      continue;
    }
    const list = hours[key as Weekday];
    if (!Array.isArray(list)) {
      problems.push({ code: 'BAD_INTERVAL', path: `hours.${key}`, message: 'expected a list of "HH:MM-HH:MM" intervals' });
      continue;
    }
    const parsed: { span: Span; path: string }[] = [];
    list.forEach((raw: unknown, i) => {
      const path = `hours.${key}[${i}]`;
      const m = typeof raw === 'string' ? INTERVAL.exec(raw) : null;
      const start = m ? minutesOf(m[1]!, m[2]!) : null;
      const end = m ? minutesOf(m[3]!, m[4]!) : null;
      if (start === null || end === null || start === 1440) {
        problems.push({ code: 'BAD_INTERVAL', path, message: `"${String(raw)}" is not an interval "HH:MM-HH:MM" within 00:00-24:00` });
      } else if (end <= start) {
        problems.push({ code: 'END_NOT_AFTER_START', path, message: `"${String(raw)}" ends before or when it starts (split a night shift at 24:00)` });
      } else {
        parsed.push({ span: [start, end], path });
      }
    });
    parsed.sort((a, b) => a.span[0] - b.span[0]);
    for (const { span, path } of parsed) {
      const last = week[day]!.at(-1);
      if (last && span[0] < last[1]) {
        problems.push({ code: 'OVERLAPPING_INTERVALS', path, message: `overlaps another interval of ${key}` });
      } else if (last && span[0] === last[1]) {
        week[day]![week[day]!.length - 1] = [last[0], span[1]]; // touching intervals are one
      } else {
        week[day]!.push(span);
      }
    }
  }
  if (problems.length === 0 && week.every((d) => d.length === 0)) {
    problems.push({ code: 'NO_OPENING_HOURS', path: 'hours', message: 'no weekday has opening hours (use "24x7" for always open)' });
  }
  return { week, problems };
}

function holidayProblems(holidays: readonly Holiday[]): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  holidays.forEach((h, i) => {
    const path = `holidays[${i}]`;
    if ('date' in h) {
      if (dayNumberOf(h.date) === null) problems.push({ code: 'BAD_DATE', path: `${path}.date`, message: `"${h.date}" is not a date YYYY-MM-DD` });
    } else if ('from' in h && 'to' in h) {
      const from = dayNumberOf(h.from);
      const to = dayNumberOf(h.to);
      if (from === null) problems.push({ code: 'BAD_DATE', path: `${path}.from`, message: `"${h.from}" is not a date YYYY-MM-DD` });
      if (to === null) problems.push({ code: 'BAD_DATE', path: `${path}.to`, message: `"${h.to}" is not a date YYYY-MM-DD` });
      if (from !== null && to !== null && to < from) problems.push({ code: 'RANGE_END_BEFORE_START', path, message: `${h.to} is before ${h.from}` });
    } else if ('yearly' in h) {
      if (!isMonthDay(h.yearly)) problems.push({ code: 'BAD_MONTH_DAY', path: `${path}.yearly`, message: `"${h.yearly}" is not a month-day MM-DD` });
    } else {
      problems.push({ code: 'BAD_HOLIDAY', path, message: 'expected { date }, { from, to } or { yearly }' });
    }
  });
  return problems;
}

/** Every reason the spec cannot be used; empty when it can. */
export function validateCalendarSpec(spec: BusinessCalendarSpec): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  if (!isTimeZone(spec.timeZone)) problems.push({ code: 'BAD_TIME_ZONE', path: 'timeZone', message: `"${String(spec.timeZone)}" is not an IANA time zone` });
  if (spec.hours === '24x7') {
    if ((spec.holidays ?? []).length > 0) problems.push({ code: 'HOLIDAYS_ON_24X7', path: 'holidays', message: 'a 24x7 calendar is never closed; give weekly hours to close on holidays' });
  } else if (typeof spec.hours !== 'object' || spec.hours === null) {
    problems.push({ code: 'BAD_INTERVAL', path: 'hours', message: 'expected "24x7" or opening intervals per weekday' });
  } else {
    problems.push(...parseWeeklyHours(spec.hours).problems);
  }
  problems.push(...holidayProblems(spec.holidays ?? []));
  return problems;
}

/** Subtracts sorted, merged cuts (end Infinity: open-ended) from increasing spans; stops at an open-ended cut. */
function* subtract(spans: Iterable<Span>, cuts: readonly Span[]): Generator<Span> {
  let i = 0;
  for (const [from, to] of spans) {
    let s = from;
    while (i < cuts.length && cuts[i]![1] <= s) i++;
    for (let j = i; s < to; j++) {
      const cut = cuts[j];
      if (!cut || cut[0] >= to) {
        yield [s, to];
        break;
      }
      if (cut[0] > s) yield [s, cut[0]];
      if (cut[1] === Infinity) return;
      s = Math.max(s, cut[1]);
    }
  }
}

/** Pauses as sorted, merged spans of epoch milliseconds. */
function mergeIntervals(intervals: readonly TimeInterval[]): Span[] {
  const spans = intervals.map(({ from, to }): Span => {
    const end = to === null ? Infinity : to.getTime();
    if (end < from.getTime()) throw new RangeError(`an interval ends (${to!.toISOString()}) before it starts (${from.toISOString()})`);
    return [from.getTime(), end];
  });
  spans.sort((a, b) => a[0] - b[0]);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span[0] <= last[1]) merged[merged.length - 1] = [last[0], Math.max(last[1], span[1])];
    else merged.push(span);
  }
  return merged;
}

/**
 * A validated calendar and its arithmetic. Instants are `Date`s; durations are milliseconds of
 * business time. Build one with `BusinessCalendar.of(spec)`.
 */
export class BusinessCalendar {
  private readonly alwaysOpen: boolean;
  private readonly week: (readonly Span[])[];
  private readonly singleHolidays: Set<number>;
  private readonly rangeHolidays: Span[];
  private readonly yearlyHolidays: Set<string>;
  private readonly daySpans = new Map<number, readonly Span[]>();

  private constructor(readonly spec: BusinessCalendarSpec) {
    this.alwaysOpen = spec.hours === '24x7';
    this.week = spec.hours === '24x7' ? WEEKDAYS.map(() => [[0, 1440]]) : parseWeeklyHours(spec.hours).week;
    const holidays = spec.holidays ?? [];
    this.singleHolidays = new Set(holidays.flatMap((h) => ('date' in h ? [dayNumberOf(h.date)!] : [])));
    this.rangeHolidays = holidays.flatMap((h): Span[] => ('from' in h && 'to' in h ? [[dayNumberOf(h.from)!, dayNumberOf(h.to)!]] : []));
    this.yearlyHolidays = new Set(holidays.flatMap((h) => ('yearly' in h ? [h.yearly] : [])));
  }

  /** Validates the spec; throws CalendarSpecError with every problem. */
  static of(spec: BusinessCalendarSpec): BusinessCalendar {
    const problems = validateCalendarSpec(spec);
    if (problems.length > 0) throw new CalendarSpecError(problems);
    return new BusinessCalendar(spec);
  }

  get timeZone(): string {
    return this.spec.timeZone;
  }

  /** The local date of an instant in the calendar's zone. */
  localDateOf(instant: Date): LocalDate {
    return new Date(this.dayOf(instant.getTime()) * DAY).toISOString().slice(0, 10);
  }

  isHoliday(date: LocalDate): boolean {
    const day = dayNumberOf(date);
    if (day === null) throw new RangeError(`not a date YYYY-MM-DD: ${date}`);
    return this.isHolidayDay(day);
  }

  /** A working day has opening hours and is no holiday. */
  isWorkingDay(date: LocalDate): boolean {
    const day = dayNumberOf(date);
    if (day === null) throw new RangeError(`not a date YYYY-MM-DD: ${date}`);
    return this.spansOfDay(day).length > 0;
  }

  isOpenAt(instant: Date): boolean {
    const t = instant.getTime();
    const day = this.dayOf(t);
    return [day - 1, day, day + 1].some((d) => this.spansOfDay(d).some(([s, e]) => s <= t && t < e));
  }

  /** The instant itself when open, else the next opening. */
  nextOpening(instant: Date): Date {
    for (const [s] of this.openSpansFrom(instant.getTime())) return new Date(s);
    throw new CalendarNeverOpensError(instant);
  }

  /** The last instant by which `ms` of business time has elapsed since `from` (see the file comment). */
  addBusinessTime(from: Date, ms: number): Date {
    return this.addBusinessTimeExcluding(from, ms, [])!; // without pauses the walk always ends
  }

  /**
   * As addBusinessTime, not counting the business time inside `pauses`; null when an open-ended
   * pause begins before the budget is spent (the instant is not known until the pause ends).
   */
  addBusinessTimeExcluding(from: Date, ms: number, pauses: readonly TimeInterval[]): Date | null {
    if (!(ms >= 0) || !Number.isFinite(ms)) throw new RangeError(`business time to add must be a finite number ≥ 0, got ${ms}`);
    let remaining = Math.round(ms);
    for (const [s, e] of subtract(this.openSpansFrom(from.getTime()), mergeIntervals(pauses))) {
      if (remaining < e - s) return new Date(s + remaining);
      remaining -= e - s;
    }
    return null;
  }

  /**
   * n working days later (see the file comment): from the instant, or the next opening when closed,
   * to the n-th working day after it at the same wall time, or the next opening at or after that.
   */
  addWorkingDays(from: Date, n: number): Date {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days to add must be a whole number ≥ 0, got ${n}`);
    const anchor = this.nextOpening(from).getTime();
    const wall = anchor + zoneOffsetMs(this.timeZone, anchor);
    let day = Math.floor(wall / DAY);
    const timeOfDay = wall - day * DAY;
    for (let found = 0, closed = 0; found < n; ) {
      day++;
      if (this.spansOfDay(day).length > 0) {
        found++;
        closed = 0;
      } else if (++closed > MAX_CLOSED_DAYS) {
        throw new CalendarNeverOpensError(from);
      }
    }
    return this.nextOpening(new Date(this.instantOfWall(day * DAY + timeOfDay)));
  }

  /** A target or an offset from an instant: business minutes or hours, or working days. */
  add(from: Date, duration: BusinessDuration): Date {
    return duration.unit === 'working-days' ? this.addWorkingDays(from, duration.amount) : this.addBusinessTime(from, durationMs(duration));
  }

  /**
   * The business time a duration stands for when counted from `from`: its minutes or hours, or for
   * working days the open time between `from` and the landing instant.
   */
  budgetMs(from: Date, duration: BusinessDuration): number {
    if (duration.unit !== 'working-days') return durationMs(duration);
    return this.businessTimeBetween(from, this.addWorkingDays(from, duration.amount));
  }

  /** Open time between two instants (negative when `to` is earlier). */
  businessTimeBetween(from: Date, to: Date): number {
    return this.businessTimeBetweenExcluding(from, to, []);
  }

  /** Open time between two instants outside the pauses (negative when `to` is earlier). */
  businessTimeBetweenExcluding(from: Date, to: Date, pauses: readonly TimeInterval[]): number {
    const a = from.getTime();
    const b = to.getTime();
    if (b < a) return -this.businessTimeBetweenExcluding(to, from, pauses);
    let total = 0;
    for (const [s, e] of subtract(this.openSpansFrom(a), mergeIntervals(pauses))) {
      if (s >= b) break;
      total += Math.min(e, b) - s;
    }
    return total;
  }

  /** Open spans from `t` on, in order, the first clipped to start at `t`. */
  private *openSpansFrom(t: number): Generator<Span> {
    if (this.alwaysOpen) {
      yield [t, Infinity];
      return;
    }
    // From the day before: a fall-back at midnight makes instants of one local date follow the next's.
    for (let day = this.dayOf(t) - 1, closed = 0; ; day++) {
      const spans = this.spansOfDay(day);
      if (spans.length === 0) {
        if (++closed > MAX_CLOSED_DAYS) throw new CalendarNeverOpensError(new Date(t));
        continue;
      }
      closed = 0;
      for (const [s, e] of spans) if (e > t) yield [Math.max(s, t), e];
    }
  }

  private isHolidayDay(day: number): boolean {
    if (this.singleHolidays.has(day) || this.rangeHolidays.some(([from, to]) => from <= day && day <= to)) return true;
    return this.yearlyHolidays.size > 0 && this.yearlyHolidays.has(new Date(day * DAY).toISOString().slice(5, 10));
  }

  /** The open spans (epoch ms) of one local date, numbered in days since 1970-01-01. */
  private spansOfDay(day: number): readonly Span[] {
    let spans = this.daySpans.get(day);
    if (spans) return spans;
    const weekday = (((day + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday; Monday is 0
    const hours = this.week[weekday]!;
    spans =
      hours.length === 0 || this.isHolidayDay(day)
        ? []
        : hours
            .map(([from, to]): Span => [this.instantOfWall(day * DAY + from * MINUTE), this.instantOfWall(day * DAY + to * MINUTE)])
            .filter(([s, e]) => s < e); // an interval wholly inside a spring-forward gap never opens
    if (this.daySpans.size > 4096) this.daySpans.clear();
    this.daySpans.set(day, spans);
    return spans;
  }

  private dayOf(t: number): number {
    return Math.floor((t + zoneOffsetMs(this.timeZone, t)) / DAY);
  }

  /**
   * The instant a local wall time (as epoch ms of the same fields in UTC) happens: its first
   * occurrence when repeated, the end of the gap when skipped.
   */
  private instantOfWall(wall: number): number {
    const before = zoneOffsetMs(this.timeZone, wall - DAY);
    const after = zoneOffsetMs(this.timeZone, wall + DAY);
    const valid = [wall - before, wall - after].filter((t) => t + zoneOffsetMs(this.timeZone, t) === wall);
    if (valid.length > 0) return Math.min(...valid);
    // Skipped: find the transition between the two readings by halving.
    let lo = Math.min(wall - before, wall - after);
    let hi = Math.max(wall - before, wall - after);
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (mid + zoneOffsetMs(this.timeZone, mid) < wall) lo = mid;
      else hi = mid;
    }
    return hi;
  }
}

export function durationMs(duration: BusinessDuration): number {
  switch (duration.unit) {
    case 'minutes':
      return Math.round(duration.amount * MINUTE);
    case 'hours':
      return Math.round(duration.amount * HOUR);
    case 'working-days':
      throw new RangeError('working days have no fixed length: use BusinessCalendar.budgetMs');
  }
}
