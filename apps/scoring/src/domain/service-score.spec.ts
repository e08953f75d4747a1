import {
  DEFAULT_SERVICE_SCORE_POLICY,
  gradeOf,
  levelOfCallbackAnswer,
  ServiceScoreConfigError,
  ServiceScoring,
  unqualifiedPenalty,
  type AnswerLevel,
  type QuestionnaireItem,
} from './service-score';

/** A part of `n` equal items (100 points in all), every one answered `answer`. */
const part = (answer: AnswerLevel, n = 4): QuestionnaireItem[] => Array.from({ length: n }, (_, i) => ({ code: `q${i + 1}`, points: 100 / n, answer }));

describe('weighted service score and grade (source 004 §5.5)', () => {
  const scoring = new ServiceScoring();

  it('weights pre-service 20 %, in-service 50 %, post-service 30 %', () => {
    // pre all "average" (70), in all "satisfied" (100), post all "fairly satisfied" (90): 14 + 50 + 27 = 91
    const result = scoring.score({ parts: { 'pre-service': part('average'), 'in-service': part('satisfied'), 'post-service': part('fairly-satisfied') } });
    expect(result.parts).toEqual({ 'pre-service': 70, 'in-service': 100, 'post-service': 90 });
    expect(result.lines.map((l) => [l.code, l.quantity, l.rate, l.amount])).toEqual([
      ['service:pre-service', 70, 0.2, 14],
      ['service:in-service', 100, 0.5, 50],
      ['service:post-service', 90, 0.3, 27],
    ]);
    expect(result.total).toBe(91);
    expect(result.grade).toBe('excellent');
    // 91 ≥ 90 overall, but the pre-service part is below 80: not a "satisfied" project.
    expect(result.satisfied).toBe(false);
  });

  it('credits each answer 100 / 90 / 70 / 50 % of its item, and an unsatisfied one nothing', () => {
    const items: QuestionnaireItem[] = [
      { code: 'a', points: 40, answer: 'satisfied' },
      { code: 'b', points: 30, answer: 'fairly-satisfied' },
      { code: 'c', points: 20, answer: 'average' },
      { code: 'd', points: 10, answer: 'acceptable' },
    ];
    // 40 + 27 + 14 + 5 = 86
    expect(scoring.score({ parts: { 'in-service': items } }).parts['in-service']).toBe(86);
    expect(scoring.score({ parts: { 'in-service': [...items.slice(0, 3), { code: 'd', points: 10, answer: 'unsatisfied' }] } }).parts['in-service']).toBe(81);
  });

  it('grades < 70 unqualified, 70 to 90 qualified (both ends), > 90 excellent', () => {
    expect([gradeOf(69.99), gradeOf(70), gradeOf(90), gradeOf(90.01)]).toEqual(['unqualified', 'qualified', 'qualified', 'excellent']);
  });

  it('calls a project satisfied at exactly 90 overall with every part at 80 or more', () => {
    // every part "fairly satisfied": 90 each, 90 overall — qualified, and satisfied.
    const result = scoring.score({ parts: { 'pre-service': part('fairly-satisfied'), 'in-service': part('fairly-satisfied'), 'post-service': part('fairly-satisfied') } });
    expect(result.total).toBe(90);
    expect(result.grade).toBe('qualified');
    expect(result.satisfied).toBe(true);
  });

  it('scores an item with a serious problem below zero, and takes the overall deduction off the total', () => {
    // in-service: three satisfied items of 25 and one with a serious problem (−10): (75 − 10) / 100 = 65
    const inService: QuestionnaireItem[] = [...part('satisfied', 4).slice(0, 3), { code: 'q4', points: 25, answer: 'satisfied', seriousProblemDeduction: 10 }];
    const result = scoring.score({ parts: { 'pre-service': part('satisfied'), 'in-service': inService, 'post-service': part('satisfied') }, overallDeduction: 5 });
    expect(result.parts['in-service']).toBe(65);
    // 20 + 32.5 + 30 − 5 = 77.5
    expect(result.lines.at(-1)).toMatchObject({ code: 'service:serious-problems', quantity: 1, rate: -5, amount: -5 });
    expect(result.total).toBe(77.5);
    expect(result.grade).toBe('qualified');
  });

  it('refuses deductions outside source 004\'s bounds (items 5–10, overall 5–20)', () => {
    const withItem = (d: number) => ({ parts: { 'in-service': [{ code: 'x', points: 100, answer: 'satisfied' as const, seriousProblemDeduction: d }] } });
    expect(() => scoring.score(withItem(4))).toThrow(/costs 5–10 points, got 4/);
    expect(scoring.score(withItem(5)).parts['in-service']).toBe(-5);
    expect(() => scoring.score({ parts: { 'in-service': part('satisfied') }, overallDeduction: 25 })).toThrow(/0 or 5–20, got 25/);
  });

  it('spreads the weights over the parts a questionnaire provides, and says which are missing', () => {
    // in-service 100 and post-service 70, weighted 50 : 30 → 62.5 + 26.25 = 88.75
    const result = scoring.score({ parts: { 'in-service': part('satisfied'), 'post-service': part('average') } });
    expect(result.missingParts).toEqual(['pre-service']);
    expect(result.lines.map((l) => l.rate)).toEqual([0.625, 0.375]);
    expect(result.total).toBe(88.75);
    expect(() => scoring.score({ parts: {} })).toThrow(/at least one part/);
  });

  it('refuses an answer that is not a level', () => {
    expect(() => scoring.score({ parts: { 'in-service': [{ code: 'x', points: 100, answer: 'delighted' as AnswerLevel }] } })).toThrow(/unknown answer delighted/);
  });

  it('reads the callback survey\'s 1–5 answers as levels', () => {
    expect([5, 4, 3, 2, 1].map(levelOfCallbackAnswer)).toEqual(['satisfied', 'fairly-satisfied', 'average', 'acceptable', 'unsatisfied']);
    expect(() => levelOfCallbackAnswer(0)).toThrow(RangeError);
  });

  it.each([
    ['weights that do not sum to 100', { partWeights: { 'pre-service': 20, 'in-service': 50, 'post-service': 20 } }, /sum to 100/],
    ['a worse answer worth more', { answerCredit: { ...DEFAULT_SERVICE_SCORE_POLICY.answerCredit, average: 0.95 } }, /better answer/],
    ['crossed grade thresholds', { excellentAbove: 60 }, /grade thresholds/],
  ])('refuses a policy with %s', (_, patch, message) => {
    expect(() => new ServiceScoring({ ...DEFAULT_SERVICE_SCORE_POLICY, ...patch })).toThrow(ServiceScoreConfigError);
    expect(() => new ServiceScoring({ ...DEFAULT_SERVICE_SCORE_POLICY, ...patch })).toThrow(message);
  });
});

