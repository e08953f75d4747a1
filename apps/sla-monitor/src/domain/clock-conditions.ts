/**
 * One event may meet several of a clock's conditions at once (a withdrawal that is also an
 * approved suspension, a completion that also ends a hold). They are evaluated in one fixed order —
 * start, stop, pause, resume, reset, cancel (issue 6) — each against the state the previous ones
 * left, so the outcome never depends on the order the conditions were written or arrived in:
 * - a stop is final: what fulfilled the metric is recorded, nothing after it applies;
 * - a clock is paused while any hold lasts: pause adds a hold reason, resume ends one, so a new
 *   suspension and the end of an outage in the same event leave the clock paused;
 * - reset starts the count over from zero and keeps the holds;
 * - cancel applies only when no stop, pause or resume applied in the same evaluation, so
 *   overlapping conditions cannot cancel a clock that should pause.
 */

export const CONDITION_ORDER = ['start', 'stop', 'pause', 'resume', 'reset', 'cancel'] as const;
export type ClockCondition = (typeof CONDITION_ORDER)[number];

export type ClockLifeState = 'not-started' | 'running' | 'paused' | 'stopped' | 'cancelled';

export interface ClockLife {
  state: ClockLifeState;
  /** Why the clock is paused (e.g. `suspension`, `known-issue`); empty unless paused. */
  holds: readonly string[];
}

export interface MetCondition {
  condition: ClockCondition;
  /** For pause and resume: which hold. */
  reason?: string;
}

export interface ConditionOutcome extends ClockLife {
  applied: ClockCondition[];
  ignored: { condition: ClockCondition; why: string }[];
  /** The elapsed count starts over from zero. */
  reset: boolean;
}

const HOLD = 'hold';

export function evaluateConditions(life: ClockLife, met: readonly MetCondition[]): ConditionOutcome {
  let { state } = life;
  const holds = new Set(life.holds);
  const out: Omit<ConditionOutcome, 'state' | 'holds'> = { applied: [], ignored: [], reset: false };
  const ordered = [...met].sort((a, b) => CONDITION_ORDER.indexOf(a.condition) - CONDITION_ORDER.indexOf(b.condition));
  for (const { condition, reason = HOLD } of ordered) {
    const live = state === 'running' || state === 'paused';
    let why: string | null = null;
    switch (condition) {
      case 'start':
        if (state === 'not-started') state = 'running';
        else why = `the clock is ${state}`;
        break;
      case 'stop':
        if (live) state = 'stopped';
        else why = `the clock is ${state}`;
        break;
      case 'pause':
        if (!live) why = `the clock is ${state}`;
        else if (holds.has(reason)) why = `already held for ${reason}`;
        else {
          holds.add(reason);
          state = 'paused';
        }
        break;
      case 'resume':
        if (!live || !holds.has(reason)) why = `not held for ${reason}`;
        else {
          holds.delete(reason);
          if (holds.size === 0) state = 'running';
        }
        break;
      case 'reset':
        if (live) out.reset = true;
        else why = `the clock is ${state}`;
        break;
      case 'cancel':
        if (!live) why = `the clock is ${state}`;
        else if (out.applied.some((c) => c === 'pause' || c === 'resume')) why = 'a pause or resume in the same evaluation wins';
        else state = 'cancelled';
        break;
    }
    if (why === null) out.applied.push(condition);
    else out.ignored.push({ condition, why });
  }
  return { state, holds: state === 'paused' ? [...holds] : [], ...out };
}
