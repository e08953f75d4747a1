import { instantOfLocalTime, wallClockAt } from '@switchboard/time';
import { BusinessCalendar, durationMs, type BusinessCalendarSpec } from './business-calendar';
import { metricCalendar, type DispatchAction, type MetricDefinition, type SlaPolicy } from './sla-policy';

/**
 * The alert ladder of one clock (issue 6, ADR 0028): every warning fraction, the breach, every
 * escalation level and the reminders to the handler once warned. Each alert has a key, raised at
 * most once per clock (the `alerts` table's primary key):
 *
 * - `warning`              — `sla.warning` v1 at warn_at (the last fraction), kept for its consumers;
 * - `warned:<fraction>`    — `sla.warned`, one per fraction (default 0.5 and 0.8);
 * - `breached`             — `sla.breached` at due_at;
 * - `escalated:<level>`    — `sla.escalated` at the level's signed offset from the target;
 * - `reminder:<n>`         — `sla.reminder`, the n-th, one interval after the latest warning or reminder.
 *
 * The instants of warnings and escalations are walks of business time on the metric's calendar,
 * stored with the clock (`schedule`); a pause moves every instant still ahead in business time.
 */

export interface ScheduledWarning {
  fraction: number;
  at: string;
}

export interface ScheduledEscalation {
  level: string;
  notify: string;
  action: DispatchAction;
  at: string;
}

/** Stored on the clock (`clocks.schedule`). */
export interface AlertSchedule {
  calendar: BusinessCalendarSpec;
  warnings: ScheduledWarning[];
  escalations: ScheduledEscalation[];
}

export type AlertKind = 'warning' | 'warned' | 'breached' | 'escalated' | 'reminder';

export type ParsedKey =
  | { kind: 'warning' }
  | { kind: 'breached' }
  | { kind: 'warned'; fraction: number }
  | { kind: 'escalated'; level: string }
  | { kind: 'reminder'; n: number };

export const warnedKey = (fraction: number) => `warned:${fraction}`;
export const escalatedKey = (level: string) => `escalated:${level}`;
export const reminderKey = (n: number) => `reminder:${n}`;

const KEY = /^(warning|breached)$|^warned:(0?\.[0-9]+)$|^escalated:([a-z][a-z0-9-]{0,63})$|^reminder:([1-9][0-9]{0,5})$/;

export function parseAlertKey(key: string): ParsedKey | undefined {
  const m = KEY.exec(key);
  if (!m) return undefined;
  if (m[1] === 'warning' || m[1] === 'breached') return { kind: m[1] };
  if (m[2] !== undefined) return { kind: 'warned', fraction: Number(m[2]) };
  if (m[3] !== undefined) return { kind: 'escalated', level: m[3] };
  return { kind: 'reminder', n: Number(m[4]) };
}

/**
 * A clock's schedule under its policy's metric: the warnings at `fraction × target` and the
 * escalations at `target + offset` (never before the start), both in business time on the
 * metric's calendar from the start. `timeScale` shrinks targets and offsets alike (SLA_TIME_SCALE).
 * An offset in working days is counted on the calendar from the due instant.
 */
export function planAlertSchedule(policy: SlaPolicy, def: MetricDefinition, startedAt: Date, targetMs: number, timeScale = 1): AlertSchedule {
  const spec = metricCalendar(policy, def);
  const calendar = BusinessCalendar.of(spec);
  const walk = (budget: number) => calendar.addBusinessTime(startedAt, Math.max(0, Math.round(budget))).toISOString();
  const dueAt = calendar.addBusinessTime(startedAt, targetMs);
  const offsetMs = (e: MetricDefinition['escalations'][number]) => (e.offset.unit === 'working-days' ? calendar.budgetMs(dueAt, e.offset) : durationMs(e.offset)) * timeScale;
  return {
    calendar: spec,
    warnings: def.warnings.map((fraction) => ({ fraction, at: walk(fraction * targetMs) })),
    escalations: def.escalations.map((e) => ({ level: e.level, notify: e.notify, action: e.dispatchAction, at: walk(targetMs + offsetMs(e)) })),
  };
}

/** A clock as the ladder sees it. */
export interface LadderClock {
  warnAt: Date;
  dueAt: Date;
  schedule: AlertSchedule | null;
}

export interface LadderTimer {
  key: string;
  at: Date;
}

const REMINDER_AFTER: readonly AlertKind[] = ['warning', 'warned', 'reminder'];

/**
 * The next reminder: none before the first warning; then the n-th one interval after the latest
 * warning or reminder raised (so a reminder missed while Redis was away, or due during a pause, is
 * sent once when noticed, and the next one an interval later — they never bunch).
 */
