import type { ticketPriorities } from '@switchboard/contracts';
import type { DispatchRequest } from './dispatch-interception';

export type TicketPriority = (typeof ticketPriorities)[number];

/** A ticket reopened after an unsatisfied callback: how often, and how urgent it now is (domain.md §5). */
export interface Reopening {
  count: number;
  priority: TicketPriority;
}

const PRIORITY_RANK: Record<TicketPriority, number> = { urgent: 0, high: 1, normal: 2 };

/**
 * A reopened ticket is dispatched as a new one, by the same rules, but "with raised priority"
 * (domain.md §5): the decision says so, and among waiting tickets it goes first.
 */
export function explainRedispatch(explanation: string, reopening: Reopening | undefined): string {
  if (!reopening) return explanation;
  const times = reopening.count === 1 ? 'once' : `${reopening.count} times`;
  return `reopened ${times} after an unsatisfied callback, priority ${reopening.priority} — ${explanation}`;
}

/**
 * Waiting tickets in the order they are to be placed: a reopened one first, the more urgent
 * first; then intake's sorting (issue 4) — `important` before `general`, the higher priority
 * (0–100) first; then the order given (oldest first).
 */
export function byDispatchPriority<T extends { reopen?: Reopening | undefined; request?: DispatchRequest | undefined }>(tickets: readonly T[]): T[] {
  const rank = (t: T) => PRIORITY_RANK[t.reopen?.priority ?? 'normal'];
  const classRank = (t: T) => (t.request?.class === 'important' ? 0 : 1);
  const priority = (t: T) => t.request?.priority ?? 0;
  return tickets
    .map((t, i) => ({ t, i }))
    .sort((a, b) => rank(a.t) - rank(b.t) || classRank(a.t) - classRank(b.t) || priority(b.t) - priority(a.t) || a.i - b.i)
    .map(({ t }) => t);
}
