import type { resolutionCodes, SurveyAnswer, TicketReceived } from '@switchboard/contracts';
import type { SeededRandom } from './random';

type ResolutionCode = (typeof resolutionCodes)[number];

const MINUTE = 60_000;

/** A delay drawn around a typical value, in minutes of simulated time. */
export interface DelayRange {
  median: number;
  min: number;
  max: number;
}

/**
 * Log-normal around the median, clamped: most delays are close to typical, a few are long —
 * as real travel and repair times are. Returns milliseconds of simulated time.
 */
export function sampleDelay(rng: SeededRandom, range: DelayRange, spread = 0.45): number {
  const minutes = range.median * Math.exp(spread * rng.normal());
  return Math.round(Math.min(range.max, Math.max(range.min, minutes)) * MINUTE);
}

/** Real milliseconds to wait for a simulated delay when the simulation runs `speed` times faster. */
export function realDelayMs(simulatedMs: number, speed: number): number {
  return Math.max(0, Math.round(simulatedMs / speed));
}

export interface FieldTimings {
  accept: DelayRange;
  /** From acceptance to calling the customer, when the engineer is on time. */
  contact: DelayRange;
  /** From assignment to the first contact of a late engineer: past the 80 % warning of the 30-minute first response, often past the limit. */
  lateContact: DelayRange;
  travel: DelayRange;
  work: Record<TicketReceived['kind'], DelayRange>;
}

/** Plausible times for an engineer (domain.md §3–4: first response within 30 minutes). */
export const DEFAULT_FIELD_TIMINGS: FieldTimings = {
  accept: { median: 2, min: 0.5, max: 8 },
  contact: { median: 7, min: 2, max: 15 },
  lateContact: { median: 32, min: 25, max: 45 },
  travel: { median: 25, min: 8, max: 60 },
  work: {
    install: { median: 60, min: 25, max: 150 },
    move: { median: 75, min: 30, max: 180 },
    repair: { median: 45, min: 15, max: 150 },
    complaint: { median: 30, min: 10, max: 90 },
  },
};

const RESOLUTION_MIX: readonly (readonly [ResolutionCode, number])[] = [
  ['fixed', 55],
  ['configuration', 15],
  ['replaced-equipment', 12],
  ['no-fault-found', 8],
  ['customer-side', 6],
  ['referred', 4],
];

/** What an engineer will do with an assignment: each delay is from the step before, in simulated ms. */
export interface FieldVisitPlan {
  acceptAfterMs: number;
  /** From acceptance to the first contact (for a late engineer, used when the first-response clock is unknown). */
  contactAfterMs: number;
  arriveAfterMs: number;
  completeAfterMs: number;
  /** Contacts the customer after the first-response warning. */
  late: boolean;
  /**
   * Where a late engineer calls, between the clock's warning (0) and its due time (1); above 1 is
   * a breach. Lets lateness follow the platform's real SLA clock at any `--speed`.
   */
  lateness: number;
  resolutionCode: ResolutionCode;
}

export function planFieldVisit(rng: SeededRandom, kind: TicketReceived['kind'], lateShare: number, timings: FieldTimings = DEFAULT_FIELD_TIMINGS): FieldVisitPlan {
  const late = rng.chance(lateShare);
  const acceptAfterMs = sampleDelay(rng, timings.accept);
  return {
    acceptAfterMs,
    contactAfterMs: late ? Math.max(MINUTE, sampleDelay(rng, timings.lateContact, 0.2) - acceptAfterMs) : sampleDelay(rng, timings.contact),
    arriveAfterMs: sampleDelay(rng, timings.travel),
    completeAfterMs: sampleDelay(rng, timings.work[kind]),
    late,
    lateness: rng.between(0.3, 2.5),
    resolutionCode: rng.weighted(RESOLUTION_MIX),
  };
}

/** The first-response clock as the SLA monitor announced it (sla.clock-started), in epoch ms. */
export interface FirstResponseClock {
  warnAtMs: number;
  dueAtMs: number;
}

/**
 * Real milliseconds from now (just after acceptance) until the engineer calls the customer.
 * The SLA clock runs in real time whatever the simulation's speed, so when the clock is known a
 * late engineer calls after its warning and an on-time one well before it; otherwise the plan's
 * delay is scaled by the speed.
 */
