import { ComplaintPointsRule, type PeriodComplaint } from './complaint-points';
import { ContractorRatingRule, type CrewMonthKpis } from './contractor-rating';
import { PieceRatePay, type PayInput, type QualityGrade } from './piece-rate-pay';
import { SatisfactionStreaks, type MonthlySatisfaction, type MonthStanding } from './satisfaction-streaks';
import { assertMonth, type ArithmeticLine, type Month } from './scorecard-line';
import { gradeOf, ServiceScoring, unqualifiedPenalty, type Questionnaire, type ServiceGrade, type ServicePart, type UnqualifiedPenalty } from './service-score';

/**
 * The monthly scorecard (issue 8 "People and contractors", published on `scoring.scorecards.v1`):
 * for a technician, a team or a contractor, the month's complaint points and satisfaction-streak
 * points, the weighted service score where a questionnaire provides it, a technician's
 * piece-rate pay and a contractor's rating with its phase-out flag — each with its arithmetic
 * lines. It names its subject by id only: no names or phone numbers anywhere.
 */

export const SUBJECT_KINDS = ['technician', 'team', 'contractor'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export interface ScorecardSubject {
  kind: SubjectKind;
  id: string;
}

export interface ScorecardInput {
  subject: ScorecardSubject;
  month: Month;
  /** Orders the subject completed in the month (the zero-complaint reward needs work). */
  ordersCompleted: number;
  /** Complaints held against the subject in the month. */
  complaints: readonly PeriodComplaint[];
  /** Monthly satisfaction from the subject's first scored month up to this one (later months are ignored). */
  satisfactionHistory: readonly MonthlySatisfaction[];
  /** Source 004's questionnaire for the month, when one was taken. */
  questionnaire?: Questionnaire;
  /** The service grades of earlier months (for source 004's unqualified-in-a-row penalty). */
  serviceGradeHistory?: readonly { month: Month; grade: ServiceGrade }[];
  /** Technicians only: post wage, the month's orders and single bonuses and penalties. */
  pay?: Omit<PayInput, 'qualityGrade'>;
  /** Contractors only: the month's counters of each of its crews. */
  crews?: readonly CrewMonthKpis[];
  /** Contractors only: the grades of earlier months (for the phase-out flag). */
  ratingHistory?: readonly { month: Month; grade: ServiceGrade | null }[];
}

export interface Scorecard {
  subject: ScorecardSubject;
  month: Month;
  satisfaction: { score: number | null; callbackRatio: number | null; standing: MonthStanding; goodRun: number; poorRun: number };
  points: { complaints: number; complaintCount: number; streak: number; total: number };
  service: { total: number; grade: ServiceGrade; satisfied: boolean; parts: Partial<Record<ServicePart, number>>; missingParts: ServicePart[]; unqualifiedPenalty: UnqualifiedPenalty } | null;
  /** Technicians: the grade their unit prices were taken at, and why. */
  pay: { qualityGrade: QualityGrade; qualityGradeFrom: 'service-score' | 'satisfaction' | 'default'; postWageFen: number; pieceWageFen: number; adjustmentsFen: number; totalFen: number } | null;
  rating: { score: number | null; grade: ServiceGrade | null; phaseOut: boolean; weakestRun: number } | null;
  /** Every line, grouped by section in this order. */
  lines: { section: ScorecardSection; line: ArithmeticLine }[];
}

export type ScorecardSection = 'pay' | 'complaints' | 'streak' | 'service' | 'rating';

export interface ScorecardRules {
  pay: PieceRatePay;
  complaints: ComplaintPointsRule;
  streaks: SatisfactionStreaks;
  service: ServiceScoring;
  rating: ContractorRatingRule;
}

/** Ids as the contracts allow them, and never a phone number (seven digits in a row or more). */
const SUBJECT_ID = /^[A-Za-z0-9._:/-]{1,64}$/;
const PHONE_LIKE = /\d{7,}/;

export class ScorecardInputError extends Error {}

/** When no questionnaire was taken, the month's satisfaction gives the quality grade; with neither, `qualified` (no evidence either way). */
export const DEFAULT_QUALITY_GRADE: QualityGrade = 'qualified';

/** Builds one subject's monthly scorecard from the month's inputs; the rules default to the sources' tables. */
export class ScorecardBuilder {
  readonly rules: ScorecardRules;

  constructor(rules: Partial<ScorecardRules> = {}) {
    this.rules = {
      pay: rules.pay ?? new PieceRatePay(),
      complaints: rules.complaints ?? new ComplaintPointsRule(),
      streaks: rules.streaks ?? new SatisfactionStreaks(),
      service: rules.service ?? new ServiceScoring(),
      rating: rules.rating ?? new ContractorRatingRule(),
    };
  }

  build(input: ScorecardInput): Scorecard {
    const { subject, month } = input;
    assertMonth(month);
    if (!SUBJECT_ID.test(subject.id) || PHONE_LIKE.test(subject.id)) throw new ScorecardInputError(`subject id must be an id (letters, digits, . _ : / -, no phone number), got "${subject.id}"`);
    if (input.pay && subject.kind !== 'technician') throw new ScorecardInputError(`piece-rate pay is for technicians, not a ${subject.kind}`);
    if (input.crews && subject.kind !== 'contractor') throw new ScorecardInputError(`crew KPIs rate a contractor, not a ${subject.kind}`);
    if (!(Number.isInteger(input.ordersCompleted) && input.ordersCompleted >= 0)) throw new ScorecardInputError(`ordersCompleted must be a whole number ≥ 0, got ${input.ordersCompleted}`);

    const lines: Scorecard['lines'] = [];
    const add = (section: ScorecardSection, ls: readonly ArithmeticLine[]) => ls.forEach((l) => lines.push({ section, line: l }));

    const thisMonth = input.satisfactionHistory.find((h) => h.month === month);
    const streak = this.rules.streaks.pointsFor(input.satisfactionHistory, month);
    const complaints = this.rules.complaints.score(input.complaints, input.ordersCompleted);
    const serviceScore = input.questionnaire ? this.rules.service.score(input.questionnaire) : null;

    let pay: Scorecard['pay'] = null;
    if (input.pay) {
      const grade = this.qualityGrade(serviceScore?.grade, thisMonth?.satisfactionScore ?? null);
      const p = this.rules.pay.pay({ ...input.pay, qualityGrade: grade.grade });
      pay = { qualityGrade: grade.grade, qualityGradeFrom: grade.from, postWageFen: p.postWageFen, pieceWageFen: p.pieceWageFen, adjustmentsFen: p.adjustmentsFen, totalFen: p.totalFen };
      add('pay', p.lines);
    }
    add('complaints', complaints.lines);
    add('streak', streak.lines);
    if (serviceScore) add('service', serviceScore.lines);

    let rating: Scorecard['rating'] = null;
    if (subject.kind === 'contractor') {
      const r = this.rules.rating.rate(subject.id, month, input.crews ?? []);
      const history = [...(input.ratingHistory ?? []).filter((h) => h.month !== month), { month, grade: r.grade }];
      const phaseOut = this.rules.rating.phaseOut(history, month);
      rating = { score: r.score, grade: r.grade, phaseOut: phaseOut.flagged, weakestRun: phaseOut.weakestRun };
      add('rating', r.lines);
    }

    return {
      subject: { kind: subject.kind, id: subject.id },
      month,
      satisfaction: { score: thisMonth?.satisfactionScore ?? null, callbackRatio: thisMonth?.callbackRatio ?? null, standing: streak.standing, goodRun: streak.goodRun, poorRun: streak.poorRun },
      points: { complaints: complaints.points, complaintCount: complaints.complaints, streak: streak.points, total: complaints.points + streak.points },
      service: serviceScore && {
        total: serviceScore.total,
        grade: serviceScore.grade,
        satisfied: serviceScore.satisfied,
        parts: serviceScore.parts,
        missingParts: serviceScore.missingParts,
        unqualifiedPenalty: unqualifiedPenalty([...(input.serviceGradeHistory ?? []).filter((h) => h.month < month), { month, grade: serviceScore.grade }]),
      },
      pay,
      rating,
      lines,
    };
  }

  /** The grade unit prices are taken at: the month's service score, else its satisfaction on the same bands, else the default. */
  private qualityGrade(serviceGrade: ServiceGrade | undefined, satisfaction: number | null): { grade: QualityGrade; from: 'service-score' | 'satisfaction' | 'default' } {
    if (serviceGrade) return { grade: serviceGrade, from: 'service-score' };
    if (satisfaction !== null) return { grade: gradeOf(satisfaction, this.rules.service.policy), from: 'satisfaction' };
    return { grade: DEFAULT_QUALITY_GRADE, from: 'default' };
  }
}
