import type { Provider } from '@nestjs/common';
import { z } from 'zod';
import { ticketKinds } from '@switchboard/contracts';
import { parseEnv } from '@switchboard/platform';
import { CallbackAttemptLimit, DEFAULT_CALLBACK_MAX_ATTEMPTS } from './domain/callback-attempts';
import { checkCallbackPolicy, DEFAULT_CALLBACK_POLICY, DEFAULT_CUSTOMER_TIME_ZONE, type CallbackPolicy, type QuietHours } from './domain/callback-policy';
import { parseRegionTimeZones, type CustomerTimeZones } from './domain/customer-time-zone';
import { checkQuestionnaireDefinition, CONTRACTOR_5PART, questionnaireKey, TELECOM_4Q, type QuestionnaireDefinition } from './domain/questionnaire';
import { DEFAULT_SURVEY_SCORING, SURVEY_QUESTIONS } from './domain/survey-scoring';

const weight = (defaultValue: number) => z.coerce.number().min(0).default(defaultValue);
const w = DEFAULT_SURVEY_SCORING.weights;

/** The callback service's own settings; the business defaults come from domain.md §5–6. */
export const callbackEnvSchema = z.object({
  /** Delay between the resolution (completion or intake's `ticket.resolved`) and the first attempt (issue 3: 1 hour). */
  CALLBACK_DELAY_MS: z.coerce.number().int().min(0).default(DEFAULT_CALLBACK_POLICY.delayAfterResolutionMs),
  /**
   * The customer's night, local time, `HH:MM-HH:MM` (may wrap midnight), or `off`: no SMS or call
   * goes out inside it (ADR 0018; default 21:00-08:00).
   */
  CALLBACK_QUIET_HOURS: z
    .string()
    .regex(/^(off|\d{2}:\d{2}-\d{2}:\d{2})$/, 'HH:MM-HH:MM or off')
    .default(`${DEFAULT_CALLBACK_POLICY.quietHours!.start}-${DEFAULT_CALLBACK_POLICY.quietHours!.end}`),
  /** The customers' time zone (IANA) for a region CALLBACK_REGION_TIME_ZONES does not list: the centre's. */
  CALLBACK_TIME_ZONE: z.string().min(1).default(DEFAULT_CUSTOMER_TIME_ZONE),
  /**
   * The customers' time zone by region, `region=Zone,…` (e.g. `kashgar=Asia/Urumqi`): quiet hours are
   * read in the zone of the customer's region (domain/customer-time-zone.ts). Empty: every region in CALLBACK_TIME_ZONE.
   */
  CALLBACK_REGION_TIME_ZONES: z.string().default(''),
  /** Phone attempts (the first included) before a callback nobody answers closes unreachable (project choice: 3). */
  CALLBACK_NO_ANSWER_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(DEFAULT_CALLBACK_POLICY.maxAttempts),
  /** Time from an unanswered phone attempt to the next (before quiet hours move it; project choice: 2 h). */
  CALLBACK_RETRY_SPACING_MS: z.coerce.number().int().min(1).default(DEFAULT_CALLBACK_POLICY.retrySpacingMs),
  /**
   * Ticket kinds called back by an agent on the phone (the work queue) instead of an SMS survey,
   * comma-separated (`complaint,repair`); empty: SMS for every ticket (the default).
   */
  CALLBACK_PHONE_KINDS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((k) => k.trim()).filter((k) => k !== ''))
    .pipe(z.array(z.enum(ticketKinds))),
  /** How long after the resolution a callback stays open before it closes as unreachable (000: one week). */
  CALLBACK_VALIDITY_MS: z.coerce.number().int().min(1).default(DEFAULT_CALLBACK_POLICY.validityMs),
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
  /** When and how a resolution's callback is attempted (domain/callback-policy.ts). */
  policy: CallbackPolicy;
  /** The zone of a region not listed in `timeZones` (CALLBACK_TIME_ZONE). */
  timeZone: string;
  /** The customers' time zones by region; `customerTimeZone(region, timeZones)` picks one. */
  timeZones: CustomerTimeZones;
  /** Ticket kinds whose callback is a phone call by an agent (the work queue). */
  phoneKinds: readonly string[];
  pollMs: number;
  sendBatch: number;
  /**
   * The questionnaires answers are scored by, by key (`telecom-4q.v1`); the telecom one carries the
   * SURVEY_WEIGHT_* and SURVEY_SATISFIED_* settings (their defaults are the definition's own).
   */
  questionnaires: Readonly<Record<string, QuestionnaireDefinition>>;
  attemptLimit: CallbackAttemptLimit;
}

