/**
 * The unsatisfied loop (domain.md §5, "不满意工单升级处理"): an unsatisfied customer has the ticket
 * reopened and is called back again after the new fix, until satisfied — but only so often. The
 * survey that reaches the attempt limit unsatisfied escalates the ticket to management instead.
 */
export const DEFAULT_CALLBACK_MAX_ATTEMPTS = 3;

export type UnsatisfiedOutcome = { next: 'reopen'; attempt: number } | { next: 'escalate-to-management'; attempts: number };

export class CallbackAttemptLimit {
  constructor(readonly maxAttempts: number = DEFAULT_CALLBACK_MAX_ATTEMPTS) {
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RangeError(`the callback attempt limit must be a whole number ≥ 1, got ${maxAttempts}`);
  }

  /** What follows the `attempt`-th survey of a ticket (1-based) answered unsatisfied. */
  afterUnsatisfied(attempt: number): UnsatisfiedOutcome {
    if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`a survey attempt is a whole number ≥ 1, got ${attempt}`);
    return attempt < this.maxAttempts ? { next: 'reopen', attempt } : { next: 'escalate-to-management', attempts: attempt };
  }
}
