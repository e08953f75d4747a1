import type { Provider } from '@nestjs/common';
import { z } from 'zod';
import { parseEnv } from '@switchboard/platform';
import { CallbackAttemptLimit, DEFAULT_CALLBACK_MAX_ATTEMPTS } from './domain/callback-attempts';
import { DEFAULT_SURVEY_SCORING, SurveyScoring } from './domain/survey-scoring';

const weight = (defaultValue: number) => z.coerce.number().min(0).default(defaultValue);
const w = DEFAULT_SURVEY_SCORING.weights;

/** The callback service's own settings; the business defaults come from domain.md §5–6. */
export const callbackEnvSchema = z.object({
  /** Delay between completion and the survey going out (issue 3: 1 hour). */
  CALLBACK_DELAY_MS: z.coerce.number().int().min(0).default(3_600_000),
  /** How often due surveys are looked for. */
  CALLBACK_POLL_MS: z.coerce.number().int().min(10).default(500),
  CALLBACK_SEND_BATCH: z.coerce.number().int().min(1).max(10_000).default(100),
  /**
   * Business rule (domain.md §5, the unsatisfied loop): how many callback surveys of one ticket may
   * be answered unsatisfied. Below it an unsatisfied answer reopens the ticket; the survey that
   * reaches it escalates the ticket to management instead (default 3).
   */
  CALLBACK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(DEFAULT_CALLBACK_MAX_ATTEMPTS),
  SURVEY_WEIGHT_CONTACT_TIMELINESS: weight(w.contactTimeliness),
  SURVEY_WEIGHT_APPOINTMENT_KEEPING: weight(w.appointmentKeeping),
  SURVEY_WEIGHT_TECHNICAL_LEVEL: weight(w.technicalLevel),
  SURVEY_WEIGHT_SERVICE_ATTITUDE: weight(w.serviceAttitude),
  SURVEY_SATISFIED_MIN_SCORE: z.coerce.number().min(0).max(100).default(DEFAULT_SURVEY_SCORING.satisfiedMinScore),
  SURVEY_SATISFIED_MIN_ANSWER_PERCENT: z.coerce.number().min(0).max(100).default(DEFAULT_SURVEY_SCORING.satisfiedMinAnswerPercent),
});

export interface CallbackConfig {
  delayMs: number;
  pollMs: number;
  sendBatch: number;
  scoring: SurveyScoring;
  attemptLimit: CallbackAttemptLimit;
}

export const CALLBACK_CONFIG = Symbol('CALLBACK_CONFIG');

export function loadCallbackConfig(env: Record<string, string | undefined>): CallbackConfig {
  const e = parseEnv(callbackEnvSchema, env);
  return {
    delayMs: e.CALLBACK_DELAY_MS,
    pollMs: e.CALLBACK_POLL_MS,
    sendBatch: e.CALLBACK_SEND_BATCH,
    attemptLimit: new CallbackAttemptLimit(e.CALLBACK_MAX_ATTEMPTS),
    scoring: new SurveyScoring({
      weights: {
        contactTimeliness: e.SURVEY_WEIGHT_CONTACT_TIMELINESS,
        appointmentKeeping: e.SURVEY_WEIGHT_APPOINTMENT_KEEPING,
        technicalLevel: e.SURVEY_WEIGHT_TECHNICAL_LEVEL,
        serviceAttitude: e.SURVEY_WEIGHT_SERVICE_ATTITUDE,
      },
      satisfiedMinScore: e.SURVEY_SATISFIED_MIN_SCORE,
      satisfiedMinAnswerPercent: e.SURVEY_SATISFIED_MIN_ANSWER_PERCENT,
    }),
  };
}

export const callbackConfigProvider: Provider = {
  provide: CALLBACK_CONFIG,
  useFactory: () => loadCallbackConfig(process.env),
};
