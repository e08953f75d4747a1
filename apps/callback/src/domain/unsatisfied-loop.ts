import { CallbackAttemptLimit } from './callback-attempts';

/**
 * The unsatisfied loop (domain.md §5, "不满意工单升级处理", 002; "called back again after the fix,
 * until the customer is satisfied", 001; first-contact responsibility, §1, 000/004): a callback
 * answered unsatisfied reopens the same ticket under the same first-contact owner, and after the
 * new fix a new callback follows. The loop ends when the customer is satisfied, when the customer
 * cannot be reached, or when the survey that reaches the attempt limit is answered unsatisfied —
 * which hands the ticket to management instead of reopening it once more.
 */

export interface LoopTicket {
  ticketId: string;
  /** The first-contact owner; a reopening never changes it. */
  owner: string;
  /** The number of the ticket's newest callback (1 for the first resolution's). */
  latestAttempt: number;
}

/** How one callback of the ticket ended. */
export type CallbackResult =
  | { kind: 'answered'; attempt: number; verdict: 'satisfied' | 'unsatisfied'; score: number }
  | { kind: 'unreachable'; attempt: number };

export type LoopDecision =
  | { next: 'close'; reason: 'customer-satisfied' | 'customer-unreachable'; ticketId: string; attempts: number; summary: string }
  | { next: 'reopen'; ticketId: string; owner: string; attempt: number; reopenCount: number; summary: string }
  | { next: 'escalate-to-management'; reason: 'callback-attempts-exhausted'; ticketId: string; owner: string; attempts: number; summary: string }
  /** An outcome of an older callback arriving after a newer one went out: the newer one decides. */
  | { next: 'ignore'; reason: 'superseded'; ticketId: string; summary: string };

const ordinal = (n: number) => {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
};

/**
 * What follows a callback's outcome. An unsatisfied answer to callback `attempt` below the limit
 * makes the `attempt`-th reopening (each reopening brings exactly one new callback); at or past
 * the limit it escalates to management. The `summary` is the step's line in the ticket's timeline.
 */
export function decideAfterCallback(ticket: LoopTicket, result: CallbackResult, limit: CallbackAttemptLimit = new CallbackAttemptLimit()): LoopDecision {
  const { ticketId, owner } = ticket;
  const { attempt } = result;
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`a callback attempt is a whole number ≥ 1, got ${attempt}`);
  if (attempt < ticket.latestAttempt) {
    return { next: 'ignore', reason: 'superseded', ticketId, summary: `callback ${attempt} answered after callback ${ticket.latestAttempt} went out: callback ${ticket.latestAttempt} decides` };
  }
  if (result.kind === 'unreachable') {
    const after = attempt > 1 ? ` after ${attempt - 1} reopening${attempt > 2 ? 's' : ''}` : '';
    return { next: 'close', reason: 'customer-unreachable', ticketId, attempts: attempt, summary: `callback ${attempt}: customer unreachable${after}; closed unconfirmed` };
  }
  if (result.verdict === 'satisfied') {
    return { next: 'close', reason: 'customer-satisfied', ticketId, attempts: attempt, summary: `callback ${attempt}: customer satisfied (score ${result.score}); closed` };
  }
  const outcome = limit.afterUnsatisfied(attempt);
  if (outcome.next === 'reopen') {
    return {
      next: 'reopen',
      ticketId,
      owner,
      attempt,
      reopenCount: attempt,
      summary: `callback ${attempt}: customer unsatisfied (score ${result.score}); reopened for the ${ordinal(attempt)} time, still owned by ${owner}`,
    };
  }
  return {
    next: 'escalate-to-management',
    reason: 'callback-attempts-exhausted',
    ticketId,
    owner,
    attempts: outcome.attempts,
    summary: `callback ${attempt}: customer still unsatisfied (score ${result.score}) at the limit of ${limit.maxAttempts}; escalated to management`,
  };
}
