import { z } from 'zod';

export const TICKET_REJECTED = 'ticket.rejected' as const;

/** One reason per offending field: `path` is the JSON path inside the event's data. */
export const validationReasonSchema = z.strictObject({
  path: z.string(),
  code: z.string(),
  message: z.string(),
});

/** Emitted by intake on `tickets.lifecycle.v1` when a Kafka ingress event cannot be accepted. */
export const ticketRejectedSchema = z.strictObject({
  source: z.string().max(200),
  externalId: z.string().max(200).optional(),
  inboundEventId: z.string().max(200).optional(),
  /** When the region could be read from the rejected data, for per-region counts. */
  region: z.string().max(64).optional(),
  reasons: z.array(validationReasonSchema).min(1),
});

export type ValidationReason = z.infer<typeof validationReasonSchema>;
export type TicketRejected = z.infer<typeof ticketRejectedSchema>;
