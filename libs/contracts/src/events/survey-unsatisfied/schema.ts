import { z } from 'zod';
import { rfc3339 } from '../../envelope';
import { regionCode, ticketId } from '../common';

export const SURVEY_UNSATISFIED = 'survey.unsatisfied' as const;

/**
 * The customer was not satisfied with a fix and the callback attempts are not used up: the ticket
 * is to be handled again (domain.md §5, "unsatisfied → escalate"; subject: ticketId). `attempt` is
 * the number of the survey that was answered (1 for the first resolution).
 */
export const surveyUnsatisfiedSchema = z.strictObject({
  surveyId: z.uuid(),
  ticketId,
  region: regionCode,
  attempt: z.number().int().min(1),
  score: z.number().min(0).max(100),
  at: rfc3339,
});

export type SurveyUnsatisfied = z.infer<typeof surveyUnsatisfiedSchema>;
