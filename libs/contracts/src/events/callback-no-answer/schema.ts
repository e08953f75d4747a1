import { z } from 'zod';
import { rfc3339 } from '../../envelope';
import { regionCode, ticketId } from '../common';

export const CALLBACK_NO_ANSWER = 'callback.no-answer' as const;

/**
 * The customer did not answer a phone callback attempt (subject: ticketId). What follows, by the
 * callback policy: another attempt (`callback.queued`, retry spacing, out of quiet hours) or the
 * callback closes unreachable (`survey.unreachable`) — at the attempt limit or the validity window's end.
 */
export const callbackNoAnswerSchema = z.strictObject({
  surveyId: z.uuid(),
  ticketId,
  region: regionCode,
  agent: z.string().min(1).max(200),
  attempt: z.number().int().min(1),
  at: rfc3339,
  next: z.enum(['retry', 'close-unreachable']),
});

export type CallbackNoAnswer = z.infer<typeof callbackNoAnswerSchema>;
