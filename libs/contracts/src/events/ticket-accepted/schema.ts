import { z } from 'zod';
import { rfc3339 } from '../../envelope';
import { channels, customerTiers, services, ticketKinds } from '../ticket-received/schema';

export const TICKET_ACCEPTED = 'ticket.accepted' as const;

/**
 * Emitted by intake on `tickets.lifecycle.v1` once a ticket is persisted. Carries what the
 * downstream services need to act. The ticket id is derived from (source, externalId), so a
 * resubmission maps to the same ticket everywhere.
 */
export const ticketAcceptedSchema = z.strictObject({
  ticketId: z.uuid(),
  source: z.string().min(1).max(200),
  externalId: z.string().min(1).max(64),
  channel: z.enum(channels),
  kind: z.enum(ticketKinds),
  service: z.enum(services),
  customerId: z.string().min(1).max(64),
  customerTier: z.enum(customerTiers),
  /** For the customer notices of dispatch and callback; scoring never stores it. */
  contact: z.strictObject({ name: z.string(), phone: z.string() }),
  location: z.strictObject({
    region: z.string(),
    county: z.string(),
    zone: z.string(),
    cellId: z.string().optional(),
    lat: z.number().optional(),
    lon: z.number().optional(),
  }),
  complaintCategory: z.string().optional(),
  reportedAt: rfc3339,
  acceptedAt: rfc3339,
  owner: z.string().min(1).max(200),
});

export type TicketAccepted = z.infer<typeof ticketAcceptedSchema>;
