/**
 * Wall-clock time in IANA time zones, from the runtime's own zone data (`Intl.DateTimeFormat`;
 * Node ships full ICU): no dependency, DST-correct. Shared by the business calendars (sla-monitor),
 * the callback policy's quiet hours (callback) and the rota's business date (dispatch).
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** The local date and time an instant shows on a clock in a zone (month 1–12, hour 0–23). */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** An IANA zone this runtime knows (`Asia/Shanghai`, `UTC`); anything else, including '', is not. */
export function isTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || timeZone.trim() === '') return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

export function wallClockAt(instant: number | Date, timeZone: string): WallClock {
  const wall: WallClock = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type in wall) wall[part.type as keyof WallClock] = Number(part.value);
  }
  return wall;
}

/** The zone's offset from UTC at an instant, in ms (Asia/Shanghai: +8 h); follows DST. */
export function zoneOffsetMs(timeZone: string, instant: number): number {
  const w = wallClockAt(instant, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(instant / 1000) * 1000;
}

/** The local calendar date of an instant in a zone, `YYYY-MM-DD`. */
export function localDateOf(instant: number | Date, timeZone: string): string {
  const w = wallClockAt(instant, timeZone);
  return `${String(w.year).padStart(4, '0')}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/**
 * The instant a local wall-clock time names in a zone. A time skipped by a DST change (02:30 on a
 * spring-forward night) moves forward by the gap; a repeated one (autumn) is its first occurrence.
 */
export function instantOfLocalTime(year: number, month: number, day: number, minutesOfDay: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day, 0, minutesOfDay);
  // The offsets in force half a day either side (time zones change at most once in that span).
  const before = zoneOffsetMs(timeZone, wall - DAY_MS / 2);
  const after = zoneOffsetMs(timeZone, wall + DAY_MS / 2);
  const first = wall - before;
  if (zoneOffsetMs(timeZone, first) === before) return new Date(first);
  const second = wall - after;
  if (zoneOffsetMs(timeZone, second) === after) return new Date(second);
  // Skipped by the change: `first` reads as the wall time plus the gap.
  return new Date(first);
}
