import { z } from 'zod';
import { rfc3339 } from '../../envelope';

export const SURVEY_ANSWER = 'survey.answer' as const;

/** Command (callback.commands.v1): the answers of the customer to a survey (subject: surveyId). */
export const surveyAnswerSchema = z.strictObject({
  surveyId: z.uuid(),
  /** The four telecom callback questions (domain.md §5), 1 (very unsatisfied) to 5 (very satisfied). */
  answers: z.strictObject({
    contactTimeliness: z.number().int().min(1).max(5),
    appointmentKeeping: z.number().int().min(1).max(5),
    technicalLevel: z.number().int().min(1).max(5),
    serviceAttitude: z.number().int().min(1).max(5),
  }),
  comment: z.string().max(2000).optional(),
  at: rfc3339,
});

export type SurveyAnswer = z.infer<typeof surveyAnswerSchema>;
