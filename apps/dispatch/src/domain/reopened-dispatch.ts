import type { ticketPriorities } from '@switchboard/contracts';

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

/** Waiting tickets in the order they are to be placed: the higher priority first, then the order given (oldest first). */
export function byDispatchPriority<T extends { reopen?: Reopening | undefined }>(tickets: readonly T[]): T[] {
  const rank = (t: T) => PRIORITY_RANK[t.reopen?.priority ?? 'normal'];
  return tickets
    .map((t, i) => ({ t, i }))
    .sort((a, b) => rank(a.t) - rank(b.t) || a.i - b.i)
    .map(({ t }) => t);
}
