import { z } from 'zod';
import { rfc3339 } from '../../envelope';
import { id, regionCode, ticketId } from '../common';

export const TICKET_ANSWERED_BY_KNOWN_ISSUE = 'ticket.answered-by-known-issue' as const;

export const knownIssueKinds = ['outage', 'planned-maintenance', 'weak-coverage-planned', 'weak-coverage-unplanned'] as const;

/**
 * A ticket whose service and location fall inside an active known issue was answered at once with
 * the prepared explanation (domain.md §2 "一次性答复"; subject: ticketId). `outcome` says what
 * follows: `archived` (followed by `ticket.resolved`) or `held-until-fixed` (a repair during an
 * outage: followed by `ticket.held`, closed when the issue closes).
 */
export const ticketAnsweredByKnownIssueSchema = z.strictObject({
  ticketId,
  region: regionCode,
  knownIssueId: id,
  knownIssueKind: z.enum(knownIssueKinds),
  explanation: z.string().min(1).max(2000),
  expectedFixAt: rfc3339.optional(),
  outcome: z.enum(['archived', 'held-until-fixed']),
  /** True when the ticket was already open and the known issue's opening swept it. */
  swept: z.boolean(),
  answeredAt: rfc3339,
});

export type TicketAnsweredByKnownIssue = z.infer<typeof ticketAnsweredByKnownIssueSchema>;