export function nextReminder(alerted: ReadonlyMap<string, Date>, intervalMs: number): LadderTimer | null {
  if (!(intervalMs > 0)) return null;
  let latest: number | null = null;
  let count = 0;
  for (const [key, at] of alerted) {
    const parsed = parseAlertKey(key);
    if (!parsed || !REMINDER_AFTER.includes(parsed.kind)) continue;
    if (parsed.kind === 'reminder') count = Math.max(count, parsed.n);
    latest = Math.max(latest ?? -Infinity, at.getTime());
  }
  if (latest === null) return null;
  return { key: reminderKey(count + 1), at: new Date(latest + intervalMs) };
}

/** Every alert of a running clock still to raise, with its instant; `alerted` maps the keys raised to when. */
export function pendingAlerts(clock: LadderClock, alerted: ReadonlyMap<string, Date>, reminderIntervalMs: number): LadderTimer[] {
  const all: LadderTimer[] = [
    { key: 'warning', at: clock.warnAt },
    ...(clock.schedule?.warnings ?? []).map((w) => ({ key: warnedKey(w.fraction), at: new Date(w.at) })),
    { key: 'breached', at: clock.dueAt },
    ...(clock.schedule?.escalations ?? []).map((e) => ({ key: escalatedKey(e.level), at: new Date(e.at) })),
  ];
  const reminder = nextReminder(alerted, reminderIntervalMs);
  return [...all.filter((t) => !alerted.has(t.key)), ...(reminder ? [reminder] : [])];
}

/**
 * When the alert `key` of a clock falls due, or undefined when the clock has no such alert (any
 * more): a reminder other than the next one, a level its policy version no longer has.
 */
export function instantOfAlert(clock: LadderClock, key: string, alerted: ReadonlyMap<string, Date>, reminderIntervalMs: number): Date | undefined {
  return pendingAlerts(clock, alerted, reminderIntervalMs).find((t) => t.key === key)?.at;
}

/**
 * A paused clock resumes: every instant still ahead at the pause moves so that the business time
 * left between the pause and it is left between the resume and it (on 24×7, later by the pause;
 * on office hours, a pause over a night costs nothing and one during the day moves it by the open
 * time lost). Instants at or before the pause stay. A resume dated before the pause moves nothing.
 */
export function shiftForPause(calendar: BusinessCalendar, instant: Date, pausedAt: Date, resumedAt: Date): Date {
  if (instant.getTime() <= pausedAt.getTime() || resumedAt.getTime() <= pausedAt.getTime()) return instant;
  return calendar.addBusinessTime(resumedAt, calendar.businessTimeBetween(pausedAt, instant));
}

export function shiftSchedule(schedule: AlertSchedule, pausedAt: Date, resumedAt: Date): AlertSchedule {
  const calendar = BusinessCalendar.of(schedule.calendar);
  const shift = (iso: string) => shiftForPause(calendar, new Date(iso), pausedAt, resumedAt).toISOString();
  return {
    calendar: schedule.calendar,
    warnings: schedule.warnings.map((w) => ({ ...w, at: shift(w.at) })),
    escalations: schedule.escalations.map((e) => ({ ...e, at: shift(e.at) })),
  };
}

// --- Quiet hours for people (never for clocks) ---

/** `HH:MM` local wall times; `from` after `to` spans midnight (22:00–08:00). Equal: no quiet hours. */
export interface QuietHours {
  from: string;
  to: string;
}

const HHMM = /^([01][0-9]|2[0-3]):([0-5][0-9])$/;

export function parseQuietHours(text: string): QuietHours | null {
  if (text.trim() === '' || text === 'none') return null;
  const [from, to, ...rest] = text.split('-');
  if (rest.length > 0 || !from || !to || !HHMM.test(from) || !HHMM.test(to)) throw new RangeError(`quiet hours are HH:MM-HH:MM or "none", got "${text}"`);
  return from === to ? null : { from, to };
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * When a person may be told about an alert raised at `at`: `at` itself outside quiet hours, else
 * the end of the quiet hours on the local wall clock of `timeZone` (DST-correct: a `to` skipped by
 * a spring-forward is moved forward by the gap). The alert itself is raised at `at` regardless.
 */
export function notifyAt(at: Date, quiet: QuietHours | null, timeZone: string): Date {
  if (!quiet) return at;
  const wall = wallClockAt(at, timeZone);
  const now = wall.hour * 60 + wall.minute + wall.second / 60;
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  const spansMidnight = from > to;
  const inside = spansMidnight ? now >= from || now < to : now >= from && now < to;
  if (!inside) return at;
  // The end is today's `to`, unless the quiet hours began this evening and end tomorrow.
  const endsTomorrow = spansMidnight && now >= from;
  const day = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + (endsTomorrow ? 1 : 0)));
  return instantOfLocalTime(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), to, timeZone);
}
