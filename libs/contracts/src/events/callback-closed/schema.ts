import { z } from 'zod';
import { rfc3339 } from '../../envelope';
import { regionCode, ticketId } from '../common';
import { ticketResolutions } from '../ticket-resolved/schema';

export const CALLBACK_CLOSED = 'callback.closed' as const;

/**
 * The fact scoring aggregates into the callback figures (issue 7 "Figures for scoring", domain.md
 * §5–6; subject: ticketId): one per resolution's callback when it ends — answered (with the score,
 * grade and each question's share of its points) or unreachable. Callback ratio = callbacks closed /
 * resolutions (target 100 %, 000); reachability = answered / closed; satisfaction overall and per
 * question; reopenings and escalations from `followUp`. No customer name or phone.
 */
export const callbackClosedSchema = z.strictObject({
  surveyId: z.uuid(),
  ticketId,
  region: regionCode,
  /** The ticket's callback number: 1 for the first resolution, n + 1 after the n-th reopening. */
  attempt: z.number().int().min(1),
  /** What was resolved: a technician's completion, or intake's resolution. */
  resolution: z.enum(['completed', ...ticketResolutions]),
  resolvedAt: rfc3339,
  closedAt: rfc3339,
  channel: z.enum(['phone', 'sms', 'email']),
  /** Calls made or surveys sent (0: the customer's contact never became known). */
  attemptsMade: z.number().int().min(0),
  status: z.enum(['answered', 'unreachable']),
  questionnaire: z.string(),
  score: z.number().min(0).max(100).optional(),
  grade: z.enum(['excellent', 'qualified', 'unqualified']).optional(),
  verdict: z.enum(['satisfied', 'unsatisfied']).optional(),
  /** Each scored question's share of its points, 0–100 (empty when unreachable). */
  perQuestion: z.array(z.strictObject({ questionId: z.string(), percent: z.number().min(0).max(100) })),
  /** What the unsatisfied loop made of an answer. */
  followUp: z.enum(['closed', 'reopened', 'escalated']).optional(),
});

export type CallbackClosed = z.infer<typeof callbackClosedSchema>;
