import type { SurveyAnswer, SurveyCompleted } from '@switchboard/contracts';

/** The four telecom callback questions (domain.md §5, source 002). */
export type SurveyAnswers = SurveyAnswer['answers'];
export type SurveyQuestion = keyof SurveyAnswers;
export type SurveyVerdict = SurveyCompleted['verdict'];

export const SURVEY_QUESTIONS: readonly SurveyQuestion[] = ['contactTimeliness', 'appointmentKeeping', 'technicalLevel', 'serviceAttitude'];

/**
 * The share of its points an answer is worth (domain.md §6, source 004): satisfied 100 %,
 * fairly satisfied 90 %, average 70 %, acceptable 50 %; unsatisfied earns nothing.
 */
export const ANSWER_CREDIT: Readonly<Record<number, number>> = { 5: 1, 4: 0.9, 3: 0.7, 2: 0.5, 1: 0 };

export interface SurveyScoringPolicy {
  /** Relative weight of each question; equal by default. */
  weights: Record<SurveyQuestion, number>;
  /** "Satisfied" needs at least this overall score (0–100)… */
  satisfiedMinScore: number;
  /** …and every answer worth at least this share of its points, in percent (source 004: every part ≥ 80). */
  satisfiedMinAnswerPercent: number;
}

export const DEFAULT_SURVEY_SCORING: SurveyScoringPolicy = {
  weights: { contactTimeliness: 1, appointmentKeeping: 1, technicalLevel: 1, serviceAttitude: 1 },
  satisfiedMinScore: 90,
  satisfiedMinAnswerPercent: 80,
};

export interface SurveyResult {
  /** Weighted mean of the answers' credit, 0–100, to two decimals. */
  score: number;
  verdict: SurveyVerdict;
}

/** Scores a callback questionnaire and decides whether the customer is satisfied. */
export class SurveyScoring {
  constructor(private readonly policy: SurveyScoringPolicy = DEFAULT_SURVEY_SCORING) {
    const weights = SURVEY_QUESTIONS.map((q) => policy.weights[q]);
    if (weights.some((w) => !(w >= 0)) || !(weights.reduce((a, b) => a + b, 0) > 0)) {
      throw new RangeError(`survey weights must be non-negative with a positive sum, got ${JSON.stringify(policy.weights)}`);
    }
  }

  score(answers: SurveyAnswers): SurveyResult {
    let points = 0;
    let total = 0;
    let everyAnswerGoodEnough = true;
    for (const question of SURVEY_QUESTIONS) {
      const credit = ANSWER_CREDIT[answers[question]];
      if (credit === undefined) throw new RangeError(`answer to ${question} must be 1–5, got ${answers[question]}`);
      const weight = this.policy.weights[question];
      points += weight * credit;
      total += weight;
      if (credit * 100 < this.policy.satisfiedMinAnswerPercent) everyAnswerGoodEnough = false;
    }
    const score = Math.round((points / total) * 100 * 100) / 100;
    const verdict: SurveyVerdict = score >= this.policy.satisfiedMinScore && everyAnswerGoodEnough ? 'satisfied' : 'unsatisfied';
    return { score, verdict };
  }
}
