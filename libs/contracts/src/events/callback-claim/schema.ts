import { z } from 'zod';
import { rfc3339 } from '../../envelope';

export const CALLBACK_CLAIM = 'callback.claim' as const;

/** Command (callback.commands.v1, subject: surveyId): a callback agent takes a due phone callback. */
export const callbackClaimSchema = z.strictObject({
  surveyId: z.uuid(),
  /** Who calls (the API caller). */
  agent: z.string().min(1).max(200),
  at: rfc3339,
});

export type CallbackClaim = z.infer<typeof callbackClaimSchema>;
