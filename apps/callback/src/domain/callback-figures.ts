import { round2, type QuestionnaireResult } from './questionnaire';

/**
 * The callback figures scoring needs (domain.md §5–6, issue 7 "Figures for scoring"): the callback
 * ratio (callbacks done / tickets resolved, 000: must reach 100 %), reachability, satisfaction per
 * question and overall (000: satisfaction 90 points; 002: satisfaction ≥ 80 %, and its per-question
 * rates such as "technical level 74.75 %"), reopenings and escalations to management. Computed
 * from one record per resolution over whatever period the caller chose.
 */

export interface AnsweredQuestion {
  questionId: string;
  /** The share of its points the answer earned, 0–100 (`QuestionScore.percent`). */
  percent: number;
}

interface ResolutionRef {
  ticketId: string;
  /** The ticket's callback number (1 for the first resolution, 2 after the first reopening, …). */
  attempt: number;
}

/** What became of the callback of one resolution. */
export type CallbackOutcome =
  /** No callback was ever scheduled for the resolution: it counts against the ratio. */
  | (ResolutionRef & { status: 'not-scheduled' })
  /** Scheduled and still open (within its validity window): neither done nor missed yet. */
  | (ResolutionRef & { status: 'pending' })
  | (ResolutionRef & { status: 'unreachable' })
  | (ResolutionRef & {
      status: 'answered';
      questionnaire: string;
      score: number;
      verdict: 'satisfied' | 'unsatisfied';
      perQuestion: readonly AnsweredQuestion[];
      /** What the unsatisfied loop made of it. */
      followUp: 'closed' | 'reopened' | 'escalated';
    });

export interface QuestionFigure {
  questionnaire: string;
  questionId: string;
  answers: number;
  meanPercent: number;
  /** Share of the answers worth at least the satisfied threshold per answer (80 %: a 4 or 5 of 5). */
  satisfiedRate: number;
}

export interface CallbackFigures {
  resolutions: number;
  /** Callbacks carried through to an end: answered, or closed unreachable after the policy's attempts. */
  callbacksDone: number;
  pending: number;
  notScheduled: number;
  /** callbacksDone / resolutions, in percent; null without resolutions. */
  callbackRatio: number | null;
  /** Whether the ratio reaches the 100 % target (000); false while callbacks are pending. */
  callbackRatioMet: boolean;
  answered: number;
  unreachable: number;
  /** answered / callbacksDone, in percent; null when no callback is done. */
  reachability: number | null;
  satisfied: number;
  /** satisfied / answered, in percent (002's target: ≥ 80 %); null without answers. */
  satisfactionRate: number | null;
  /** Mean score of the answered surveys, 0–100 (000: the 90-point mark); null without answers. */
  meanScore: number | null;
  perQuestion: QuestionFigure[];
  /** Reopenings the unsatisfied loop made, and the distinct tickets reopened. */
  reopens: number;
  ticketsReopened: number;
  escalatedToManagement: number;
}

/** Source 004 5.5.2: every part at least 80 % for "satisfied". */
export const DEFAULT_SATISFIED_ANSWER_PERCENT = 80;

const percent = (part: number, whole: number): number | null => (whole > 0 ? round2((part / whole) * 100) : null);

/**
 * The figures of a list of callback outcomes, one per resolution. Per-question figures are kept
 * per questionnaire (a question id means something only within its questionnaire), in the order
 * first seen.
 */
export function callbackFigures(outcomes: readonly CallbackOutcome[], satisfiedAnswerPercent: number = DEFAULT_SATISFIED_ANSWER_PERCENT): CallbackFigures {
  const count = (status: CallbackOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  const answeredOutcomes = outcomes.flatMap((o) => (o.status === 'answered' ? [o] : []));
  const answered = answeredOutcomes.length;
  const unreachable = count('unreachable');
  const callbacksDone = answered + unreachable;
  const satisfied = answeredOutcomes.filter((o) => o.verdict === 'satisfied').length;

  const byQuestion = new Map<string, { questionnaire: string; questionId: string; sum: number; n: number; satisfied: number }>();
  for (const o of answeredOutcomes) {
    for (const q of o.perQuestion) {
      const key = `${o.questionnaire}\u0000${q.questionId}`;
      const entry = byQuestion.get(key) ?? { questionnaire: o.questionnaire, questionId: q.questionId, sum: 0, n: 0, satisfied: 0 };
      entry.sum += q.percent;
      entry.n += 1;
      if (q.percent >= satisfiedAnswerPercent) entry.satisfied += 1;
      byQuestion.set(key, entry);
    }
  }
  const reopened = answeredOutcomes.filter((o) => o.followUp === 'reopened');
  const callbackRatio = percent(callbacksDone, outcomes.length);
  return {
    resolutions: outcomes.length,
    callbacksDone,
    pending: count('pending'),
    notScheduled: count('not-scheduled'),
    callbackRatio,
    callbackRatioMet: callbackRatio === 100,
    answered,
    unreachable,
    reachability: percent(answered, callbacksDone),
    satisfied,
    satisfactionRate: percent(satisfied, answered),
    meanScore: answered > 0 ? round2(answeredOutcomes.reduce((sum, o) => sum + o.score, 0) / answered) : null,
    perQuestion: [...byQuestion.values()].map((e) => ({ questionnaire: e.questionnaire, questionId: e.questionId, answers: e.n, meanPercent: round2(e.sum / e.n), satisfiedRate: percent(e.satisfied, e.n)! })),
    reopens: reopened.length,
    ticketsReopened: new Set(reopened.map((o) => o.ticketId)).size,
    escalatedToManagement: answeredOutcomes.filter((o) => o.followUp === 'escalated').length,
  };
}

/** The outcome record of an answered callback, from its scored questionnaire and the loop's decision. */
export function answeredOutcome(ticketId: string, attempt: number, result: QuestionnaireResult, followUp: 'closed' | 'reopened' | 'escalated'): CallbackOutcome {
  return {
    ticketId,
    attempt,
    status: 'answered',
    questionnaire: result.questionnaire,
    score: result.score,
    verdict: result.verdict,
    perQuestion: result.perQuestion.map((q) => ({ questionId: q.questionId, percent: q.percent })),
    followUp,
  };
}

/** A `callback.closed` fact as scoring receives it: the fields the figures need. */
export interface ClosedCallbackFact {
  ticketId: string;
  attempt: number;
  status: 'answered' | 'unreachable';
  questionnaire: string;
  score?: number;
  verdict?: 'satisfied' | 'unsatisfied';
  perQuestion: readonly AnsweredQuestion[];
  followUp?: 'closed' | 'reopened' | 'escalated';
}

/**
 * The outcome record of a closed callback's fact, so that whoever aggregates the facts (scoring,
 * per region and period) computes the figures with `callbackFigures`; resolutions without a fact
 * yet are `pending` (or `not-scheduled`) on the aggregator's side.
 */
export function outcomeOfClosedCallback(fact: ClosedCallbackFact): CallbackOutcome {
  const { ticketId, attempt } = fact;
  if (fact.status === 'unreachable') return { ticketId, attempt, status: 'unreachable' };
  if (fact.score === undefined || fact.verdict === undefined || fact.followUp === undefined) {
    throw new RangeError(`an answered callback fact carries its score, verdict and follow-up (ticket ${ticketId}, callback ${attempt})`);
  }
  return { ticketId, attempt, status: 'answered', questionnaire: fact.questionnaire, score: fact.score, verdict: fact.verdict, perQuestion: fact.perQuestion, followUp: fact.followUp };
}
