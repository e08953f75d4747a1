import { answeredOutcome, callbackFigures, outcomeOfClosedCallback, type CallbackOutcome } from './callback-figures';
import { CONTRACTOR_5PART, TELECOM_4Q, scoreQuestionnaire, type QuestionnaireDefinition, type QuestionnaireResult } from './questionnaire';

function result(definition: QuestionnaireDefinition, answers: Record<string, number>): QuestionnaireResult {
  const scored = scoreQuestionnaire(definition, answers);
  if (!scored.ok) throw new Error(JSON.stringify(scored.errors));
  return scored.result;
}
const telecom = (c: number, a: number, t: number, s: number) => result(TELECOM_4Q, { contactTimeliness: c, appointmentKeeping: a, technicalLevel: t, serviceAttitude: s });

describe('callback figures', () => {
  // Five resolutions: T-1 satisfied at once; T-2 unsatisfied, reopened, then satisfied; T-3 unreachable; T-4 still open.
  const week: CallbackOutcome[] = [
    answeredOutcome('T-1', 1, telecom(5, 5, 4, 5), 'closed'), // 97.5
    answeredOutcome('T-2', 1, telecom(5, 5, 3, 5), 'reopened'), // 92.5, unsatisfied (a 3)
    answeredOutcome('T-2', 2, telecom(4, 4, 4, 4), 'closed'), // 90, satisfied
    { ticketId: 'T-3', attempt: 1, status: 'unreachable' },
    { ticketId: 'T-4', attempt: 1, status: 'pending' },
  ];

  it('counts 4 callbacks done of 5 resolutions: ratio 80 %, short of the 100 % target', () => {
    expect(callbackFigures(week)).toMatchObject({ resolutions: 5, callbacksDone: 4, pending: 1, notScheduled: 0, callbackRatio: 80, callbackRatioMet: false });
  });

  it('reaches 3 of the 4 customers called (75 %) and satisfies 2 of the 3 who answered (66.67 %, mean score 93.33)', () => {
    expect(callbackFigures(week)).toMatchObject({ answered: 3, unreachable: 1, reachability: 75, satisfied: 2, satisfactionRate: 66.67, meanScore: 93.33 });
  });

  it('gives each question its mean share and its satisfied rate (answers of 4 or 5)', () => {
    expect(callbackFigures(week).perQuestion).toEqual([
      { questionnaire: 'telecom-4q.v1', questionId: 'contactTimeliness', answers: 3, meanPercent: 96.67, satisfiedRate: 100 },
      { questionnaire: 'telecom-4q.v1', questionId: 'appointmentKeeping', answers: 3, meanPercent: 96.67, satisfiedRate: 100 },
      { questionnaire: 'telecom-4q.v1', questionId: 'technicalLevel', answers: 3, meanPercent: 83.33, satisfiedRate: 66.67 },
      { questionnaire: 'telecom-4q.v1', questionId: 'serviceAttitude', answers: 3, meanPercent: 96.67, satisfiedRate: 100 },
    ]);
  });

  it('counts one reopening and no escalation', () => {
    expect(callbackFigures(week)).toMatchObject({ reopens: 1, ticketsReopened: 1, escalatedToManagement: 0 });
  });

  it('meets the 100 % ratio once every resolution’s callback is done, unreachable ones included', () => {
    const done = week.map((o): CallbackOutcome => (o.status === 'pending' ? { ...o, status: 'unreachable' } : o));
    expect(callbackFigures(done)).toMatchObject({ callbackRatio: 100, callbackRatioMet: true, reachability: 60 });
  });

  it('counts a resolution that never got a callback against the ratio', () => {
    expect(callbackFigures([answeredOutcome('T-1', 1, telecom(5, 5, 5, 5), 'closed'), { ticketId: 'T-9', attempt: 1, status: 'not-scheduled' }])).toMatchObject({
      resolutions: 2,
      notScheduled: 1,
      callbackRatio: 50,
      callbackRatioMet: false,
    });
  });

  it('counts every reopening of a ticket reopened twice, the ticket once, and its escalation', () => {
    const loop = [1, 2, 3].map((attempt) => answeredOutcome('T-5', attempt, telecom(2, 2, 2, 2), attempt < 3 ? 'reopened' : 'escalated'));
    expect(callbackFigures(loop)).toMatchObject({ reopens: 2, ticketsReopened: 1, escalatedToManagement: 1, satisfactionRate: 0, meanScore: 50 });
  });

  it('keeps the questions of different questionnaires apart', () => {
    const best5 = { knowledge: 5, problemSolving: 5, attitude: 4, communication: 4, preparation: 4, planning: 4, cooperation: 4, siteRules: 5, schedule: 5, quality: 5, progressReporting: 5, documentTimeliness: 5, documentCompleteness: 5, complaintTimeliness: 5, complaintResult: 5 };
    const figures = callbackFigures([answeredOutcome('T-1', 1, telecom(5, 5, 5, 5), 'closed'), answeredOutcome('P-1', 1, result(CONTRACTOR_5PART, { ...best5, knowledge: 2 }), 'reopened')]);
    expect(figures.perQuestion).toHaveLength(4 + 15);
    expect(figures.perQuestion.find((q) => q.questionId === 'knowledge')).toEqual({ questionnaire: 'contractor-5part.v1', questionId: 'knowledge', answers: 1, meanPercent: 40, satisfiedRate: 0 });
    expect(figures.meanScore).toBe(97.86); // (100 + 95.71) / 2
  });

  it('has no ratios without resolutions or answers', () => {
    expect(callbackFigures([])).toMatchObject({ resolutions: 0, callbackRatio: null, callbackRatioMet: false, reachability: null, satisfactionRate: null, meanScore: null, perQuestion: [] });
  });

  it('computes the figures from callback.closed facts, a resolution still waiting counted as pending', () => {
    const satisfied = { ticketId: 'T1', attempt: 1, status: 'answered' as const, questionnaire: 'telecom-4q.v1', score: 97.5, verdict: 'satisfied' as const, perQuestion: [{ questionId: 'technicalLevel', percent: 90 }], followUp: 'closed' as const };
    const reopened = { ...satisfied, ticketId: 'T2', score: 50, verdict: 'unsatisfied' as const, perQuestion: [{ questionId: 'technicalLevel', percent: 50 }], followUp: 'reopened' as const };
    const unreachable = { ticketId: 'T3', attempt: 1, status: 'unreachable' as const, questionnaire: 'telecom-4q.v1', perQuestion: [] };
    const figures = callbackFigures([...[satisfied, reopened, unreachable].map(outcomeOfClosedCallback), { ticketId: 'T2', attempt: 2, status: 'pending' }]);
    expect(figures).toMatchObject({ resolutions: 4, callbacksDone: 3, pending: 1, callbackRatio: 75, callbackRatioMet: false, reachability: 66.67, satisfactionRate: 50, meanScore: 73.75, reopens: 1 });
    expect(figures.perQuestion).toEqual([{ questionnaire: 'telecom-4q.v1', questionId: 'technicalLevel', answers: 2, meanPercent: 70, satisfiedRate: 50 }]);
  });

  it('refuses an answered fact without its score', () => {
    expect(() => outcomeOfClosedCallback({ ticketId: 'T1', attempt: 1, status: 'answered', questionnaire: 'telecom-4q.v1', perQuestion: [] })).toThrow(/score/);
  });
});
