import { z } from 'zod';
import { rfc3339 } from '../../envelope';
import { id, regionCode, ticketId } from '../common';

export const TICKET_UNASSIGNABLE = 'ticket.unassignable' as const;

/** Dispatch found no technician; the ticket waits for one (subject: ticketId). */
export const ticketUnassignableSchema = z.strictObject({ ticketId, region: regionCode, zone: id, reason: z.string(), at: rfc3339 });

export type TicketUnassignable = z.infer<typeof ticketUnassignableSchema>;
