import { resolutionCodes, surveyAnswerSchema } from '@switchboard/contracts';
import { contactDelayMs, DEFAULT_FIELD_TIMINGS, planFieldVisit, planSurveyReply, realDelayMs, sampleDelay } from './field-behaviour';
import { SeededRandom } from './random';

const MINUTE = 60_000;
const FIRST_RESPONSE_MS = 30 * MINUTE;
const WARNING_MS = 0.8 * FIRST_RESPONSE_MS;

describe('delay sampling', () => {
  it('stays within the range and centres on the median', () => {
    const rng = new SeededRandom('delays');
    const samples = Array.from({ length: 5000 }, () => sampleDelay(rng, { median: 20, min: 5, max: 60 }));
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(5 * MINUTE);
    expect(Math.max(...samples)).toBeLessThanOrEqual(60 * MINUTE);
    const sorted = [...samples].sort((a, b) => a - b);
    const median = sorted[sorted.length / 2]! / MINUTE;
    expect(median).toBeGreaterThan(18);
    expect(median).toBeLessThan(22);
  });

  it('scales simulated time by the speed', () => {
    expect(realDelayMs(60 * MINUTE, 60)).toBe(MINUTE);
    expect(realDelayMs(1000, 1)).toBe(1000);
    expect(realDelayMs(-5, 2)).toBe(0);
  });
});

describe('an engineer in the field', () => {
  const plans = (lateShare: number, n = 4000) => {
    const rng = new SeededRandom('field');
    return Array.from({ length: n }, () => planFieldVisit(rng, 'repair', lateShare));
  };

  it('calls the customer within the first-response warning when on time', () => {
    const onTime = plans(0);
    expect(onTime.every((p) => !p.late && p.acceptAfterMs + p.contactAfterMs < WARNING_MS)).toBe(true);
  });

  it('is occasionally late: past the warning, often past the limit', () => {
    const all = plans(0.12);
    const late = all.filter((p) => p.late);
    expect(late.length / all.length).toBeGreaterThan(0.09);
    expect(late.length / all.length).toBeLessThan(0.15);
    expect(late.every((p) => p.acceptAfterMs + p.contactAfterMs > WARNING_MS)).toBe(true);
    expect(late.filter((p) => p.acceptAfterMs + p.contactAfterMs > FIRST_RESPONSE_MS).length).toBeGreaterThan(late.length / 2);
  });

  it('travels and works for plausible times, longer for installs than for complaints', () => {
    const rng = new SeededRandom('work');
    const mean = (kind: 'install' | 'complaint') => {
      const ps = Array.from({ length: 2000 }, () => planFieldVisit(rng, kind, 0));
      return ps.reduce((s, p) => s + p.completeAfterMs, 0) / ps.length;
    };
    expect(mean('install')).toBeGreaterThan(mean('complaint'));
    for (const p of plans(0.1, 500)) {
      expect(p.arriveAfterMs).toBeGreaterThanOrEqual(DEFAULT_FIELD_TIMINGS.travel.min * MINUTE);
      expect(p.arriveAfterMs).toBeLessThanOrEqual(DEFAULT_FIELD_TIMINGS.travel.max * MINUTE);
      expect(resolutionCodes).toContain(p.resolutionCode);
    }
  });

  it('follows the real first-response clock when it is known, at any speed', () => {
    const now = Date.parse('2026-11-24T02:00:00Z');
    const clock = { warnAtMs: now + WARNING_MS, dueAtMs: now + FIRST_RESPONSE_MS };
    const all = plans(0.5, 2000);
    for (const speed of [1, 60]) {
      const onTime = all.filter((p) => !p.late).map((p) => contactDelayMs(p, now, speed, clock));
      expect(Math.max(...onTime)).toBeLessThan(WARNING_MS);
      const late = all.filter((p) => p.late).map((p) => contactDelayMs(p, now, speed, clock));
      expect(Math.min(...late)).toBeGreaterThan(WARNING_MS);
      const breaches = late.filter((d) => d > FIRST_RESPONSE_MS).length / late.length;
      expect(breaches).toBeGreaterThan(0.5);
      expect(breaches).toBeLessThan(0.8);
    }
  });

  it('scales the planned contact delay by the speed when the clock is unknown', () => {
    const p = plans(0.5, 1)[0]!;
    expect(contactDelayMs(p, 0, 10)).toBe(Math.round(p.contactAfterMs / 10));
  });

  it('repeats for the same seed', () => {
    expect(planFieldVisit(new SeededRandom('t-1'), 'move', 0.1)).toEqual(planFieldVisit(new SeededRandom('t-1'), 'move', 0.1));
  });
});

describe('a customer answering the callback', () => {
  const replies = (wasLate: boolean) => {
    const rng = new SeededRandom(`survey-${wasLate}`);
    return Array.from({ length: 3000 }, () => planSurveyReply(rng, wasLate));
  };

  it('answers the four questions within the contract', () => {
    for (const r of replies(false).slice(0, 300)) {
      const parsed = surveyAnswerSchema.safeParse({ surveyId: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b', answers: r.answers, comment: r.comment, at: '2026-11-24T03:41:00Z' });
      expect(parsed.error?.issues ?? []).toEqual([]);
    }
  });

  it('is mostly satisfied, less so after a late engineer', () => {
    const share = (rs: { pleased: boolean }[]) => rs.filter((r) => r.pleased).length / rs.length;
    expect(share(replies(false))).toBeGreaterThan(0.83);
    expect(share(replies(false))).toBeLessThan(0.93);
    expect(share(replies(true))).toBeLessThan(0.65);
  });

  it('scores high when pleased and marks something down when not', () => {
    const values = (r: { answers: Record<string, number> }) => Object.values(r.answers);
    for (const r of replies(false)) {
      if (r.pleased) expect(Math.min(...values(r))).toBeGreaterThanOrEqual(4);
      else expect(Math.min(...values(r))).toBeLessThanOrEqual(2);
    }
  });
});
