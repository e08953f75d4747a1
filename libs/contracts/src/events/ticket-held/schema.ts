import { z } from 'zod';
import { rfc3339 } from '../../envelope';
import { id, regionCode, ticketId } from '../common';

export const TICKET_HELD = 'ticket.held' as const;

export const holdReasons = [
  /** A repair covered by an active outage: held until the known issue closes; its clocks pause (it does not breach). */
  'known-issue',
  /** A complaint grouped under a mass-complaint incident: resolved with the incident; its clocks pause. */
  'incident',
  /** Waiting in the remote pre-handling queue until an agent resolves or releases it, or `holdUntil` passes; clocks keep running. */
  'remote-support',
] as const;

/**
 * Intake holds a ticket away from dispatch (subject: ticketId). Dispatch withdraws an open
 * assignment of it unless the technician is already on site; the SLA monitor pauses its clocks
 * for `known-issue` and `incident` holds (domain.md §2: such tickets do not breach).
 */
export const ticketHeldSchema = z.strictObject({
  ticketId,
  region: regionCode,
  reason: z.enum(holdReasons),
  knownIssueId: id.optional(),
  incidentId: id.optional(),
  /** When a remote pre-handling hold ends by itself and the ticket goes to dispatch. */
  holdUntil: rfc3339.optional(),
  heldAt: rfc3339,
});

export type TicketHeld = z.infer<typeof ticketHeldSchema>;
