import { DEFAULT_SURVEY_SCORING, SurveyScoring, type SurveyAnswers } from './survey-scoring';

const all = (n: number): SurveyAnswers => ({ contactTimeliness: n, appointmentKeeping: n, technicalLevel: n, serviceAttitude: n });

describe('SurveyScoring', () => {
  const scoring = new SurveyScoring();

  it('gives 100 and satisfied for all 5s', () => {
    expect(scoring.score(all(5))).toEqual({ score: 100, verdict: 'satisfied' });
  });

  it('gives exactly 90 and satisfied for all 4s (90 % each, the threshold itself)', () => {
    expect(scoring.score(all(4))).toEqual({ score: 90, verdict: 'satisfied' });
  });

  it('is unsatisfied with one 3 even when the score is above 90 (every answer must be worth 80 %)', () => {
    expect(scoring.score({ ...all(5), technicalLevel: 3 })).toEqual({ score: 92.5, verdict: 'unsatisfied' });
  });

  it('is unsatisfied below 90 although every answer is worth at least 80 %', () => {
    const policy = { ...DEFAULT_SURVEY_SCORING, satisfiedMinScore: 95 };
    expect(new SurveyScoring(policy).score({ ...all(4), serviceAttitude: 5 })).toEqual({ score: 92.5, verdict: 'unsatisfied' });
  });

  it('values the answers 100/90/70/50/0 %', () => {
    expect([5, 4, 3, 2, 1].map((n) => scoring.score(all(n)).score)).toEqual([100, 90, 70, 50, 0]);
  });

  it('scores the example of the contract at 97.5', () => {
    expect(scoring.score({ contactTimeliness: 5, appointmentKeeping: 4, technicalLevel: 5, serviceAttitude: 5 })).toEqual({ score: 97.5, verdict: 'satisfied' });
  });

  it('weighs the questions by the configured weights', () => {
    const weighted = new SurveyScoring({ ...DEFAULT_SURVEY_SCORING, weights: { contactTimeliness: 3, appointmentKeeping: 1, technicalLevel: 0, serviceAttitude: 0 } });
    // (3 × 100 % + 1 × 50 %) / 4 = 87.5; a zero-weight question does not move the score.
    expect(weighted.score({ contactTimeliness: 5, appointmentKeeping: 2, technicalLevel: 1, serviceAttitude: 1 }).score).toBe(87.5);
    expect(weighted.score({ contactTimeliness: 5, appointmentKeeping: 5, technicalLevel: 1, serviceAttitude: 1 }).score).toBe(100);
  });

  it('still needs every answer at 80 % for satisfied, whatever its weight', () => {
    const weighted = new SurveyScoring({ ...DEFAULT_SURVEY_SCORING, weights: { contactTimeliness: 1, appointmentKeeping: 1, technicalLevel: 1, serviceAttitude: 0 } });
    expect(weighted.score({ ...all(5), serviceAttitude: 1 })).toEqual({ score: 100, verdict: 'unsatisfied' });
  });

  it('takes a configured per-answer threshold', () => {
    const lenient = new SurveyScoring({ ...DEFAULT_SURVEY_SCORING, satisfiedMinAnswerPercent: 70 });
    expect(lenient.score({ ...all(5), technicalLevel: 3 })).toEqual({ score: 92.5, verdict: 'satisfied' });
  });

  it('rounds the score to two decimals', () => {
    const thirds = new SurveyScoring({ ...DEFAULT_SURVEY_SCORING, weights: { contactTimeliness: 1, appointmentKeeping: 1, technicalLevel: 1, serviceAttitude: 0 } });
    expect(thirds.score({ ...all(5), technicalLevel: 4 }).score).toBe(96.67);
  });

  it('refuses weights that are negative or sum to zero, and answers outside 1–5', () => {
    expect(() => new SurveyScoring({ ...DEFAULT_SURVEY_SCORING, weights: { contactTimeliness: -1, appointmentKeeping: 1, technicalLevel: 1, serviceAttitude: 1 } })).toThrow(/weights/);
    expect(() => new SurveyScoring({ ...DEFAULT_SURVEY_SCORING, weights: { contactTimeliness: 0, appointmentKeeping: 0, technicalLevel: 0, serviceAttitude: 0 } })).toThrow(/weights/);
    expect(() => scoring.score({ ...all(5), technicalLevel: 6 })).toThrow(/technicalLevel/);
  });
});
