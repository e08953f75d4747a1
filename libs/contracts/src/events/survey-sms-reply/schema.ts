import { z } from 'zod';
import { rfc3339 } from '../../envelope';

export const SURVEY_SMS_REPLY = 'survey.sms-reply' as const;

/**
 * Command (callback.commands.v1; subject: the provider's messageId): a text message a customer
 * sent back, as the SMS provider delivered it to `POST /v1/webhooks/sms/inbound` (issue 7). The
 * callback service matches it to the newest survey waiting for an answer from that number and
 * reads the reply as one digit per question, in the questionnaire's order ("5455"; spaces,
 * commas and dashes between digits are allowed). The event id follows from the provider's
 * messageId, so a webhook delivered twice is one command.
 */
export const surveySmsReplySchema = z.strictObject({
  /** The provider's id of the inbound message. */
  messageId: z.string().min(1).max(200),
  /** The sender's number as the provider gives it (`+86 571 5550 1234`, `8657155501234`). */
  from: z.string().regex(/^\+?[0-9][0-9 ()-]{2,38}$/, 'a phone number: digits, spaces, dashes, brackets, an optional leading +'),
  /** The message text, as typed. */
  text: z.string().max(1000),
  receivedAt: rfc3339,
});

export type SurveySmsReply = z.infer<typeof surveySmsReplySchema>;
