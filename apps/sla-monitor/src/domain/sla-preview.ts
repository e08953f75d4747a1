import { BusinessCalendar, durationMs, type TimeInterval } from './business-calendar';
import { metricCalendar, type ClockStartEvent, type DispatchAction, type MetricDefinition, type SlaPolicy } from './sla-policy';

/**
 * When a policy's clocks warn, fall due and escalate ("when will this breach?", issue 6). Every
 * instant is where a budget of business time since the clock's start runs out on the metric's
 * calendar, not counting the pauses of a pausable metric: a warning at 80 % spends 0.8 × the
 * target, an escalation at −10 min the target less 10 minutes (never less than nothing).
 */

export interface PlannedWarning {
  fraction: number;
  at: Date | null;
}

export interface PlannedEscalation {
  level: string;
  notify: string;
  dispatchAction: DispatchAction;
  at: Date | null;
}

export interface MetricPlan {
  metric: string;
  startsOn: ClockStartEvent;
  /** Null: the event that starts this clock has not happened. */
  startedAt: Date | null;
  /** The target in business milliseconds (working days measured from the start on the metric's calendar). */
  targetMs: number | null;
  /** Null: not started, or held by a pause that has not ended. */
  dueAt: Date | null;
  warnings: PlannedWarning[];
  escalations: PlannedEscalation[];
}

/** The instant a budget of business time since the start runs out; null while an open pause holds the clock. */
export type BudgetWalk = (budgetMs: number) => Date | null;

/**
 * A started clock's instants, each the walk of its budget. `calendar` is the metric's calendar;
 * an escalation offset in working days is counted on it from the unpaused due instant.
 */
export function scheduleMetric(def: MetricDefinition, calendar: BusinessCalendar, startedAt: Date, targetMs: number, walk: BudgetWalk): MetricPlan {
  const offsetMs = (offset: MetricDefinition['escalations'][number]['offset']): number =>
    offset.unit === 'working-days' ? calendar.budgetMs(calendar.addBusinessTime(startedAt, targetMs), offset) : durationMs(offset);
  return {
    metric: def.metric,
    startsOn: def.startsOn,
    startedAt,
    targetMs,
    dueAt: walk(targetMs),
    warnings: def.warnings.map((fraction) => ({ fraction, at: walk(Math.round(fraction * targetMs)) })),
    escalations: def.escalations.map(({ level, notify, dispatchAction, offset }) => ({ level, notify, dispatchAction, at: walk(Math.max(0, targetMs + offsetMs(offset))) })),
  };
}

/**
 * A clock starts at the ticket's reportedAt when that is earlier than intake took it in
 * (retroactive start, issue 6), else at intake: a reportedAt in the future is a skewed clock.
 */
export function ticketClockStart(reportedAt: Date, intakeAt: Date): Date {
  return reportedAt.getTime() < intakeAt.getTime() ? reportedAt : intakeAt;
}

export interface PreviewRequest {
  /** The ticket's clock start (see ticketClockStart). */
  start: Date;
  /** Approved suspensions and known-issue holds; `to: null` is still going on. */
  pauses?: readonly TimeInterval[];
  /** Starts the metrics counted from completion (callback). */
  completedAt?: Date;
  /** Starts the metrics counted from a department hand-over (OLA). */
  handedOverAt?: Date;
}

/**
 * Every metric's due, warning and escalation instants under a policy. Pauses extend only pausable
 * metrics (resolution, on site), in business time; first response never moves.
 */
export function previewPolicy(policy: SlaPolicy, request: PreviewRequest): MetricPlan[] {
  const starts: Record<ClockStartEvent, Date | undefined> = { ticket: request.start, completion: request.completedAt, 'hand-over': request.handedOverAt };
  return policy.metrics.map((def) => {
    const startedAt = starts[def.startsOn];
    if (!startedAt) return { metric: def.metric, startsOn: def.startsOn, startedAt: null, targetMs: null, dueAt: null, warnings: [], escalations: [] };
    const calendar = BusinessCalendar.of(metricCalendar(policy, def));
    const pauses = def.pausable ? (request.pauses ?? []) : [];
    return scheduleMetric(def, calendar, startedAt, calendar.budgetMs(startedAt, def.target), (budget) => calendar.addBusinessTimeExcluding(startedAt, budget, pauses));
  });
}
