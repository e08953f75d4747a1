import { z } from 'zod';
import { rfc3339 } from '../../envelope';
import { ticketId } from '../common';
import { ticketAcceptedSchema } from '../ticket-accepted/schema';

export const TICKET_REPEAT_FAULT_DETECTED = 'ticket.repeat-fault-detected' as const;

/**
 * Intake found a repeat fault ("重复障碍", domain.md §2): the same customer line and service
 * reported a repair again within the repeat window after an earlier repair of theirs was
 * completed. Emitted right after the new ticket's `ticket.accepted` (subject: ticketId).
 */
export const ticketRepeatFaultDetectedSchema = z.strictObject({
  /** The new ticket: the repeat. */
  ticketId,
  /** The earlier ticket whose completed repair the customer reports again. */
  previousTicketId: ticketId,
  customerTier: ticketAcceptedSchema.shape.customerTier,
  service: ticketAcceptedSchema.shape.service,
  region: z.string(),
  /** Whole days from the earlier ticket's completion to the new ticket's acceptance. */
  daysSinceCompletion: z.number().int().min(0),
  detectedAt: rfc3339,
});

export type TicketRepeatFaultDetected = z.infer<typeof ticketRepeatFaultDetectedSchema>;