describe('unqualified results in a row (source 004 §5.5.4)', () => {
  it('flags two unqualified months in a row, and three as the heavier case', () => {
    expect(unqualifiedPenalty([{ month: '2026-09', grade: 'qualified' }, { month: '2026-10', grade: 'unqualified' }])).toBe('none');
    expect(unqualifiedPenalty([{ month: '2026-10', grade: 'unqualified' }, { month: '2026-11', grade: 'unqualified' }])).toBe('two-in-a-row');
    expect(unqualifiedPenalty([{ month: '2026-11', grade: 'unqualified' }, { month: '2026-09', grade: 'unqualified' }, { month: '2026-10', grade: 'unqualified' }])).toBe('three-in-a-row');
  });

  it('flags two in one year that are not in a row, but not two across a year end', () => {
    expect(unqualifiedPenalty([{ month: '2026-03', grade: 'unqualified' }, { month: '2026-04', grade: 'qualified' }, { month: '2026-11', grade: 'unqualified' }])).toBe('two-in-a-year');
    expect(unqualifiedPenalty([{ month: '2025-11', grade: 'unqualified' }, { month: '2026-02', grade: 'unqualified' }])).toBe('none');
    // a year end does not break a row
    expect(unqualifiedPenalty([{ month: '2025-12', grade: 'unqualified' }, { month: '2026-01', grade: 'unqualified' }])).toBe('two-in-a-row');
  });

  it('is nothing when the last result is not unqualified', () => {
    expect(unqualifiedPenalty([{ month: '2026-10', grade: 'unqualified' }, { month: '2026-11', grade: 'unqualified' }, { month: '2026-12', grade: 'excellent' }])).toBe('none');
    expect(unqualifiedPenalty([])).toBe('none');
  });
});
