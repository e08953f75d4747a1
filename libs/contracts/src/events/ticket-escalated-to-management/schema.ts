import { z } from 'zod';
import { rfc3339 } from '../../envelope';
import { regionCode, ticketId } from '../common';

export const TICKET_ESCALATED_TO_MANAGEMENT = 'ticket.escalated-to-management' as const;

export const managementEscalationReasons = ['callback-attempts-exhausted'] as const;

/**
 * The customer is still unsatisfied after the last callback attempt allowed (CALLBACK_MAX_ATTEMPTS):
 * the loop of reopening ends and management takes the ticket over (domain.md §5; subject: ticketId).
 */
export const ticketEscalatedToManagementSchema = z.strictObject({
  ticketId,
  region: regionCode,
  /** Callback surveys answered unsatisfied, this one included. */
  attempts: z.number().int().min(1),
  reason: z.enum(managementEscalationReasons),
  /** The survey whose answer ended the loop. */
  surveyId: z.uuid(),
  score: z.number().min(0).max(100),
  at: rfc3339,
});

export type TicketEscalatedToManagement = z.infer<typeof ticketEscalatedToManagementSchema>;
