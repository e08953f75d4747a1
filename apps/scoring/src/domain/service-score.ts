import { assertMonth, line, nextMonth, roundTo, type ArithmeticLine, type Month } from './scorecard-line';

/**
 * The weighted service score and grade (domain.md §6, source 004 §5.5 "顾客服务的评价"): a
 * questionnaire in up to three parts — pre-service, in-service, post-service — each scored out of
 * 100 and weighted 20 / 50 / 30; every answer is worth a share of its item's points (satisfied
 * 100 %, fairly satisfied 90 %, average 70 %, acceptable 50 %); an item with a serious problem
 * scores below zero (−5 to −10) and the total loses 5 to 20. Total < 70 unqualified, 70–90
 * qualified, > 90 excellent; "satisfied" needs ≥ 90 overall and every part ≥ 80.
 */

export const SERVICE_PARTS = ['pre-service', 'in-service', 'post-service'] as const;
export type ServicePart = (typeof SERVICE_PARTS)[number];

/** The answer levels of source 004 (满意, 较满意, 一般, 合格) and, as the callback survey has it, unsatisfied. */
export const ANSWER_LEVELS = ['satisfied', 'fairly-satisfied', 'average', 'acceptable', 'unsatisfied'] as const;
export type AnswerLevel = (typeof ANSWER_LEVELS)[number];

/** The grades of source 004 §5.5.1, best first; pay and contractor ratings use the same three. */
export const SERVICE_GRADES = ['excellent', 'qualified', 'unqualified'] as const;
export type ServiceGrade = (typeof SERVICE_GRADES)[number];

export interface ServiceScorePolicy {
  /** Weight of each part in percent, summing to 100 (source 004 §5.5.2: 20 / 50 / 30). */
  partWeights: Record<ServicePart, number>;
  /** Share of its item's points an answer earns, 0–1 (source 004 §5.5.3). */
  answerCredit: Record<AnswerLevel, number>;
  /** An item with a serious problem scores minus this many points, within these bounds (source 004: 5–10). */
  itemDeduction: { min: number; max: number };
  /** The total loses this many points for serious problems, within these bounds (source 004: 5–20). */
  overallDeduction: { min: number; max: number };
  /** Above this total: excellent (source 004: "90分以上为优良"). */
  excellentAbove: number;
  /** Below this total: unqualified (source 004: "70分以下为不合格"). */
  unqualifiedBelow: number;
  /** "Satisfied" needs at least this total… (source 004 §5.5.2: 90) */
  satisfiedMinTotal: number;
  /** …and every part at least this score out of 100 (source 004 §5.5.2: 80). */
  satisfiedMinPart: number;
}

export const DEFAULT_SERVICE_SCORE_POLICY: ServiceScorePolicy = {
  partWeights: { 'pre-service': 20, 'in-service': 50, 'post-service': 30 },
  answerCredit: { satisfied: 1, 'fairly-satisfied': 0.9, average: 0.7, acceptable: 0.5, unsatisfied: 0 },
  itemDeduction: { min: 5, max: 10 },
  overallDeduction: { min: 5, max: 20 },
  excellentAbove: 90,
  unqualifiedBelow: 70,
  satisfiedMinTotal: 90,
  satisfiedMinPart: 80,
};

/** One question of a part: its standard points and the customer's answer, or a serious problem found. */
export interface QuestionnaireItem {
  code: string;
  points: number;
  answer: AnswerLevel;
  /** A serious problem on this item: the item scores minus this instead of its answer's credit. */
  seriousProblemDeduction?: number;
}

export interface Questionnaire {
  /** The parts the questionnaire provides; a part it does not ask about is left out. */
  parts: Partial<Record<ServicePart, readonly QuestionnaireItem[]>>;
  /** Points taken off the total for serious problems (0 or within the policy's bounds). */
  overallDeduction?: number;
}

export interface ServiceScore {
  /** Each provided part's score out of 100, to two decimals. */
  parts: Partial<Record<ServicePart, number>>;
  /** The parts the questionnaire did not provide; the weights are spread over those it did. */
  missingParts: ServicePart[];
  /** Weighted total less the overall deduction, 0–100, to two decimals. */
  total: number;
  grade: ServiceGrade;
  satisfied: boolean;
  lines: ArithmeticLine[];
}

