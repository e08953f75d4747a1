import { z } from 'zod';
import { rfc3339 } from '../../envelope';
import { regionCode, ticketId } from '../common';

export const CALLBACK_QUEUED = 'callback.queued' as const;

/**
 * A phone callback attempt is due in the callback agents' work queue (issue 7; subject: ticketId):
 * the first attempt after a resolution, or a retry after the customer did not answer. `dueAt` lies
 * outside the customer's quiet hours; no attempt is made at or after `closesAt`.
 */
export const callbackQueuedSchema = z.strictObject({
  surveyId: z.uuid(),
  ticketId,
  region: regionCode,
  questionnaire: z.string(),
  /** The attempt's number for this callback (1 first, 2 after one no-answer, …). */
  attempt: z.number().int().min(1),
  dueAt: rfc3339,
  closesAt: rfc3339,
  /** Whether the customer's quiet hours moved the attempt to the night's end. */
  deferredForQuietHours: z.boolean(),
});

export type CallbackQueued = z.infer<typeof callbackQueuedSchema>;
