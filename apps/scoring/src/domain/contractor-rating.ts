import { assertMonth, line, roundTo, type ArithmeticLine, type Month } from './scorecard-line';
import { gradeOf, SERVICE_GRADES, type ServiceGrade } from './service-score';

/**
 * Contractor rating (domain.md §3 and §6, source 002 "制定外包商评级管理办法 … 逐步实现弱者淘汰";
 * issue 8): each month a contractor is graded from its crews' KPIs, and a contractor with the
 * weakest grade for a configurable number of rated months in a row is flagged for phase-out.
 *
 * The score starts at 100 and loses points for every percentage point a KPI misses its target by,
 * up to a cap per KPI ("扣分制"); the grade uses source 004's bands (> 90 excellent, 70–90
 * qualified, < 70 unqualified). The crews' counters are added up before any rate is taken, so a
 * rate is weighted by each crew's orders.
 */

/** One crew's counters for the month (from the KPI record; no names). */
export interface CrewMonthKpis {
  crewId: string;
  completed: number;
  /** Completed within the resolution limit (repair timeliness). */
  completedOnTime: number;
  firstResponses: number;
  firstResponsesOnTime: number;
  surveyed: number;
  satisfied: number;
  completedRepairs: number;
  repeatFaults: number;
}

type CrewCounter = Exclude<keyof CrewMonthKpis, 'crewId'>;
const COUNTERS: readonly CrewCounter[] = ['completed', 'completedOnTime', 'firstResponses', 'firstResponsesOnTime', 'surveyed', 'satisfied', 'completedRepairs', 'repeatFaults'];

export const CONTRACTOR_KPIS = ['satisfaction', 'repairTimeliness', 'firstResponseOnTime', 'repeatReportRate'] as const;
export type ContractorKpi = (typeof CONTRACTOR_KPIS)[number];

export interface KpiTarget {
  /** Target in percent; `at-least` KPIs miss it below, `at-most` KPIs above. */
  targetPercent: number;
  direction: 'at-least' | 'at-most';
  /** Points lost per percentage point missed… */
  pointsPerPercent: number;
  /** …up to this many points. */
  maxDeduction: number;
}

export interface ContractorRatingPolicy {
  kpis: Record<ContractorKpi, KpiTarget>;
  excellentAbove: number;
  unqualifiedBelow: number;
  /** Flag for phase-out after this many rated months in a row at the weakest grade. */
  phaseOutAfterMonths: number;
}

/**
 * Defaults: satisfaction ≥ 80 % is source 002's target; repair timeliness 95 % and repeat reports
 * ≤ 8 % sit at the levels 002 reports (93.89–97.43 %, 7.42–8.15 %); first response on time 90 %.
 * The deduction rates and caps are placeholders for the operator's rating rules (caps sum to 100).
 */
export const DEFAULT_CONTRACTOR_RATING_POLICY: ContractorRatingPolicy = {
  kpis: {
    satisfaction: { targetPercent: 80, direction: 'at-least', pointsPerPercent: 2, maxDeduction: 40 },
    repairTimeliness: { targetPercent: 95, direction: 'at-least', pointsPerPercent: 2, maxDeduction: 30 },
    firstResponseOnTime: { targetPercent: 90, direction: 'at-least', pointsPerPercent: 1, maxDeduction: 15 },
    repeatReportRate: { targetPercent: 8, direction: 'at-most', pointsPerPercent: 2, maxDeduction: 15 },
  },
  excellentAbove: 90,
  unqualifiedBelow: 70,
  phaseOutAfterMonths: 3,
};

export class ContractorRatingConfigError extends Error {}

/** Throws a ContractorRatingConfigError naming the first setting out of range; returns the policy. */
export function validateContractorRatingPolicy(p: ContractorRatingPolicy): ContractorRatingPolicy {
  for (const kpi of CONTRACTOR_KPIS) {
    const t = p.kpis[kpi];
    if (!(t.targetPercent >= 0 && t.targetPercent <= 100 && t.pointsPerPercent >= 0 && t.maxDeduction >= 0)) {
      throw new ContractorRatingConfigError(`${kpi}: target must lie in 0–100 and the deduction rate and cap be ≥ 0, got ${JSON.stringify(t)}`);
    }
  }
  if (!(p.unqualifiedBelow >= 0 && p.excellentAbove >= p.unqualifiedBelow && p.excellentAbove <= 100)) throw new ContractorRatingConfigError(`grade thresholds need 0 ≤ unqualifiedBelow ≤ excellentAbove ≤ 100`);
  if (!(Number.isInteger(p.phaseOutAfterMonths) && p.phaseOutAfterMonths >= 1)) throw new ContractorRatingConfigError(`phaseOutAfterMonths must be a whole number ≥ 1, got ${p.phaseOutAfterMonths}`);
  return p;
}

