import { z } from 'zod';
import { rfc3339 } from '../../envelope';
import { id, regionCode, ticketId } from '../common';

export const TICKET_RESOLVED = 'ticket.resolved' as const;

export const ticketResolutions = [
  /** Answered at once with a known issue's explanation and archived without dispatch. */
  'answered-by-known-issue',
  /** A ticket held for an outage, closed when the known issue closed. */
  'known-issue-closed',
  /** A child of a mass-complaint incident, resolved with the incident. */
  'incident-resolved',
  /** Resolved by remote support before any dispatch. */
  'resolved-remotely',
  /** A back-office department (or the build-plan lists) gave a complaint its final reply (dispatch's `complaint.replied`, ADR 0030). */
  'replied-by-department',
] as const;

/**
 * Intake closed a ticket without a technician's completion (subject: ticketId). The SLA monitor
 * stops its clocks; dispatch withdraws anything still open for it; scoring counts it, and
 * `intercepted` ones in the interception rate (domain.md §2, §6).
 */
export const ticketResolvedSchema = z.strictObject({
  ticketId,
  region: regionCode,
  resolution: z.enum(ticketResolutions),
  /** What the customer was told (the known issue's explanation, the incident's reply, the agent's note). */
  reply: z.string().min(1).max(2000),
  /** The remote support agent's resolution code, for `resolved-remotely`. */
  code: id.optional(),
  knownIssueId: id.optional(),
  incidentId: id.optional(),
  /** True when the work never reached a technician: counted in the interception rate. */
  intercepted: z.boolean(),
  resolvedAt: rfc3339,
});

export type TicketResolved = z.infer<typeof ticketResolvedSchema>;
