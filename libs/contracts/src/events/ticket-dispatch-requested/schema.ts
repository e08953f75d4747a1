import { z } from 'zod';
import { rfc3339 } from '../../envelope';
import { regionCode, ticketId } from '../common';
import { ticketClasses } from '../ticket-triaged/schema';

export const TICKET_DISPATCH_REQUESTED = 'ticket.dispatch-requested' as const;

/** Why intake hands a ticket to dispatch now. */
export const dispatchRequestReasons = [
  /** A new ticket that nothing intercepted (no known issue, no incident, no remote hold). */
  'accepted',
  /** A remote support agent released it from the remote pre-handling queue. */
  'released-by-remote-support',
  /** Its remote pre-handling hold ran out without a remote resolution. */
  'remote-hold-expired',
] as const;

/**
 * Intake hands a ticket to dispatch (subject: ticketId). Dispatch keeps every accepted ticket but
 * places only those intake asks it to: a ticket answered by a known issue, grouped under an
 * incident or waiting in remote pre-handling is never sent to a technician. Carries the ticket's
 * sorting so dispatch can order its waiting queue.
 */
export const ticketDispatchRequestedSchema = z.strictObject({
  ticketId,
  region: regionCode,
  class: z.enum(ticketClasses),
  priority: z.number().int().min(0).max(100),
  reason: z.enum(dispatchRequestReasons),
  requestedAt: rfc3339,
});

export type TicketDispatchRequested = z.infer<typeof ticketDispatchRequestedSchema>;
