import type { ticketPriorities } from '@switchboard/contracts';

export type TicketPriority = (typeof ticketPriorities)[number];

export interface ReopenableTicket {
  state: 'accepted' | 'reopened';
  /** Reopenings so far. */
  reopenCount: number;
}

export type ReopenDecision = { reopen: true; reopenCount: number; priority: TicketPriority } | { reopen: false; why: 'already-reopened-for-this-survey' };

/**
 * An unsatisfied callback reopens the ticket (domain.md §5, "不满意工单升级处理"): the same ticket
 * with the same first-contact owner (§1), handled again with a raised priority — high after the
 * first reopening, urgent after any further one. The `attempt`-th unsatisfied survey makes the
 * `attempt`-th reopening, so a survey that was already acted on reopens nothing again.
 */
export function reopenAfterUnsatisfiedSurvey(ticket: ReopenableTicket, attempt: number): ReopenDecision {
  if (ticket.reopenCount >= attempt) return { reopen: false, why: 'already-reopened-for-this-survey' };
  const reopenCount = ticket.reopenCount + 1;
  return { reopen: true, reopenCount, priority: priorityAfterReopening(reopenCount) };
}

export function priorityAfterReopening(reopenCount: number): TicketPriority {
  if (reopenCount <= 0) return 'normal';
  return reopenCount === 1 ? 'high' : 'urgent';
}
