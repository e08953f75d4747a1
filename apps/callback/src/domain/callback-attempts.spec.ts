import { CallbackAttemptLimit, DEFAULT_CALLBACK_MAX_ATTEMPTS } from './callback-attempts';

describe('callback attempt limit (the unsatisfied loop)', () => {
  it('reopens after the first and second unsatisfied surveys and escalates at the third by default', () => {
    const limit = new CallbackAttemptLimit();
    expect(DEFAULT_CALLBACK_MAX_ATTEMPTS).toBe(3);
    expect(limit.afterUnsatisfied(1)).toEqual({ next: 'reopen', attempt: 1 });
    expect(limit.afterUnsatisfied(2)).toEqual({ next: 'reopen', attempt: 2 });
    expect(limit.afterUnsatisfied(3)).toEqual({ next: 'escalate-to-management', attempts: 3 });
  });

  it('escalates past the limit too (a survey beyond it never reopens again)', () => {
    expect(new CallbackAttemptLimit(2).afterUnsatisfied(5)).toEqual({ next: 'escalate-to-management', attempts: 5 });
  });

  it('with a limit of one, escalates the first unsatisfied survey', () => {
    expect(new CallbackAttemptLimit(1).afterUnsatisfied(1)).toEqual({ next: 'escalate-to-management', attempts: 1 });
  });

  it('refuses a limit or attempt that is not a whole number ≥ 1', () => {
    expect(() => new CallbackAttemptLimit(0)).toThrow(RangeError);
    expect(() => new CallbackAttemptLimit(1.5)).toThrow(RangeError);
    expect(() => new CallbackAttemptLimit().afterUnsatisfied(0)).toThrow(RangeError);
  });
});
