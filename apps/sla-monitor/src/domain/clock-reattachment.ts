import { BusinessCalendar, type BusinessCalendarSpec, type TimeInterval } from './business-calendar';
import { metricCalendar, type MetricDefinition, type SlaPolicy } from './sla-policy';
import { scheduleMetric, type MetricPlan } from './sla-preview';

/**
 * Re-evaluation (issue 6): a change of priority, tier or policy re-attaches the matching policy
 * *keeping elapsed and paused time* — other systems recompute from the start and lose the pauses.
 *
 * At the re-attachment instant the clock has spent some business time (measured on the calendar
 * it was attached to, pauses left out) and that stays spent; the new target's remainder is spent
 * on the new calendar from then on. An instant whose budget was already spent stays where it was.
 * Re-attaching the same policy changes nothing.
 */

export interface AttachedClock {
  metric: string;
  startedAt: Date;
  /** The calendar of the policy version the clock was attached to. */
  calendar: BusinessCalendarSpec;
  /** Its pauses so far; the last may still be going on (`to: null`). */
  pauses: readonly TimeInterval[];
}

export interface ReattachedClock extends MetricPlan {
  startedAt: Date;
  targetMs: number;
  state: 'running' | 'paused';
  /** Business time spent by the re-attachment instant, pauses left out (old calendar). */
  elapsedMs: number;
  /** Business time paused by then (old calendar): kept, never spent. */
  pausedMs: number;
}

const clip = (pauses: readonly TimeInterval[], from: number, to: number): TimeInterval[] =>
  pauses.flatMap((p) => {
    const s = Math.max(p.from.getTime(), from);
    const e = Math.min(p.to?.getTime() ?? Infinity, to);
    return s < e ? [{ from: new Date(s), to: e === Infinity ? null : new Date(e) }] : [];
  });

/** One clock under a new metric definition (of `policy`), re-attached at `at`. */
export function reattachClock(clock: AttachedClock, policy: SlaPolicy, def: MetricDefinition, at: Date): ReattachedClock {
  const now = Math.max(at.getTime(), clock.startedAt.getTime());
  const oldCalendar = BusinessCalendar.of(clock.calendar);
  const newCalendar = BusinessCalendar.of(metricCalendar(policy, def));
  const past = clip(clock.pauses, -Infinity, now);
  const future = def.pausable ? clip(clock.pauses, now, Infinity) : [];
  const elapsedMs = oldCalendar.businessTimeBetweenExcluding(clock.startedAt, new Date(now), past);
  const pausedMs = oldCalendar.businessTimeBetween(clock.startedAt, new Date(now)) - elapsedMs;
  const targetMs = newCalendar.budgetMs(clock.startedAt, def.target);
  const plan = scheduleMetric(def, newCalendar, clock.startedAt, targetMs, (budget) =>
    budget < elapsedMs ? oldCalendar.addBusinessTimeExcluding(clock.startedAt, budget, past) : newCalendar.addBusinessTimeExcluding(new Date(now), budget - elapsedMs, future),
  );
  const paused = future.some((p) => p.from.getTime() === now);
  return { ...plan, startedAt: clock.startedAt, targetMs, state: paused ? 'paused' : 'running', elapsedMs, pausedMs };
}

export interface Reattachment {
  /** Clocks whose metric the new policy keeps. */
  clocks: ReattachedClock[];
  /** Metrics the new policy no longer has: their clocks are cancelled. */
  cancelled: string[];
  /** Metrics new in the policy: their clocks start as fresh ones. */
  toStart: MetricDefinition[];
}

/** A ticket's clocks re-attached to a policy at `at`, matched by metric name. */
export function reattachPolicy(clocks: readonly AttachedClock[], policy: SlaPolicy, at: Date): Reattachment {
  const running = new Set(clocks.map((c) => c.metric));
  return {
    clocks: clocks.flatMap((c) => {
      const def = policy.metrics.find((m) => m.metric === c.metric);
      return def ? [reattachClock(c, policy, def, at)] : [];
    }),
    cancelled: clocks.filter((c) => !policy.metrics.some((m) => m.metric === c.metric)).map((c) => c.metric),
    toStart: policy.metrics.filter((m) => !running.has(m.metric)),
  };
}
