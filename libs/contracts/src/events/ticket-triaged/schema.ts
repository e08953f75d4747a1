import { z } from 'zod';
import { ticketId } from '../common';

export const TICKET_TRIAGED = 'ticket.triaged' as const;

/** Sorting (domain.md §2): a general ticket, or an important one that is handled first. */
export const ticketClasses = ['general', 'important'] as const;

/**
 * Intake sorted a new ticket (domain.md §2 "general vs important", §3 VIP first): its class and
 * a priority from 0 (lowest) to 100, with one short reason per factor that made it (subject:
 * ticketId). Emitted with `ticket.accepted`, in the same transaction.
 */
export const ticketTriagedSchema = z.strictObject({
  ticketId,
  class: z.enum(ticketClasses),
  priority: z.number().int().min(0).max(100),
  /** One short line per factor (tier, kind, service, repeat fault, age), e.g. `tier vip +40`. */
  reasons: z.array(z.string().min(1).max(200)).min(1),
  region: z.string(),
});

export type TicketTriaged = z.infer<typeof ticketTriagedSchema>;
