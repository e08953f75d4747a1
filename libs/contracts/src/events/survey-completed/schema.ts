import { z } from 'zod';
import { rfc3339 } from '../../envelope';
import { regionCode, ticketId } from '../common';
import { surveyAnswerSchema } from '../survey-answer/schema';

export const SURVEY_COMPLETED = 'survey.completed' as const;

/** The customer answered; the verdict follows the scoring of the questionnaire (subject: ticketId). */
export const surveyCompletedSchema = z.strictObject({
  surveyId: z.uuid(),
  ticketId,
  region: regionCode,
  answers: surveyAnswerSchema.shape.answers,
  score: z.number().min(0).max(100),
  verdict: z.enum(['satisfied', 'unsatisfied']),
  completedAt: rfc3339,
});

export type SurveyCompleted = z.infer<typeof surveyCompletedSchema>;
