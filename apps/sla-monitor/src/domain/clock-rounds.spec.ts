import { clockRoundFor, stopBelongsToNextRound } from './clock-rounds';

describe('clock rounds', () => {
  it('starts both clocks in round 1 on acceptance', () => {
    expect(clockRoundFor({ cause: 'accepted' })).toEqual({ round: 1, metrics: ['first-response', 'resolution'] });
  });

  it('starts only a fresh resolution clock, in the next round, on each reopening', () => {
    expect(clockRoundFor({ cause: 'reopened', reopenCount: 1 })).toEqual({ round: 2, metrics: ['resolution'] });
    expect(clockRoundFor({ cause: 'reopened', reopenCount: 2 })).toEqual({ round: 3, metrics: ['resolution'] });
  });

  it('refuses a reopening count below one', () => {
    expect(() => clockRoundFor({ cause: 'reopened', reopenCount: 0 })).toThrow(RangeError);
  });

  it('keeps a later completion for the next resolution round, never a repeat or a first response', () => {
    const stopped = new Date('2026-11-24T10:00:00Z');
    expect(stopBelongsToNextRound('resolution', new Date('2026-11-24T12:00:00Z'), stopped)).toBe(true);
    expect(stopBelongsToNextRound('resolution', stopped, stopped)).toBe(false);
    expect(stopBelongsToNextRound('first-response', new Date('2026-11-24T12:00:00Z'), stopped)).toBe(false);
    expect(stopBelongsToNextRound('resolution', stopped, null)).toBe(false);
  });
});
