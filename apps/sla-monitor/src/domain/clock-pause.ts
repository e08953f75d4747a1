import type { holdReasons } from '@switchboard/contracts';

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
