import { z } from 'zod';
import { rfc3339 } from '../../envelope';

export const SURVEY_SUBMIT_ANSWERS = 'survey.submit-answers' as const;

/**
 * Command (callback.commands.v1; subject: surveyId): a customer's answers to a survey, for any
 * questionnaire — the version of `survey.answer` that ADR 0018 foresaw. `answers` maps a question
 * id of the questionnaire to the value the customer gave (an option's value, or text for a
 * suggestion); callback checks them against the questionnaire the survey was sent with (its key,
 * `telecom-4q.v1`, as `survey.scheduled.questionnaire` named it), and answers it cannot score go to
 * `callback.commands.v1.dlq` with a `SURVEY_ANSWER.*` reason per field.
 */
export const surveySubmitAnswersSchema = z.strictObject({
  surveyId: z.uuid(),
  /** The questionnaire key the customer answered; must be the survey's. */
  questionnaire: z.string().min(1).max(100),
  answers: z.record(z.string().min(1).max(100), z.union([z.number(), z.string().max(10_000)])).refine((a) => Object.keys(a).length <= 100, 'at most 100 answers'),
  comment: z.string().max(2000).optional(),
  at: rfc3339,
});

export type SurveySubmitAnswers = z.infer<typeof surveySubmitAnswersSchema>;
