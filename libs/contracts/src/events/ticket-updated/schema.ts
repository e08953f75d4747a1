import { z } from 'zod';
import { rfc3339 } from '../../envelope';

export const TICKET_UPDATED = 'ticket.updated' as const;

const code = z.string().min(1).max(64).regex(/^[A-Za-z0-9._:/-]+$/, 'letters, digits and . _ : / - only');

/**
 * Ingress (tickets.inbound.v1, keyed by externalId like `ticket.received`): a call-centre system
 * amends a ticket it raised. Each field is optional, at least one of them is given. An update that
 * arrives before its `ticket.received` is parked by intake and applied when the ticket arrives
 * (`ticket.amended`); one never matched in time is rejected (`ticket.rejected`, ORPHAN_UPDATE).
 * (source, externalId, updatedAt) identifies an update: the same again changes nothing.
 */
export const ticketUpdatedSchema = z
  .strictObject({
    externalId: code,
    /** When the caller made the change; for each field the latest change wins. */
    updatedAt: rfc3339,
    summary: z.string().min(1).max(4000).optional(),
    customer: z
      .strictObject({
        name: z.string().min(1).max(200).optional(),
        phone: z.string().regex(/^\+?[0-9][0-9 -]{4,24}$/, 'a phone number: digits, spaces or dashes, optional leading +').optional(),
      })
      .optional(),
    /** A note added to the ticket (notes accumulate; they do not replace each other). */
    note: z.string().min(1).max(2000).optional(),
    updatedBy: z.string().min(1).max(200).optional(),
  })
  .refine((u) => u.summary !== undefined || u.note !== undefined || u.customer?.name !== undefined || u.customer?.phone !== undefined, {
    message: 'an update changes at least one of summary, customer.name, customer.phone or note',
    path: ['summary'],
  });

export type TicketUpdated = z.infer<typeof ticketUpdatedSchema>;
