import { z } from 'zod';
import { rfc3339 } from '../../envelope';

export const TICKET_RECEIVED = 'ticket.received' as const;

export const channels = ['phone', 'email', 'web', 'sms', 'letter', 'inspection', 'revisit'] as const;
export const ticketKinds = ['install', 'move', 'repair', 'complaint'] as const;
export const services = ['broadband', 'fixed', 'mobile', 'iptv'] as const;
export const customerTiers = ['vip', 'standard'] as const;

const code = z.string().min(1).max(64).regex(/^[A-Za-z0-9._:/-]+$/, 'letters, digits and . _ : / - only');

/** The body of `POST /v1/tickets` and the `data` of `ticket.received` on `tickets.inbound.v1`. */
export const ticketReceivedSchema = z.strictObject({
  externalId: code,
  channel: z.enum(channels),
  kind: z.enum(ticketKinds),
  service: z.enum(services),
  customer: z.strictObject({
    id: code,
    name: z.string().min(1).max(200),
    phone: z.string().regex(/^\+?[0-9][0-9 -]{4,24}$/, 'a phone number: digits, spaces or dashes, optional leading +'),
    tier: z.enum(customerTiers),
  }),
  location: z.strictObject({
    region: code,
    county: code,
    zone: code,
    cellId: code.optional(),
    lat: z.number().min(-90).max(90).optional(),
    lon: z.number().min(-180).max(180).optional(),
  }),
  summary: z.string().min(1).max(4000),
  complaintCategory: z.string().min(1).max(100).optional(),
  reportedAt: rfc3339,
  receivedBy: z.string().min(1).max(200).optional(),
});

export type TicketReceived = z.infer<typeof ticketReceivedSchema>;
