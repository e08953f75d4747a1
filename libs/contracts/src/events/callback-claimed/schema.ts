import { z } from 'zod';
import { rfc3339 } from '../../envelope';
import { regionCode, ticketId } from '../common';

export const CALLBACK_CLAIMED = 'callback.claimed' as const;

/** A callback agent took a due phone callback from the queue; nobody else calls (subject: ticketId). */
export const callbackClaimedSchema = z.strictObject({
  surveyId: z.uuid(),
  ticketId,
  region: regionCode,
  agent: z.string().min(1).max(200),
  attempt: z.number().int().min(1),
  claimedAt: rfc3339,
});

export type CallbackClaimed = z.infer<typeof callbackClaimedSchema>;
