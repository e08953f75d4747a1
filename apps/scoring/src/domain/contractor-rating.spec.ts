import { ContractorRatingConfigError, ContractorRatingRule, DEFAULT_CONTRACTOR_RATING_POLICY, type CrewMonthKpis } from './contractor-rating';
import type { ServiceGrade } from './service-score';

const crew = (crewId: string, k: Omit<CrewMonthKpis, 'crewId'>): CrewMonthKpis => ({ crewId, ...k });
/** A crew that meets every target: 96 % on time, 92 % first responses, 90 % satisfied, 5 % repeats. */
const onTarget = (crewId: string) => crew(crewId, { completed: 100, completedOnTime: 96, firstResponses: 100, firstResponsesOnTime: 92, surveyed: 50, satisfied: 45, completedRepairs: 60, repeatFaults: 3 });

describe('contractor rating (source 002 外包商评级; issue 8)', () => {
  const rule = new ContractorRatingRule();

  it('adds the crews\' counters before taking rates, so a small crew weighs by its orders', () => {
    const big = crew('K1-A', { completed: 100, completedOnTime: 96, firstResponses: 100, firstResponsesOnTime: 92, surveyed: 50, satisfied: 42, completedRepairs: 60, repeatFaults: 4 });
    const small = crew('K1-B', { completed: 20, completedOnTime: 16, firstResponses: 20, firstResponsesOnTime: 15, surveyed: 10, satisfied: 6, completedRepairs: 15, repeatFaults: 3 });
    const rating = rule.rate('K1', '2026-11', [big, small]);
    // 48 / 60 satisfied = 80 % (the mean of 84 % and 60 % would be 72 %)
    expect(rating.kpis).toEqual({ satisfaction: 80, repairTimeliness: 93.33, firstResponseOnTime: 89.17, repeatReportRate: 9.33 });
    expect(rating.lines.map((l) => [l.code, l.quantity, l.rate, l.amount])).toEqual([
      ['rating:base', 1, 100, 100],
      ['rating:repairTimeliness', 1.67, -2, -3.34],
      ['rating:firstResponseOnTime', 0.83, -1, -0.83],
      ['rating:repeatReportRate', 1.33, -2, -2.66],
    ]);
    expect(rating).toMatchObject({ crews: 2, score: 93.17, grade: 'excellent' });
  });

  it('grades on source 004\'s bands: exactly 90 is qualified, below 70 unqualified', () => {
    // satisfaction 75 %: 5 points short × 2 = −10 → 90
    const at90 = crew('K2-A', { ...onTarget('K2-A'), surveyed: 40, satisfied: 30 });
    expect(rule.rate('K2', '2026-11', [at90])).toMatchObject({ score: 90, grade: 'qualified' });
    // satisfaction 65 %: −30 → 70, still qualified; 64 %: −32 → 68, unqualified
    expect(rule.rate('K2', '2026-11', [{ ...at90, surveyed: 100, satisfied: 65 }])).toMatchObject({ score: 70, grade: 'qualified' });
    expect(rule.rate('K2', '2026-11', [{ ...at90, surveyed: 100, satisfied: 64 }])).toMatchObject({ score: 68, grade: 'unqualified' });
  });

  it('caps each KPI\'s deduction and says so on the line', () => {
    // first responses 60 %: 30 points short, capped at 15 points
    const slow = crew('K3-A', { ...onTarget('K3-A'), firstResponsesOnTime: 60 });
    const rating = rule.rate('K3', '2026-11', [slow]);
    expect(rating.lines[1]).toMatchObject({ code: 'rating:firstResponseOnTime', quantity: 15, rate: -1, amount: -15 });
    expect(rating.lines[1]!.label).toContain('capped at 15 points');
    expect(rating.score).toBe(85);
  });

  it('rates a crew missing every target unqualified', () => {
    const weak = crew('K4-A', { completed: 50, completedOnTime: 40, firstResponses: 50, firstResponsesOnTime: 35, surveyed: 20, satisfied: 12, completedRepairs: 40, repeatFaults: 6 });
    // −30 (timeliness 80 %, capped) −15 (first response 70 %, capped) −40 (satisfaction 60 %) −14 (repeats 15 %)
    expect(rule.rate('K4', '2026-11', [weak])).toMatchObject({ score: 1, grade: 'unqualified' });
  });

  it('takes nothing off for a KPI without a denominator, and gives no grade without completed orders', () => {
    const noSurveys = crew('K5-A', { ...onTarget('K5-A'), surveyed: 0, satisfied: 0 });
    expect(rule.rate('K5', '2026-11', [noSurveys])).toMatchObject({ kpis: { satisfaction: null }, score: 100, grade: 'excellent' });
    const idle = crew('K5-B', { completed: 0, completedOnTime: 0, firstResponses: 0, firstResponsesOnTime: 0, surveyed: 0, satisfied: 0, completedRepairs: 0, repeatFaults: 0 });
    expect(rule.rate('K5', '2026-11', [idle])).toMatchObject({ score: null, grade: null, lines: [] });
    expect(rule.rate('K5', '2026-11', [])).toMatchObject({ crews: 0, score: null, grade: null });
  });

  it('counts a crew listed twice once, and refuses two different counts for one crew or a negative counter', () => {
    expect(rule.rate('K6', '2026-11', [onTarget('K6-A'), onTarget('K6-A')])).toMatchObject({ crews: 1, score: 100 });
    expect(() => rule.rate('K6', '2026-11', [onTarget('K6-A'), { ...onTarget('K6-A'), satisfied: 1 }])).toThrow(/listed twice/);
    expect(() => rule.rate('K6', '2026-11', [{ ...onTarget('K6-A'), repeatFaults: -1 }])).toThrow(/repeatFaults must be a whole number/);
  });
});

