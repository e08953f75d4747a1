import type { holdReasons } from '@switchboard/contracts';
import { shiftForPause, shiftSchedule, type AlertSchedule } from './alert-ladder';
import { BusinessCalendar } from './business-calendar';
import type { SlaMetric } from './sla-targets';

export type HoldReason = (typeof holdReasons)[number];

/** A clock is `running` (its timers armed), `paused` (no warning or breach) or `stopped` for good. */
export type ClockState = 'running' | 'paused' | 'stopped';

/**
 * A held ticket's clocks (domain.md §2): a repair held for an outage (`known-issue`) or a
 * complaint grouped under an incident (`incident`) does not breach, so its clocks pause; a ticket
 * waiting in remote pre-handling (`remote-support`) keeps its clocks running.
 *
 * The pause is kept generic — `paused_at` and the accumulated `paused_ms` on the clock — so other
 * suspensions (issue 6: a supervisor-approved suspension) can pause and resume with the same rules.
 */
export function holdPausesClocks(reason: HoldReason): boolean {
  return reason === 'known-issue' || reason === 'incident';
}

/**
 * Which clocks a hold or an approved suspension pauses (issue 6): resolution, never first response —
 * the customer waits for an answer whatever happens to the field work. (The default policies mark
 * resolution and on-site `pausable`, first response, reply and callback not.)
 */
export function metricPauses(metric: SlaMetric): boolean {
  return metric === 'resolution';
}

/** The hold a known-issue or incident hold puts on a clock (ended by the ticket's dispatch request). */
export const KNOWN_ISSUE_HOLD = 'hold';
/** The hold an approved suspension puts on a clock (ended by its `ticket.suspension-ended`). */
export const suspensionHold = (approvalId: string) => `suspension:${approvalId}`;

export interface PausableClock {
  state: ClockState;
  warnAt: Date;
  dueAt: Date;
  pausedAt: Date | null;
  pausedMs: number;
}

export type PauseDecision = { kind: 'pause'; pausedAt: Date } | { kind: 'ignore'; why: string };

/** Only a running clock pauses; a paused one keeps its first pause (the earliest wins). */
export function decidePause(clock: Pick<PausableClock, 'state'>, at: Date): PauseDecision {
  if (clock.state === 'running') return { kind: 'pause', pausedAt: at };
  return { kind: 'ignore', why: `the clock is ${clock.state}` };
}

export type ResumeDecision = { kind: 'resume'; warnAt: Date; dueAt: Date; pausedMs: number } | { kind: 'ignore'; why: string };

/**
 * Resuming a paused clock: its warning and due times move later by as long as it was paused, so
 * the time the customer waited on the platform stays what it was at the pause. A resume dated
 * before the pause (events out of order) shifts nothing.
 */
export function decideResume(clock: PausableClock, at: Date): ResumeDecision {
  if (clock.state !== 'paused' || clock.pausedAt === null) return { kind: 'ignore', why: `the clock is ${clock.state}` };
  const paused = Math.max(0, at.getTime() - clock.pausedAt.getTime());
  return {
    kind: 'resume',
    warnAt: new Date(clock.warnAt.getTime() + paused),
    dueAt: new Date(clock.dueAt.getTime() + paused),
    pausedMs: clock.pausedMs + paused,
  };
}

/**
 * Whether a stop met the clock. A running clock is met when stopped by its due time; a paused
 * clock stood still at its pause, so it is met unless it had already run out before the pause.
 */
export function isMetAtStop(clock: Pick<PausableClock, 'state' | 'dueAt' | 'pausedAt'>, stoppedAt: Date): boolean {
  const effective = clock.state === 'paused' && clock.pausedAt !== null ? clock.pausedAt : stoppedAt;
  return effective.getTime() <= clock.dueAt.getTime();
}

export interface ResumedTimes {
  warnAt: Date;
  dueAt: Date;
  schedule: AlertSchedule | null;
  pausedMs: number;
}

/**
 * Resuming a paused clock in business time (issue 6): every instant still ahead at the pause keeps
 * the business time it had left (`shiftForPause` on the clock's calendar); a clock from before the
 * alert ladder (no schedule) shifts in real time as `decideResume`. `pausedMs` adds the real time it
 * stood still.
 */
export function resumeInBusinessTime(clock: PausableClock & { schedule: AlertSchedule | null }, at: Date): ResumedTimes | { kind: 'ignore'; why: string } {
  const wall = decideResume(clock, at);
  if (wall.kind !== 'resume') return wall;
  if (!clock.schedule) return { warnAt: wall.warnAt, dueAt: wall.dueAt, schedule: null, pausedMs: wall.pausedMs };
  const pausedAt = clock.pausedAt!;
  const calendar = BusinessCalendar.of(clock.schedule.calendar);
  return {
    warnAt: shiftForPause(calendar, clock.warnAt, pausedAt, at),
    dueAt: shiftForPause(calendar, clock.dueAt, pausedAt, at),
    schedule: shiftSchedule(clock.schedule, pausedAt, at),
    pausedMs: wall.pausedMs,
  };
}
