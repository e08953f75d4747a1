import { assertMonth, line, nextMonth, type ArithmeticLine, type Month } from './scorecard-line';

/**
 * Satisfaction streaks (domain.md §6, source 000 "客户满意度考核机制"): 3 consecutive months with
 * satisfaction ≥ 90 and a callback ratio of 100 % earn +5, 6 months +10; 3 consecutive months
 * below 90 cost −8, 6 months −15.
 *
 * How a streak counts (ADR 0019):
 * - A month is **good** when its satisfaction is ≥ 90 and its callback ratio is 100 %; **poor**
 *   when its satisfaction is < 90 (the callback ratio does not matter); **neither** when it is
 *   ≥ 90 but not every order was called back; **unmeasured** without any survey, or when the
 *   month is missing from the history.
 * - A good streak is a run of good months in consecutive calendar months (across a year end);
 *   any other month breaks it. Likewise for poor streaks. Neither, unmeasured and the other
 *   kind's months break a streak.
 * - **6 replaces 3**: a 6-month streak is worth the 6-month points in all, not both tiers. The
 *   points are paid in the month a tier is reached and never taken back: +5 in month 3, and in
 *   month 6 the +10 less the +5 already paid (−8 in month 3, −15 less −8 in month 6).
 * - After its longest tier a streak starts a new cycle: the 9th good month in a row pays +5
 *   again, the 12th the rest of +10, and so on.
 */

export interface StreakTier {
  months: number;
  points: number;
}

export interface StreakPolicy {
  /** A month is good at or above and poor below this satisfaction score (source 000: 90). */
  satisfactionThreshold: number;
  /** A good month also needs at least this callback ratio, 0–1 (source 000: 100 %). */
  goodMinCallbackRatio: number;
  /** Rewards by streak length, shortest first (source 000: 3 → +5, 6 → +10). */
  good: readonly StreakTier[];
  /** Penalties by streak length, shortest first (source 000: 3 → −8, 6 → −15). */
  poor: readonly StreakTier[];
}

export const DEFAULT_STREAK_POLICY: StreakPolicy = {
  satisfactionThreshold: 90,
  goodMinCallbackRatio: 1,
  good: [
    { months: 3, points: 5 },
    { months: 6, points: 10 },
  ],
  poor: [
    { months: 3, points: -8 },
    { months: 6, points: -15 },
  ],
};

export class StreakConfigError extends Error {}

/** Throws a StreakConfigError unless thresholds lie in range and tiers grow in months and points (rewards positive, penalties negative). */
export function validateStreakPolicy(p: StreakPolicy): StreakPolicy {
  if (!(p.satisfactionThreshold >= 0 && p.satisfactionThreshold <= 100)) throw new StreakConfigError(`the satisfaction threshold must lie in 0–100, got ${p.satisfactionThreshold}`);
  if (!(p.goodMinCallbackRatio >= 0 && p.goodMinCallbackRatio <= 1)) throw new StreakConfigError(`the callback ratio must lie in 0–1, got ${p.goodMinCallbackRatio}`);
  for (const [kind, tiers, sign] of [['good', p.good, 1], ['poor', p.poor, -1]] as const) {
    if (tiers.length === 0) throw new StreakConfigError(`${kind} streaks need at least one tier`);
    tiers.forEach((t, i) => {
      if (!(Number.isInteger(t.months) && t.months >= 1)) throw new StreakConfigError(`${kind} tier ${i}: months must be a whole number ≥ 1, got ${t.months}`);
      if (!(Number.isInteger(t.points) && t.points * sign > 0)) throw new StreakConfigError(`${kind} tier ${i}: points must be whole and ${sign > 0 ? 'positive' : 'negative'}, got ${t.points}`);
      const prev = tiers[i - 1];
      if (prev && !(t.months > prev.months && t.points * sign > prev.points * sign)) throw new StreakConfigError(`${kind} tiers must grow in months and in points: ${JSON.stringify(tiers)}`);
    });
  }
  return p;
}

/** A subject's month as the KPIs measured it. */
export interface MonthlySatisfaction {
  month: Month;
  /** Satisfied surveys over surveys, 0–100; null: no survey this month. */
  satisfactionScore: number | null;
  /** Orders called back over orders completed, 0–1; null: no order to call back. */
  callbackRatio: number | null;
}

export type MonthStanding = 'good' | 'poor' | 'neither' | 'unmeasured';

export interface StreakResult {
  month: Month;
  standing: MonthStanding;
  /** Length of the good (or poor) run that ends in this month; 0 if the month is not good (poor). */
  goodRun: number;
  poorRun: number;
  points: number;
  lines: ArithmeticLine[];
}

/** Applies the streak rules to a subject's monthly history. */
export class SatisfactionStreaks {
  constructor(readonly policy: StreakPolicy = DEFAULT_STREAK_POLICY) {
    validateStreakPolicy(policy);
  }

  standing(m: Omit<MonthlySatisfaction, 'month'>): MonthStanding {
    if (m.satisfactionScore === null) return 'unmeasured';
    if (m.satisfactionScore < this.policy.satisfactionThreshold) return 'poor';
    return m.callbackRatio !== null && m.callbackRatio >= this.policy.goodMinCallbackRatio ? 'good' : 'neither';
  }

  /**
   * The streak points of `month`. The history must reach back to the subject's first scored
   * month (a run's place in its cycle depends on where it began); months after `month` are ignored.
   */
  pointsFor(history: readonly MonthlySatisfaction[], month: Month): StreakResult {
    assertMonth(month);
    const byMonth = new Map<Month, MonthlySatisfaction>();
    for (const h of history) {
      assertMonth(h.month);
      if (byMonth.has(h.month)) throw new RangeError(`month ${h.month} appears twice in the history`);
      byMonth.set(h.month, h);
    }
    const first = [...byMonth.keys()].filter((m) => m <= month).sort()[0] ?? month;
    let goodRun = 0;
    let poorRun = 0;
    let standing: MonthStanding = 'unmeasured';
    for (let m = first; m <= month; m = nextMonth(m)) {
      const h = byMonth.get(m);
      standing = h ? this.standing(h) : 'unmeasured';
      goodRun = standing === 'good' ? goodRun + 1 : 0;
      poorRun = standing === 'poor' ? poorRun + 1 : 0;
    }
    const lines = standing === 'good' ? this.tierLines('good', goodRun) : standing === 'poor' ? this.tierLines('poor', poorRun) : [];
    return { month, standing, goodRun, poorRun, points: lines.reduce((s, l) => s + l.amount, 0), lines };
  }

  /** The lines of the month a run reaches `run`: a tier reached pays its points less the lower tier already paid in this cycle. */
  private tierLines(kind: 'good' | 'poor', run: number): ArithmeticLine[] {
    const tiers = this.policy[kind];
    const cycle = tiers.at(-1)!.months;
    const place = ((run - 1) % cycle) + 1;
    const i = tiers.findIndex((t) => t.months === place);
    if (i < 0) return [];
    const tier = tiers[i]!;
    const words = kind === 'good' ? `satisfaction ≥ ${this.policy.satisfactionThreshold} with every order called back` : `satisfaction below ${this.policy.satisfactionThreshold}`;
    const lines = [line(`streak:${kind}:${tier.months}`, `${tier.months} consecutive months of ${words}`, 1, tier.points, 'points')];
    const paid = tiers[i - 1];
    if (paid) lines.push(line(`streak:${kind}:${tier.months}:already-paid`, `less the ${paid.months}-month points paid earlier in this streak`, 1, -paid.points, 'points'));
    return lines;
  }
}
