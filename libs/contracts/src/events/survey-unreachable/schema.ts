import { z } from 'zod';
import { rfc3339 } from '../../envelope';
import { regionCode, ticketId } from '../common';

export const SURVEY_UNREACHABLE = 'survey.unreachable' as const;

export const unreachableReasons = [
  /** The callback's validity window (CALLBACK_VALIDITY_MS, 7 days) ended without an answer. */
  'validity-window-elapsed',
  /** Every attempt the policy allows went unanswered. */
  'attempt-limit-reached',
] as const;

/**
 * A resolution's callback closed without an answer (domain.md §5, issue 7: "validity window after
 * which it is closed as unreachable"; subject: ticketId). It counts as a callback done for the
 * callback ratio and against reachability; the unsatisfied loop ends here, unconfirmed.
 */
export const surveyUnreachableSchema = z.strictObject({
  surveyId: z.uuid(),
  ticketId,
  region: regionCode,
  /** Attempts made (an SMS sent counts as one; 0 when the customer's contact never became known). */
  attempts: z.number().int().min(0),
  reason: z.enum(unreachableReasons),
  closedAt: rfc3339,
});

export type SurveyUnreachable = z.infer<typeof surveyUnreachableSchema>;
