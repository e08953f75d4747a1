import { priorityAfterReopening, reopenAfterUnsatisfiedSurvey } from './reopen-rule';

describe('reopening after an unsatisfied callback', () => {
  it('reopens an accepted ticket for its first unsatisfied survey with a high priority', () => {
    expect(reopenAfterUnsatisfiedSurvey({ state: 'accepted', reopenCount: 0 }, 1)).toEqual({ reopen: true, reopenCount: 1, priority: 'high' });
  });

  it('reopens again for the next survey, and the priority rises to urgent', () => {
    expect(reopenAfterUnsatisfiedSurvey({ state: 'reopened', reopenCount: 1 }, 2)).toEqual({ reopen: true, reopenCount: 2, priority: 'urgent' });
  });

  it('does not reopen twice for the same survey', () => {
    expect(reopenAfterUnsatisfiedSurvey({ state: 'reopened', reopenCount: 1 }, 1)).toEqual({ reopen: false, why: 'already-reopened-for-this-survey' });
    expect(reopenAfterUnsatisfiedSurvey({ state: 'reopened', reopenCount: 2 }, 1).reopen).toBe(false);
  });

  it('raises the priority with each reopening', () => {
    expect([0, 1, 2, 3].map(priorityAfterReopening)).toEqual(['normal', 'high', 'urgent', 'urgent']);
  });
});