export interface ContractorRating {
  contractorId: string;
  month: Month;
  crews: number;
  /** Each KPI in percent to two decimals; null without a denominator (not measured, no deduction). */
  kpis: Record<ContractorKpi, number | null>;
  /** null: no order completed this month, so no grade. */
  score: number | null;
  grade: ServiceGrade | null;
  lines: ArithmeticLine[];
}

const WEAKEST: ServiceGrade = SERVICE_GRADES.at(-1)!;
const percent = (part: number, whole: number): number | null => (whole > 0 ? roundTo((part / whole) * 100, 2) : null);

/** Grades a contractor's month and decides its phase-out flag (see the module comment). */
export class ContractorRatingRule {
  constructor(readonly policy: ContractorRatingPolicy = DEFAULT_CONTRACTOR_RATING_POLICY) {
    validateContractorRatingPolicy(policy);
  }

  /** Rates a contractor's month from its crews' counters (a crew listed twice with the same counters is counted once). */
  rate(contractorId: string, month: Month, crews: readonly CrewMonthKpis[]): ContractorRating {
    assertMonth(month);
    const unique = new Map<string, CrewMonthKpis>();
    for (const c of crews) {
      const bad = COUNTERS.find((k) => !(Number.isInteger(c[k]) && c[k] >= 0));
      if (bad) throw new RangeError(`crew ${c.crewId}: ${bad} must be a whole number ≥ 0, got ${c[bad]}`);
      const seen = unique.get(c.crewId);
      if (seen && COUNTERS.some((k) => seen[k] !== c[k])) throw new RangeError(`crew ${c.crewId} is listed twice with different counters`);
      unique.set(c.crewId, c);
    }
    const sum = (k: CrewCounter) => [...unique.values()].reduce((s, c) => s + c[k], 0);
    const kpis: Record<ContractorKpi, number | null> = {
      satisfaction: percent(sum('satisfied'), sum('surveyed')),
      repairTimeliness: percent(sum('completedOnTime'), sum('completed')),
      firstResponseOnTime: percent(sum('firstResponsesOnTime'), sum('firstResponses')),
      repeatReportRate: percent(sum('repeatFaults'), sum('completedRepairs')),
    };
    if (sum('completed') === 0) return { contractorId, month, crews: unique.size, kpis, score: null, grade: null, lines: [] };
    const lines: ArithmeticLine[] = [line('rating:base', 'starting score', 1, 100, 'points', 2)];
    for (const kpi of CONTRACTOR_KPIS) {
      const actual = kpis[kpi];
      if (actual === null) continue;
      const t = this.policy.kpis[kpi];
      const missedBy = roundTo(Math.max(0, t.direction === 'at-least' ? t.targetPercent - actual : actual - t.targetPercent), 2);
      if (missedBy === 0 || t.pointsPerPercent === 0) continue;
      // Capped: the line's quantity stops where the cap is reached, so quantity × rate still equals the amount.
      const counted = Math.min(missedBy, roundTo(t.maxDeduction / t.pointsPerPercent, 2));
      const capped = counted < missedBy ? ` (capped at ${t.maxDeduction} points)` : '';
      lines.push(line(`rating:${kpi}`, `${kpi} ${actual} % against ${t.direction} ${t.targetPercent} %: percentage points missed${capped}`, counted, -t.pointsPerPercent, 'points', 2));
    }
    const score = roundTo(Math.max(0, lines.reduce((s, l) => s + l.amount, 0)), 2);
    return { contractorId, month, crews: unique.size, kpis, score, grade: gradeOf(score, this.policy), lines };
  }

  /**
   * Whether the contractor is flagged for phase-out at `month`: its last `phaseOutAfterMonths`
   * rated months up to `month`, with no better grade between them, are all at the weakest grade.
   * A month without a grade (no work) neither counts nor breaks the run.
   */
  phaseOut(history: readonly { month: Month; grade: ServiceGrade | null }[], month: Month): { flagged: boolean; weakestRun: number } {
    assertMonth(month);
    const rated = history
      .filter((h) => h.grade !== null && h.month <= month)
      .sort((a, b) => a.month.localeCompare(b.month));
    let weakestRun = 0;
    for (let i = rated.length - 1; i >= 0 && rated[i]!.grade === WEAKEST; i--) weakestRun++;
    return { flagged: weakestRun >= this.policy.phaseOutAfterMonths, weakestRun };
  }
}
