import { DEFAULT_STREAK_POLICY, SatisfactionStreaks, StreakConfigError, type MonthlySatisfaction } from './satisfaction-streaks';
import { nextMonth } from './scorecard-line';

const GOOD = { satisfactionScore: 95, callbackRatio: 1 };
const POOR = { satisfactionScore: 85, callbackRatio: 1 };
type Standing = Omit<MonthlySatisfaction, 'month'>;

/** Consecutive months from `from`, one per standing. */
const history = (from: string, ...months: Standing[]): MonthlySatisfaction[] => {
  let m = from;
  return months.map((s) => {
    const entry = { month: m, ...s };
    m = nextMonth(m);
    return entry;
  });
};
/** The points of every month of the history, in order. */
const pointsByMonth = (streaks: SatisfactionStreaks, h: MonthlySatisfaction[]) => h.map((m) => streaks.pointsFor(h, m.month).points);

describe('satisfaction streaks (source 000 客户满意度考核机制)', () => {
  const streaks = new SatisfactionStreaks();

  it('classifies a month: ≥ 90 with every order called back is good, < 90 is poor whatever the callbacks', () => {
    expect(streaks.standing({ satisfactionScore: 90, callbackRatio: 1 })).toBe('good');
    expect(streaks.standing({ satisfactionScore: 89.99, callbackRatio: 1 })).toBe('poor');
    expect(streaks.standing({ satisfactionScore: 70, callbackRatio: 0.5 })).toBe('poor');
    expect(streaks.standing({ satisfactionScore: 100, callbackRatio: 0.99 })).toBe('neither');
    expect(streaks.standing({ satisfactionScore: 100, callbackRatio: null })).toBe('neither');
    expect(streaks.standing({ satisfactionScore: null, callbackRatio: null })).toBe('unmeasured');
  });

  it('pays +5 in the 3rd good month in a row and nothing before it', () => {
    const h = history('2026-01', GOOD, GOOD, GOOD);
    expect(pointsByMonth(streaks, h)).toEqual([0, 0, 5]);
    expect(streaks.pointsFor(h, '2026-03')).toMatchObject({ standing: 'good', goodRun: 3, lines: [{ code: 'streak:good:3', amount: 5 }] });
  });

  it('makes a 6-month streak worth +10 in all: 6 replaces 3, so month 6 pays +10 less the +5 of month 3', () => {
    const h = history('2026-01', GOOD, GOOD, GOOD, GOOD, GOOD, GOOD);
    expect(pointsByMonth(streaks, h)).toEqual([0, 0, 5, 0, 0, 5]);
    expect(streaks.pointsFor(h, '2026-06').lines.map((l) => [l.code, l.amount])).toEqual([
      ['streak:good:6', 10],
      ['streak:good:6:already-paid', -5],
    ]);
  });

  it('starts a new cycle after 6 months: a year of good months earns +20', () => {
    const h = history('2026-01', ...Array<Standing>(12).fill(GOOD));
    expect(pointsByMonth(streaks, h)).toEqual([0, 0, 5, 0, 0, 5, 0, 0, 5, 0, 0, 5]);
  });

  it('costs −8 in the 3rd month below 90 in a row, −15 in all at the 6th', () => {
    const h = history('2026-01', POOR, POOR, POOR, POOR, POOR, POOR);
    expect(pointsByMonth(streaks, h)).toEqual([0, 0, -8, 0, 0, -7]);
    expect(streaks.pointsFor(h, '2026-06').lines.map((l) => [l.code, l.amount])).toEqual([
      ['streak:poor:6', -15],
      ['streak:poor:6:already-paid', 8],
    ]);
  });

  it('is broken by a month with a missed callback, which is neither good nor poor', () => {
    const missedCallback = { satisfactionScore: 96, callbackRatio: 0.98 };
    const h = history('2026-01', GOOD, GOOD, missedCallback, GOOD, GOOD, GOOD);
    expect(pointsByMonth(streaks, h)).toEqual([0, 0, 0, 0, 0, 5]);
    const p = history('2026-01', POOR, POOR, missedCallback, POOR, POOR);
    expect(pointsByMonth(streaks, p)).toEqual([0, 0, 0, 0, 0]);
  });

  it('is broken by a month of the other kind', () => {
    expect(pointsByMonth(streaks, history('2026-01', GOOD, GOOD, POOR, GOOD, GOOD))).toEqual([0, 0, 0, 0, 0]);
    expect(pointsByMonth(streaks, history('2026-01', POOR, POOR, GOOD, POOR, POOR, POOR))).toEqual([0, 0, 0, 0, 0, -8]);
  });

  it('is broken by a month without surveys and by a month missing from the history', () => {
    const noSurvey = { satisfactionScore: null, callbackRatio: null };
    expect(pointsByMonth(streaks, history('2026-01', GOOD, GOOD, noSurvey, GOOD))).toEqual([0, 0, 0, 0]);
    const gap: MonthlySatisfaction[] = [
      { month: '2026-01', ...GOOD },
      { month: '2026-02', ...GOOD },
      { month: '2026-04', ...GOOD },
    ];
    expect(streaks.pointsFor(gap, '2026-04')).toMatchObject({ goodRun: 1, points: 0 });
    expect(streaks.pointsFor(gap, '2026-03')).toMatchObject({ standing: 'unmeasured', goodRun: 0, points: 0 });
  });

  it('runs across a year end', () => {
    const h = history('2026-11', GOOD, GOOD, GOOD);
    expect(h.map((m) => m.month)).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(streaks.pointsFor(h, '2027-01')).toMatchObject({ goodRun: 3, points: 5 });
  });

  it('judges a month on the months up to it only, whatever follows', () => {
    const h = history('2026-01', GOOD, GOOD, GOOD, POOR);
    expect(streaks.pointsFor(h, '2026-03').points).toBe(5);
    expect(streaks.pointsFor([...h].reverse(), '2026-03').points).toBe(5);
    expect(() => streaks.pointsFor([...h, h[0]!], '2026-03')).toThrow(/appears twice/);
  });

  it('takes tiers from configuration', () => {
    const custom = new SatisfactionStreaks({ ...DEFAULT_STREAK_POLICY, good: [{ months: 2, points: 3 }, { months: 4, points: 8 }, { months: 12, points: 30 }] });
    const h = history('2026-01', ...Array<Standing>(4).fill(GOOD));
    expect(pointsByMonth(custom, h)).toEqual([0, 3, 0, 5]);
  });

  it.each([
    ['tiers that do not grow', { good: [{ months: 3, points: 5 }, { months: 6, points: 5 }] }, /grow in months and in points/],
    ['a reward that costs', { good: [{ months: 3, points: -5 }] }, /positive/],
    ['a penalty that rewards', { poor: [{ months: 3, points: 8 }] }, /negative/],
    ['no tier', { poor: [] }, /at least one tier/],
    ['a callback ratio in percent', { goodMinCallbackRatio: 100 }, /0–1/],
  ])('refuses a policy with %s', (_, patch, message) => {
    expect(() => new SatisfactionStreaks({ ...DEFAULT_STREAK_POLICY, ...patch })).toThrow(StreakConfigError);
    expect(() => new SatisfactionStreaks({ ...DEFAULT_STREAK_POLICY, ...patch })).toThrow(message);
  });
});
