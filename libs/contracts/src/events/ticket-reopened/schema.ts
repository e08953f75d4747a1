import { z } from 'zod';
import { rfc3339 } from '../../envelope';
import { ticketId } from '../common';
import { ticketAcceptedSchema } from '../ticket-accepted/schema';

export const TICKET_REOPENED = 'ticket.reopened' as const;

export const reopenReasons = ['customer-unsatisfied'] as const;
/** How urgently a reopened ticket is to be handled again; each reopening raises it. */
export const ticketPriorities = ['normal', 'high', 'urgent'] as const;

/**
 * Intake reopened a ticket after an unsatisfied callback: the same ticket, the same first-contact
 * owner (domain.md §1, §5), with what dispatch needs to place it again (subject: ticketId).
 */
export const ticketReopenedSchema = z.strictObject({
  ticketId,
  owner: ticketAcceptedSchema.shape.owner,
  region: z.string(),
  /** How often this ticket has been reopened, this time included (1 for the first reopening). */
  reopenCount: z.number().int().min(1),
  reason: z.enum(reopenReasons),
  /** The unsatisfied survey that reopened it. */
  surveyId: z.uuid(),
  kind: ticketAcceptedSchema.shape.kind,
  service: ticketAcceptedSchema.shape.service,
  customerTier: ticketAcceptedSchema.shape.customerTier,
  contact: ticketAcceptedSchema.shape.contact,
  location: ticketAcceptedSchema.shape.location,
  priority: z.enum(ticketPriorities),
  reopenedAt: rfc3339,
});

export type TicketReopened = z.infer<typeof ticketReopenedSchema>;
