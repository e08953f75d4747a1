import { z } from 'zod';
import { rfc3339 } from '../../envelope';
import { notificationChannels, regionCode, ticketId } from '../common';

export const SURVEY_SCHEDULED = 'survey.scheduled' as const;

/** Callback scheduled a survey after completion (subject: ticketId). */
export const surveyScheduledSchema = z.strictObject({ surveyId: z.uuid(), ticketId, region: regionCode, dueAt: rfc3339, channel: z.enum(notificationChannels), questionnaire: z.string() });

export type SurveyScheduled = z.infer<typeof surveyScheduledSchema>;
