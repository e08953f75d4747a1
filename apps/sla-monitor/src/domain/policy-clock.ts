import { planAlertSchedule, type AlertSchedule } from './alert-ladder';
import { BusinessCalendar, durationMs, type BusinessDuration } from './business-calendar';
import { reattachClock, type AttachedClock } from './clock-reattachment';
import type { ClockTimes } from './clock-schedule';
import { defaultSlaPolicies, metricCalendar, type MetricDefinition, type SlaPolicy } from './sla-policy';
import type { SlaTargetTable } from './sla-targets';

/**
 * A running clock's instants under its policy (issue 6, ADR 0022): the target's budget of business
 * time walked on the metric's calendar from the start; the clock's warning at the metric's last
 * (highest) warning fraction. `timeScale` shrinks the budget for demos and tests (SLA_TIME_SCALE):
 * the walk still skips closed hours.
 */
export function planPolicyClock(policy: SlaPolicy, def: MetricDefinition, startedAt: Date, timeScale = 1): ClockTimes & { targetMs: number; schedule: AlertSchedule } {
  const calendar = BusinessCalendar.of(metricCalendar(policy, def));
  const targetMs = Math.max(1, Math.round(calendar.budgetMs(startedAt, def.target) * timeScale));
  const fraction = def.warnings.at(-1);
  const warnMs = fraction === undefined ? targetMs : Math.round(targetMs * fraction);
  return {
    startedAt,
    warnAt: calendar.addBusinessTime(startedAt, warnMs),
    dueAt: calendar.addBusinessTime(startedAt, targetMs),
    targetMs,
    schedule: planAlertSchedule(policy, def, startedAt, targetMs, timeScale),
  };
}

/**
 * The default policies as this deployment configures them: the targets of SLA_FIRST_RESPONSE_MINUTES
 * and SLA_RESOLUTION_HOURS_*, warned at 50 % and at SLA_WARNING_FRACTION (only that one when it is
 * not above 50 %).
 */
export function configuredDefaultPolicies(table: SlaTargetTable, warningFraction: number): SlaPolicy[] {
  const warnings = warningFraction > 0.5 ? [0.5, warningFraction] : [warningFraction];
  return defaultSlaPolicies(table).map((p) => ({ ...p, metrics: p.metrics.map((m) => ({ ...m, warnings })) }));
}

export interface ReattachedTimes {
  warnAt: Date;
  dueAt: Date;
  elapsedMs: number;
  pausedMs: number;
  /** Every warning and escalation of the new version, on its calendar (escalation offsets scaled as the target). */
  schedule: AlertSchedule;
}

const scaledOffset = (offset: BusinessDuration, timeScale: number): BusinessDuration =>
  offset.unit === 'working-days' || timeScale === 1 ? offset : { amount: (durationMs(offset) * timeScale) / 60_000, unit: 'minutes' };

/**
 * A clock moved to another policy version at `at` (`reattachClock`, keeping the business time it
 * spent and stood still on its old calendar), with its budget scaled like `planPolicyClock`'s. Give
 * only ended pauses: a paused clock is re-attached at its pause, as if running until then, and its
 * resume shifts it as usual. An instant whose budget was already spent keeps where it was.
 */
export function reattachPolicyClock(clock: AttachedClock, policy: SlaPolicy, def: MetricDefinition, at: Date, timeScale = 1): ReattachedTimes {
  const calendar = BusinessCalendar.of(metricCalendar(policy, def));
  const targetMs = Math.max(1, Math.round(calendar.budgetMs(clock.startedAt, def.target) * timeScale));
  const scaled: MetricDefinition = {
    ...def,
    target: { amount: targetMs / 60_000, unit: 'minutes' },
    escalations: def.escalations.map((e) => ({ ...e, offset: scaledOffset(e.offset, timeScale) })),
  };
  const r = reattachClock(clock, policy, scaled, at);
  if (r.dueAt === null) throw new RangeError(`clock ${clock.metric} re-attached inside an open pause`);
  const iso = (d: Date | null) => (d ?? r.dueAt!).toISOString();
  const schedule: AlertSchedule = {
    calendar: metricCalendar(policy, def),
    warnings: r.warnings.map((w) => ({ fraction: w.fraction, at: iso(w.at) })),
    escalations: r.escalations.map((e) => ({ level: e.level, notify: e.notify, action: e.dispatchAction, at: iso(e.at) })),
  };
  return { dueAt: r.dueAt, warnAt: r.warnings.at(-1)?.at ?? r.dueAt, elapsedMs: r.elapsedMs, pausedMs: r.pausedMs, schedule };
}
