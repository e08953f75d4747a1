import { z } from 'zod';
import { rfc3339 } from '../../envelope';

export const CALLBACK_RECORD_OUTCOME = 'callback.record-outcome' as const;

export const callbackOutcomes = ['answered', 'no-answer'] as const;

/**
 * Command (callback.commands.v1, subject: surveyId): the agent who claimed a phone callback records
 * how the call went — the customer's answers to the survey's questionnaire (question id → value), or
 * no answer (retried or closed unreachable by the callback policy).
 */
export const callbackRecordOutcomeSchema = z
  .strictObject({
    surveyId: z.uuid(),
    agent: z.string().min(1).max(200),
    outcome: z.enum(callbackOutcomes),
    answers: z.record(z.string().min(1).max(100), z.union([z.number(), z.string().max(10_000)])).optional(),
    comment: z.string().max(2000).optional(),
    at: rfc3339,
  })
  .refine((c) => (c.outcome === 'answered') === (c.answers !== undefined), { message: 'answers are given exactly when the outcome is answered', path: ['answers'] });

export type CallbackRecordOutcome = z.infer<typeof callbackRecordOutcomeSchema>;
