import type { SlaMetric } from './sla-targets';

/**
 * A ticket's clocks come in rounds: round 1 from its acceptance, and one more round each time an
 * unsatisfied callback reopens it (domain.md §5). A reopening starts a fresh resolution clock —
 * the customer waits for a fix again — but not a first-response clock: the first response was met
 * or breached once, for good. The clocks of earlier rounds stay as they stopped.
 */
export type ClockTrigger = { cause: 'accepted' } | { cause: 'reopened'; reopenCount: number };

export interface ClockRound {
  round: number;
  metrics: readonly SlaMetric[];
}

export function clockRoundFor(trigger: ClockTrigger): ClockRound {
  if (trigger.cause === 'accepted') return { round: 1, metrics: ['first-response', 'resolution'] };
  if (!Number.isInteger(trigger.reopenCount) || trigger.reopenCount < 1) throw new RangeError(`a reopening count is a whole number ≥ 1, got ${trigger.reopenCount}`);
  return { round: trigger.reopenCount + 1, metrics: ['resolution'] };
}

/**
 * A stop that finds the latest clock of its metric already stopped, and happened after that, is
 * the fix of a round whose clock has not started yet (the reopening travels on another topic);
 * it waits for that clock. Only the resolution clock has later rounds.
 */
export function stopBelongsToNextRound(metric: SlaMetric, stoppedAt: Date, latestStoppedAt: Date | null): boolean {
  return metric === 'resolution' && latestStoppedAt !== null && stoppedAt.getTime() > latestStoppedAt.getTime();
}