export function contactDelayMs(plan: FieldVisitPlan, nowMs: number, speed: number, clock?: FirstResponseClock): number {
  const scaled = realDelayMs(plan.contactAfterMs, speed);
  if (!clock) return scaled;
  if (plan.late) return Math.max(0, Math.round(clock.warnAtMs + plan.lateness * (clock.dueAtMs - clock.warnAtMs) - nowMs));
  return Math.min(scaled, Math.max(0, Math.floor(0.8 * (clock.warnAtMs - nowMs))));
}

export interface SurveyReply {
  /** After the survey is due, in simulated ms. */
  afterMs: number;
  answers: SurveyAnswer['answers'];
  comment?: string;
  /** How the customer feels; the callback service computes the real verdict. */
  pleased: boolean;
}

export interface CustomerMood {
  /** Share of customers who answer a callback satisfied (domain.md §6 targets ≥ 80 %). */
  satisfiedShare: number;
  /** The same share when the engineer called late. */
  satisfiedShareAfterLateContact: number;
}

export const DEFAULT_CUSTOMER_MOOD: CustomerMood = { satisfiedShare: 0.88, satisfiedShareAfterLateContact: 0.55 };

const UNHAPPY_COMMENTS = ['Nobody called me for a long time.', 'The engineer came later than agreed.', 'The problem came back the next day.', 'Rude on the phone.'];
const HAPPY_COMMENTS = ['Quick and friendly, thank you.', 'Fixed on the first visit.'];

/**
 * A customer's answers to the four telecom callback questions (domain.md §5), 1–5. An unhappy
 * customer marks down contact timeliness or appointment keeping most often — where 002 says
 * customers suffer most.
 */
export function planSurveyReply(rng: SeededRandom, wasLate: boolean, mood: CustomerMood = DEFAULT_CUSTOMER_MOOD): SurveyReply {
  const pleased = rng.chance(wasLate ? mood.satisfiedShareAfterLateContact : mood.satisfiedShare);
  const afterMs = sampleDelay(rng, { median: 8, min: 1, max: 60 }, 0.7);
  if (pleased) {
    const high = () => (rng.chance(0.8) ? 5 : 4);
    return {
      afterMs,
      answers: { contactTimeliness: high(), appointmentKeeping: high(), technicalLevel: high(), serviceAttitude: high() },
      ...(rng.chance(0.15) ? { comment: rng.pick(HAPPY_COMMENTS) } : {}),
      pleased,
    };
  }
  const sore = rng.weighted([
    ['contactTimeliness', wasLate ? 6 : 3],
    ['appointmentKeeping', 3],
    ['technicalLevel', 2],
    ['serviceAttitude', 2],
  ] as const);
  const answers: SurveyAnswer['answers'] = { contactTimeliness: rng.int(3, 5), appointmentKeeping: rng.int(3, 5), technicalLevel: rng.int(3, 5), serviceAttitude: rng.int(3, 5) };
  answers[sore] = rng.int(1, 2);
  return { afterMs, answers, ...(rng.chance(0.6) ? { comment: rng.pick(UNHAPPY_COMMENTS) } : {}), pleased };
}

/** How a callback agent's phone call to a customer goes (domain.md §5: the phone callback). */
export interface PhoneCallbackPlan {
  /** From the attempt being due until the agent takes it from the queue, in simulated ms. */
  pickUpAfterMs: number;
  /** How long the call lasts before the agent records its outcome, in simulated ms. */
  callMs: number;
  /** The customer does not pick up: the callback policy retries later or closes it unreachable. */
  noAnswer: boolean;
  /** What the customer says when they answer. */
  reply: SurveyReply;
}

/** Share of phone callback attempts nobody answers (project choice for the demo: one in five). */
export const DEFAULT_NO_ANSWER_SHARE = 0.2;

/**
 * One attempt of a phone callback: seeded per ticket and attempt, so a retry after no answer
 * draws again. The customer's answers follow the same mood as an SMS survey's.
 */
export function planPhoneCallback(rng: SeededRandom, wasLate: boolean, noAnswerShare = DEFAULT_NO_ANSWER_SHARE): PhoneCallbackPlan {
  const noAnswer = rng.chance(noAnswerShare);
  return {
    pickUpAfterMs: sampleDelay(rng, { median: 3, min: 0.5, max: 20 }, 0.6),
    callMs: sampleDelay(rng, { median: 2, min: 0.5, max: 8 }, 0.4),
    noAnswer,
    reply: planSurveyReply(rng, wasLate),
  };
}
