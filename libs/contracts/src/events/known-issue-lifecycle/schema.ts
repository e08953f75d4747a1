import { z } from 'zod';
import { rfc3339 } from '../../envelope';
import { id, regionCode } from '../common';
import { knownIssueFields } from '../known-issue-command/schema';

export const KNOWN_ISSUE_OPENED = 'known-issue.opened' as const;
export const KNOWN_ISSUE_CLOSED = 'known-issue.closed' as const;

/**
 * Intake registered a known issue (tickets.lifecycle.v1, subject: knownIssueId) and swept the
 * tickets already open inside it: `ticketsSwept` of them were answered with its explanation.
 */
export const knownIssueOpenedSchema = z.strictObject({
  knownIssueId: id,
  region: regionCode,
  ...knownIssueFields,
  openedBy: z.string().min(1).max(200),
  ticketsSwept: z.number().int().min(0),
  openedAt: rfc3339,
});

export type KnownIssueOpened = z.infer<typeof knownIssueOpenedSchema>;

/**
 * Intake closed a known issue (subject: knownIssueId): it answers no more tickets, and the
 * `ticketsClosed` tickets held until the fix were resolved and their customers notified again.
 */
export const knownIssueClosedSchema = z.strictObject({
  knownIssueId: id,
  region: regionCode,
  note: z.string().min(1).max(2000).optional(),
  closedBy: z.string().min(1).max(200),
  ticketsClosed: z.number().int().min(0),
  closedAt: rfc3339,
});

export type KnownIssueClosed = z.infer<typeof knownIssueClosedSchema>;