export class ServiceScoreConfigError extends Error {}

/** Throws a ServiceScoreConfigError naming the first setting that breaks a rule of source 004; returns the policy. */
export function validateServiceScorePolicy(p: ServiceScorePolicy): ServiceScorePolicy {
  const weights = SERVICE_PARTS.map((part) => p.partWeights[part]);
  if (weights.some((w) => !(w >= 0)) || weights.reduce((a, b) => a + b, 0) !== 100) throw new ServiceScoreConfigError(`part weights must be non-negative and sum to 100, got ${JSON.stringify(p.partWeights)}`);
  const credits = ANSWER_LEVELS.map((l) => p.answerCredit[l]);
  if (credits.some((c) => !(c >= 0 && c <= 1))) throw new ServiceScoreConfigError(`answer credits must lie in 0–1, got ${JSON.stringify(p.answerCredit)}`);
  for (let i = 1; i < credits.length; i++) {
    if (credits[i]! > credits[i - 1]!) throw new ServiceScoreConfigError(`a better answer must earn at least as much as a worse one: ${JSON.stringify(p.answerCredit)}`);
  }
  for (const [name, r] of [['itemDeduction', p.itemDeduction], ['overallDeduction', p.overallDeduction]] as const) {
    if (!(r.min >= 0 && r.max >= r.min)) throw new ServiceScoreConfigError(`${name} needs 0 ≤ min ≤ max, got ${JSON.stringify(r)}`);
  }
  if (!(p.unqualifiedBelow >= 0 && p.excellentAbove >= p.unqualifiedBelow && p.excellentAbove <= 100)) throw new ServiceScoreConfigError(`grade thresholds need 0 ≤ unqualifiedBelow ≤ excellentAbove ≤ 100, got ${p.unqualifiedBelow} / ${p.excellentAbove}`);
  if (!(p.satisfiedMinTotal >= 0 && p.satisfiedMinTotal <= 100 && p.satisfiedMinPart >= 0 && p.satisfiedMinPart <= 100)) throw new ServiceScoreConfigError('satisfied thresholds must lie in 0–100');
  return p;
}

/** Grade of a 0–100 score: > excellentAbove excellent, < unqualifiedBelow unqualified, else qualified (both ends of 70–90 included). */
export function gradeOf(score: number, policy: Pick<ServiceScorePolicy, 'excellentAbove' | 'unqualifiedBelow'> = DEFAULT_SERVICE_SCORE_POLICY): ServiceGrade {
  if (score > policy.excellentAbove) return 'excellent';
  if (score < policy.unqualifiedBelow) return 'unqualified';
  return 'qualified';
}

/** The callback survey's 1–5 answer as a level (5 satisfied … 2 acceptable, 1 unsatisfied), as the callback service scores it. */
export function levelOfCallbackAnswer(answer: number): AnswerLevel {
  const level = ({ 5: 'satisfied', 4: 'fairly-satisfied', 3: 'average', 2: 'acceptable', 1: 'unsatisfied' } as const)[answer];
  if (level === undefined) throw new RangeError(`a callback answer is 1–5, got ${answer}`);
  return level;
}

const inRange = (v: number, r: { min: number; max: number }) => v >= r.min && v <= r.max;

/** Scores a questionnaire (source 004 §5.5), with one line per part and one for the overall deduction. */
export class ServiceScoring {
  constructor(readonly policy: ServiceScorePolicy = DEFAULT_SERVICE_SCORE_POLICY) {
    validateServiceScorePolicy(policy);
  }

