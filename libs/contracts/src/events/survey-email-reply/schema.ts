import { z } from 'zod';
import { rfc3339 } from '../../envelope';

export const SURVEY_EMAIL_REPLY = 'survey.email-reply' as const;

/**
 * Command (callback.commands.v1; subject: the mail provider's messageId): a customer's reply to an
 * email survey, as the mail provider delivered it to `POST /v1/webhooks/email/inbound`. Like an
 * SMS reply, it is matched to the newest email survey waiting for an answer from that address and
 * read as one digit per question in the questionnaire's order (the first line of the reply holding
 * digits, so a quoted invitation below it does not count). The event id follows from the
 * messageId, so a webhook delivered twice is one command.
 */
export const surveyEmailReplySchema = z.strictObject({
  /** The provider's id of the inbound message. */
  messageId: z.string().min(1).max(200),
  /** The sender's address. */
  from: z.email().max(254),
  subject: z.string().max(500).optional(),
  /** The plain-text body, as received. */
  text: z.string().max(20_000),
  receivedAt: rfc3339,
});

export type SurveyEmailReply = z.infer<typeof surveyEmailReplySchema>;