describe('phase-out of the weakest contractors', () => {
  const rule = new ContractorRatingRule();
  const h = (...grades: (ServiceGrade | null)[]) => grades.map((grade, i) => ({ month: `2026-0${i + 1}`, grade }));

  it('flags a contractor unqualified for 3 rated months in a row (the default)', () => {
    expect(rule.phaseOut(h('qualified', 'unqualified', 'unqualified'), '2026-03')).toEqual({ flagged: false, weakestRun: 2 });
    expect(rule.phaseOut(h('qualified', 'unqualified', 'unqualified', 'unqualified'), '2026-04')).toEqual({ flagged: true, weakestRun: 3 });
  });

  it('is reset by a better grade, and neither counted nor reset by a month without work', () => {
    expect(rule.phaseOut(h('unqualified', 'unqualified', 'qualified', 'unqualified'), '2026-04')).toEqual({ flagged: false, weakestRun: 1 });
    expect(rule.phaseOut(h('unqualified', null, 'unqualified', 'unqualified'), '2026-04')).toEqual({ flagged: true, weakestRun: 3 });
  });

  it('judges a month on the months up to it', () => {
    const history = h('unqualified', 'unqualified', 'unqualified', 'excellent');
    expect(rule.phaseOut(history, '2026-03').flagged).toBe(true);
    expect(rule.phaseOut(history, '2026-04').flagged).toBe(false);
  });

  it('takes the number of months from configuration', () => {
    const strict = new ContractorRatingRule({ ...DEFAULT_CONTRACTOR_RATING_POLICY, phaseOutAfterMonths: 2 });
    expect(strict.phaseOut(h('unqualified', 'unqualified'), '2026-02').flagged).toBe(true);
  });

  it.each([
    ['zero months', { phaseOutAfterMonths: 0 }, /phaseOutAfterMonths/],
    ['a target above 100 %', { kpis: { ...DEFAULT_CONTRACTOR_RATING_POLICY.kpis, satisfaction: { targetPercent: 180, direction: 'at-least' as const, pointsPerPercent: 2, maxDeduction: 40 } } }, /satisfaction/],
    ['crossed grade thresholds', { unqualifiedBelow: 95 }, /grade thresholds/],
  ])('refuses a policy with %s', (_, patch, message) => {
    expect(() => new ContractorRatingRule({ ...DEFAULT_CONTRACTOR_RATING_POLICY, ...patch })).toThrow(ContractorRatingConfigError);
    expect(() => new ContractorRatingRule({ ...DEFAULT_CONTRACTOR_RATING_POLICY, ...patch })).toThrow(message);
  });
});
