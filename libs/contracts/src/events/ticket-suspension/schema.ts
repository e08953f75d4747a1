import { z } from 'zod';
import { rfc3339 } from '../../envelope';
import { id, regionCode, ticketId } from '../common';

export const TICKET_SUSPENDED = 'ticket.suspended' as const;
export const TICKET_SUSPENSION_ENDED = 'ticket.suspension-ended' as const;

/** Why field work on a ticket stops for a while (domain.md §3: only an approved suspension pauses SLA clocks). */
export const suspensionReasons = ['customer-absent', 'waiting-for-construction', 'waiting-for-parts', 'customer-request', 'other'] as const;

/**
 * A supervisor approved a suspension of a ticket's field work (subject: ticketId). The SLA monitor
 * pauses the ticket's resolution clocks from `at` until `ticket.suspension-ended`; first response is
 * never paused. Only an approved suspension is published — a request waiting for approval is not.
 */
export const ticketSuspendedSchema = z.strictObject({
  ticketId,
  /** The approval that allowed it (`/v1/approvals`). */
  approvalId: z.uuid(),
  region: regionCode,
  reason: z.enum(suspensionReasons),
  /** Free text from the requester, as given. */
  note: z.string().max(500).optional(),
  /** Who asked (technician id or `customer`) and which supervisor approved. */
  requestedBy: id,
  approvedBy: id,
  /** When the pause starts (the approval instant). */
  at: rfc3339,
  /** When the requester expects work to resume; informative — the pause ends only on `ticket.suspension-ended`. */
  expectedEndAt: rfc3339.optional(),
});

/** The suspension of a ticket ended (subject: ticketId): work resumes and paused clocks run again from `at`. */
export const ticketSuspensionEndedSchema = z.strictObject({
  ticketId,
  approvalId: z.uuid(),
  region: regionCode,
  /** Who ended it: a supervisor's id, the technician's, or `system` when the ticket was resolved while suspended. */
  endedBy: id,
  at: rfc3339,
});

export type TicketSuspended = z.infer<typeof ticketSuspendedSchema>;
export type TicketSuspensionEnded = z.infer<typeof ticketSuspensionEndedSchema>;