export const CALLBACK_CONFIG = Symbol('CALLBACK_CONFIG');

export function loadCallbackConfig(env: Record<string, string | undefined>): CallbackConfig {
  const e = parseEnv(callbackEnvSchema, env);
  const policy: CallbackPolicy = {
    ...DEFAULT_CALLBACK_POLICY,
    delayAfterResolutionMs: e.CALLBACK_DELAY_MS,
    quietHours: quietHoursOf(e.CALLBACK_QUIET_HOURS),
    validityMs: e.CALLBACK_VALIDITY_MS,
    maxAttempts: e.CALLBACK_NO_ANSWER_ATTEMPTS,
    retrySpacingMs: e.CALLBACK_RETRY_SPACING_MS,
  };
  const problems = checkCallbackPolicy(policy, e.CALLBACK_TIME_ZONE);
  if (problems.length > 0) {
    const variable: Record<string, string> = { delayAfterResolutionMs: 'CALLBACK_DELAY_MS', validityMs: 'CALLBACK_VALIDITY_MS', timeZone: 'CALLBACK_TIME_ZONE' };
    throw new Error(problems.map((p) => `${variable[p.field] ?? (p.field.startsWith('quietHours') ? 'CALLBACK_QUIET_HOURS' : p.field)}: ${p.reason}`).join('; '));
  }
  const regionZones = parseRegionTimeZones(e.CALLBACK_REGION_TIME_ZONES);
  if (regionZones.problems.length > 0) throw new Error(`CALLBACK_REGION_TIME_ZONES: ${regionZones.problems.join('; ')}`);
  return {
    policy,
    timeZone: e.CALLBACK_TIME_ZONE,
    timeZones: { byRegion: regionZones.byRegion, fallback: e.CALLBACK_TIME_ZONE },
    phoneKinds: e.CALLBACK_PHONE_KINDS,
    pollMs: e.CALLBACK_POLL_MS,
    sendBatch: e.CALLBACK_SEND_BATCH,
    attemptLimit: new CallbackAttemptLimit(e.CALLBACK_MAX_ATTEMPTS),
    questionnaires: questionnairesOf({
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

/** The shipped questionnaires, the telecom one with this deployment's weights and thresholds (issue 3's variables). */
function questionnairesOf(telecom: typeof DEFAULT_SURVEY_SCORING): Record<string, QuestionnaireDefinition> {
  if (!(SURVEY_QUESTIONS.reduce((sum, q) => sum + telecom.weights[q], 0) > 0)) {
    throw new Error(`SURVEY_WEIGHT_*: the survey weights must have a positive sum, got ${JSON.stringify(telecom.weights)}`);
  }
  const telecom4q: QuestionnaireDefinition = {
    ...TELECOM_4Q,
    parts: TELECOM_4Q.parts.map((p) => ({ ...p, weight: telecom.weights[p.id as keyof typeof telecom.weights] })),
    grading: { ...TELECOM_4Q.grading, satisfiedMinScore: telecom.satisfiedMinScore, satisfiedMinPartPercent: telecom.satisfiedMinAnswerPercent },
  };
  const definitions = [telecom4q, CONTRACTOR_5PART];
  for (const d of definitions) {
    const problems = checkQuestionnaireDefinition(d);
    if (problems.length > 0) throw new Error(`questionnaire ${questionnaireKey(d)}: ${problems.map((p) => `${p.at}: ${p.reason}`).join('; ')}`);
  }
  return Object.fromEntries(definitions.map((d) => [questionnaireKey(d), d]));
}

function quietHoursOf(value: string): QuietHours | null {
  if (value === 'off') return null;
  const [start, end] = value.split('-') as [string, string];
  return { start, end };
}

export const callbackConfigProvider: Provider = {
  provide: CALLBACK_CONFIG,
  useFactory: () => loadCallbackConfig(process.env),
};
