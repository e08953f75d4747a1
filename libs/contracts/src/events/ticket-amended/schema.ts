import { z } from 'zod';
import { rfc3339 } from '../../envelope';
import { regionCode, ticketId } from '../common';

export const TICKET_AMENDED = 'ticket.amended' as const;

/**
 * Intake applied a caller's `ticket.updated` to a ticket (subject: ticketId): only the fields that
 * changed (for each field the latest `updatedAt` wins) and the note, if any. `parked` says the
 * update arrived before its ticket and waited for it.
 */
export const ticketAmendedSchema = z.strictObject({
  ticketId,
  region: regionCode,
  changes: z.strictObject({
    summary: z.string().min(1).max(4000).optional(),
    customer: z.strictObject({ name: z.string().min(1).max(200).optional(), phone: z.string().min(1).max(64).optional() }).optional(),
  }),
  note: z.string().min(1).max(2000).optional(),
  updatedBy: z.string().min(1).max(200).optional(),
  /** The caller's time of the change. */
  updatedAt: rfc3339,
  parked: z.boolean(),
  amendedAt: rfc3339,
});

export type TicketAmended = z.infer<typeof ticketAmendedSchema>;