  score(q: Questionnaire): ServiceScore {
    const provided = SERVICE_PARTS.filter((part) => q.parts[part] !== undefined && q.parts[part].length > 0);
    if (provided.length === 0) throw new RangeError('a questionnaire needs at least one part with items');
    const weightSum = provided.reduce((s, part) => s + this.policy.partWeights[part], 0);
    if (!(weightSum > 0)) throw new RangeError(`the provided parts (${provided.join(', ')}) have no weight`);
    const parts: Partial<Record<ServicePart, number>> = {};
    const lines: ArithmeticLine[] = [];
    for (const part of provided) {
      const score = roundTo(this.partScore(part, q.parts[part]!), 2);
      parts[part] = score;
      // The weight, spread over the provided parts, as a share: 20 / 50 / 30 → 0.2 / 0.5 / 0.3.
      const share = this.policy.partWeights[part] / weightSum;
      lines.push(line(`service:${part}`, `${part} part score × its weight`, score, roundTo(share, 4), 'points', 2));
    }
    const deduction = q.overallDeduction ?? 0;
    if (deduction !== 0 && !inRange(deduction, this.policy.overallDeduction)) {
      throw new RangeError(`the overall deduction must be 0 or ${this.policy.overallDeduction.min}–${this.policy.overallDeduction.max}, got ${deduction}`);
    }
    if (deduction !== 0) lines.push(line('service:serious-problems', 'serious problems, taken off the total', 1, -deduction, 'points', 2));
    const raw = lines.reduce((s, l) => s + l.amount, 0);
    const total = roundTo(Math.min(100, Math.max(0, raw)), 2);
    const grade = gradeOf(total, this.policy);
    const satisfied = total >= this.policy.satisfiedMinTotal && provided.every((part) => parts[part]! >= this.policy.satisfiedMinPart);
    return { parts, missingParts: SERVICE_PARTS.filter((p) => !provided.includes(p)), total, grade, satisfied, lines };
  }

  /** A part out of 100: the items' earned points over their standard points. */
  private partScore(part: ServicePart, items: readonly QuestionnaireItem[]): number {
    let earned = 0;
    let standard = 0;
    for (const item of items) {
      if (!(item.points > 0)) throw new RangeError(`${part} item ${item.code} needs positive points, got ${item.points}`);
      if (!ANSWER_LEVELS.includes(item.answer)) throw new RangeError(`${part} item ${item.code}: unknown answer ${item.answer}`);
      standard += item.points;
      const d = item.seriousProblemDeduction;
      if (d !== undefined) {
        if (!inRange(d, this.policy.itemDeduction)) throw new RangeError(`${part} item ${item.code}: a serious problem costs ${this.policy.itemDeduction.min}–${this.policy.itemDeduction.max} points, got ${d}`);
        earned -= d; // "在零线下给予负5-10分": below the zero line, instead of the answer's credit
      } else {
        earned += item.points * this.policy.answerCredit[item.answer];
      }
    }
    return (earned / standard) * 100;
  }
}

/** What follows a run of unqualified results (source 004 §5.5.4); the penalty itself is the manager's to set. */
export type UnqualifiedPenalty = 'none' | 'two-in-a-row' | 'two-in-a-year' | 'three-in-a-row';

/**
 * Source 004 §5.5.4: two unqualified results in a row, or two in one calendar year, bring a
 * penalty for the project manager; three in a row a heavier one. "In a row" means consecutive
 * calendar months; a month without a result breaks the row. Judged at the last month given.
 */
export function unqualifiedPenalty(results: readonly { month: Month; grade: ServiceGrade }[]): UnqualifiedPenalty {
  const sorted = [...results].sort((a, b) => a.month.localeCompare(b.month));
  sorted.forEach((r) => assertMonth(r.month));
  const last = sorted.at(-1);
  if (!last || last.grade !== 'unqualified') return 'none';
  let run = 1;
  for (let i = sorted.length - 2; i >= 0; i--) {
    const r = sorted[i]!;
    if (r.grade !== 'unqualified' || nextMonth(r.month) !== sorted[i + 1]!.month) break;
    run++;
  }
  if (run >= 3) return 'three-in-a-row';
  if (run === 2) return 'two-in-a-row';
  const year = last.month.slice(0, 4);
  const inYear = sorted.filter((r) => r.grade === 'unqualified' && r.month.startsWith(year)).length;
  return inYear >= 2 ? 'two-in-a-year' : 'none';
}
