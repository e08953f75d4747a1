import {
  DEFAULT_CALLBACK_POLICY,
  afterNoAnswer,
  checkCallbackPolicy,
  callbackChannelFor,
  chooseChannel,
  firstAttempt,
  hasExpired,
  isInQuietHours,
  outsideQuietHours,
  type CallbackPolicy,
} from './callback-policy';

const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString();
const SHANGHAI = 'Asia/Shanghai';
const policy = DEFAULT_CALLBACK_POLICY;

describe('the default callback policy', () => {
  it('calls back one hour after resolution, by SMS, not between 21:00 and 08:00, three attempts two hours apart, open for seven days', () => {
    expect(policy).toEqual({
      delayAfterResolutionMs: 3_600_000,
      preferredChannel: 'sms',
      quietHours: { start: '21:00', end: '08:00' },
      maxAttempts: 3,
      retrySpacingMs: 7_200_000,
      validityMs: 7 * 86_400_000,
    });
    expect(checkCallbackPolicy(policy, SHANGHAI)).toEqual([]);
  });
});

describe('first attempt', () => {
  it('falls due one hour after a daytime resolution, unmoved', () => {
    // 18:00 in Shanghai → 19:00 local.
    expect(firstAttempt(at('2026-11-24T10:00:00Z'), policy, SHANGHAI)).toEqual({
      dueAt: at('2026-11-24T11:00:00Z'),
      channel: 'sms',
      closesAt: at('2026-12-01T10:00:00Z'),
      deferredForQuietHours: false,
      fallsAfterClose: false,
    });
  });

  it('says when the night carries the first attempt past a short validity window', () => {
    // Resolved 20:30 local, +1 h = 21:30 (quiet) → 08:00 next day, after a 6-hour window closes at 02:30 local.
    expect(firstAttempt(at('2026-11-24T12:30:00Z'), { ...policy, validityMs: 6 * 3_600_000 }, SHANGHAI)).toMatchObject({
      dueAt: at('2026-11-25T00:00:00Z'),
      closesAt: at('2026-11-24T18:30:00Z'),
      fallsAfterClose: true,
    });
  });

  it('is pushed to 08:00 the next morning when the delay ends in the evening', () => {
    // Resolved 21:30 local, +1 h = 22:30 local → 08:00 local on the 25th = 00:00Z.
    const first = firstAttempt(at('2026-11-24T13:30:00Z'), policy, SHANGHAI);
    expect(iso(first.dueAt)).toBe('2026-11-25T00:00:00.000Z');
    expect(first.deferredForQuietHours).toBe(true);
  });

  it('is pushed to 08:00 the same morning when the delay ends before dawn', () => {
    // Resolved 05:30 local on the 24th, +1 h = 06:30 → 08:00 the same day.
    expect(iso(firstAttempt(at('2026-11-23T21:30:00Z'), policy, SHANGHAI).dueAt)).toBe('2026-11-24T00:00:00.000Z');
  });

  it('reads the night on the customer’s clock, not the server’s', () => {
    // 13:00Z is 21:00 in Shanghai (quiet) but 13:00 in London.
    const resolved = at('2026-11-24T12:00:00Z');
    expect(iso(firstAttempt(resolved, policy, SHANGHAI).dueAt)).toBe('2026-11-25T00:00:00.000Z');
    expect(iso(firstAttempt(resolved, policy, 'Europe/London').dueAt)).toBe('2026-11-24T13:00:00.000Z');
  });

  it('sends an email survey at night (an inbox rings nobody)', () => {
    const first = firstAttempt(at('2026-11-24T13:30:00Z'), policy, SHANGHAI, 'email');
    expect(first).toMatchObject({ dueAt: at('2026-11-24T14:30:00Z'), channel: 'email', deferredForQuietHours: false });
  });

  it('puts a phone call after the night too', () => {
    expect(iso(firstAttempt(at('2026-11-24T13:30:00Z'), { ...policy, preferredChannel: 'phone' }, SHANGHAI).dueAt)).toBe('2026-11-25T00:00:00.000Z');
  });

  it('ends the night at 08:00 summer time on the night clocks go forward (Berlin, 29 March 2026)', () => {
    // Resolved 23:00 CET, +1 h = 00:00 CET (quiet); the morning is 08:00 CEST = 06:00Z, not 07:00Z.
    expect(iso(firstAttempt(at('2026-03-28T22:00:00Z'), policy, 'Europe/Berlin').dueAt)).toBe('2026-03-29T06:00:00.000Z');
  });

  it('ends the night at 08:00 standard time on the night clocks go back (New York, 1 November 2026)', () => {
    // Resolved 22:00 EDT, +1 h = 23:00 EDT (quiet); the morning is 08:00 EST = 13:00Z, not 12:00Z.
    expect(iso(firstAttempt(at('2026-11-01T02:00:00Z'), policy, 'America/New_York').dueAt)).toBe('2026-11-01T13:00:00.000Z');
  });
});

describe('quiet hours', () => {
  const night = policy.quietHours;

  it('start at 21:00 and end at 08:00, local time', () => {
    // Shanghai is UTC+8: 21:00 local = 13:00Z, 08:00 local = 00:00Z.
    expect(isInQuietHours(at('2026-11-24T12:59:00Z'), night, SHANGHAI)).toBe(false);
    expect(isInQuietHours(at('2026-11-24T13:00:00Z'), night, SHANGHAI)).toBe(true);
    expect(isInQuietHours(at('2026-11-24T23:59:00Z'), night, SHANGHAI)).toBe(true);
    expect(isInQuietHours(at('2026-11-25T00:00:00Z'), night, SHANGHAI)).toBe(false);
  });

  it('may lie within one day (a lunch break 12:00–14:00)', () => {
    const lunch = { start: '12:00', end: '14:00' };
    expect(isInQuietHours(at('2026-11-24T04:30:00Z'), lunch, SHANGHAI)).toBe(true); // 12:30 local
    expect(iso(outsideQuietHours(at('2026-11-24T04:30:00Z'), lunch, SHANGHAI))).toBe('2026-11-24T06:00:00.000Z');
    expect(isInQuietHours(at('2026-11-24T13:30:00Z'), lunch, SHANGHAI)).toBe(false); // 21:30 local
  });

  it('can be switched off', () => {
    expect(iso(outsideQuietHours(at('2026-11-24T18:00:00Z'), null, SHANGHAI))).toBe('2026-11-24T18:00:00.000Z');
  });
});

describe('after a no-answer', () => {
  const resolvedAt = at('2026-11-24T02:00:00Z'); // 10:00 in Shanghai

  it('retries two hours later, twice, then closes the callback as unreachable at the third', () => {
    const base = { resolvedAt, channel: 'phone' as const };
    expect(afterNoAnswer({ ...base, attemptsMade: 1, lastAttemptAt: at('2026-11-24T03:00:00Z') }, policy, SHANGHAI)).toEqual({
      next: 'retry',
      attempt: 2,
      dueAt: at('2026-11-24T05:00:00Z'),
      deferredForQuietHours: false,
    });
    expect(afterNoAnswer({ ...base, attemptsMade: 2, lastAttemptAt: at('2026-11-24T05:00:00Z') }, policy, SHANGHAI)).toMatchObject({ next: 'retry', attempt: 3, dueAt: at('2026-11-24T07:00:00Z') });
    expect(afterNoAnswer({ ...base, attemptsMade: 3, lastAttemptAt: at('2026-11-24T07:00:00Z') }, policy, SHANGHAI)).toEqual({
      next: 'close-unreachable',
      reason: 'attempt-limit-reached',
      attempts: 3,
      closedAt: at('2026-11-24T07:00:00Z'),
    });
  });

  it('puts a retry that would fall at night to the next morning', () => {
    // No answer at 20:30 local; +2 h = 22:30 → 08:00 on the 25th.
    const next = afterNoAnswer({ resolvedAt, channel: 'sms', attemptsMade: 1, lastAttemptAt: at('2026-11-24T12:30:00Z') }, policy, SHANGHAI);
    expect(next).toEqual({ next: 'retry', attempt: 2, dueAt: at('2026-11-25T00:00:00Z'), deferredForQuietHours: true });
  });

  it('closes as unreachable when the next attempt would fall after the validity window', () => {
    const oneDay: CallbackPolicy = { ...policy, maxAttempts: 10, retrySpacingMs: 6 * 3_600_000, validityMs: 86_400_000 };
    // 20:00 local + 6 h = 02:00 → 08:00 on the 25th (00:00Z), still before the close at 02:00Z.
    expect(afterNoAnswer({ resolvedAt, channel: 'phone', attemptsMade: 1, lastAttemptAt: at('2026-11-24T12:00:00Z') }, oneDay, SHANGHAI)).toMatchObject({ next: 'retry', dueAt: at('2026-11-25T00:00:00Z') });
    // 08:00 local + 6 h = 06:00Z on the 25th, after the close.
    expect(afterNoAnswer({ resolvedAt, channel: 'phone', attemptsMade: 2, lastAttemptAt: at('2026-11-25T00:00:00Z') }, oneDay, SHANGHAI)).toEqual({
      next: 'close-unreachable',
      reason: 'validity-window-elapsed',
      attempts: 2,
      closedAt: at('2026-11-25T02:00:00Z'),
    });
  });

  it('closes when the night alone carries the retry past the window', () => {
    const halfDay: CallbackPolicy = { ...policy, validityMs: 12 * 3_600_000 };
    // No answer at 20:00 local; the morning (00:00Z on the 25th) is after the close at 14:00Z.
    expect(afterNoAnswer({ resolvedAt, channel: 'sms', attemptsMade: 1, lastAttemptAt: at('2026-11-24T12:00:00Z') }, halfDay, SHANGHAI)).toMatchObject({ next: 'close-unreachable', reason: 'validity-window-elapsed' });
  });

  it('refuses an attempt count below one', () => {
    expect(() => afterNoAnswer({ resolvedAt, channel: 'sms', attemptsMade: 0, lastAttemptAt: resolvedAt }, policy, SHANGHAI)).toThrow(RangeError);
  });
});

describe('validity window', () => {
  it('expires seven days after resolution by default', () => {
    const resolvedAt = at('2026-11-24T02:00:00Z');
    expect(hasExpired(resolvedAt, policy, at('2026-12-01T01:59:59Z'))).toBe(false);
    expect(hasExpired(resolvedAt, policy, at('2026-12-01T02:00:00Z'))).toBe(true);
  });
});

describe('policy validation', () => {
  it('names every fault with its field and code', () => {
    const bad: CallbackPolicy = {
      delayAfterResolutionMs: -1,
      preferredChannel: 'fax' as never,
      quietHours: { start: '25:00', end: '8:00' },
      maxAttempts: 0,
      retrySpacingMs: 0,
      validityMs: 0,
    };
    expect(checkCallbackPolicy(bad, 'Mars/Olympus').map((p) => [p.field, p.code])).toEqual([
      ['delayAfterResolutionMs', 'CALLBACK_POLICY.NEGATIVE_DELAY'],
      ['preferredChannel', 'CALLBACK_POLICY.UNKNOWN_CHANNEL'],
      ['quietHours.start', 'CALLBACK_POLICY.BAD_LOCAL_TIME'],
      ['quietHours.end', 'CALLBACK_POLICY.BAD_LOCAL_TIME'],
      ['maxAttempts', 'CALLBACK_POLICY.BAD_ATTEMPT_LIMIT'],
      ['retrySpacingMs', 'CALLBACK_POLICY.BAD_RETRY_SPACING'],
      ['validityMs', 'CALLBACK_POLICY.BAD_VALIDITY'],
      ['timeZone', 'CALLBACK_POLICY.UNKNOWN_TIME_ZONE'],
    ]);
  });

  it('refuses quiet hours that start when they end, and a first attempt after the callback closes', () => {
    const problems = checkCallbackPolicy({ ...policy, quietHours: { start: '22:00', end: '22:00' }, delayAfterResolutionMs: 7 * 86_400_000 });
    expect(problems.map((p) => p.code)).toEqual(['CALLBACK_POLICY.EMPTY_QUIET_HOURS', 'CALLBACK_POLICY.DELAY_OUTLASTS_VALIDITY']);
    expect(problems[1]!.reason).toContain('604800000 ms');
  });
});

describe('channel choice', () => {
  it('uses the preferred channel when the customer can be reached by it', () => {
    expect(chooseChannel('email', { phone: '13800000000', email: 'a@example.com' })).toBe('email');
    expect(chooseChannel('phone', { phone: '13800000000' })).toBe('phone');
  });

  it('falls back to SMS without an email address, to email without a number, and to nothing without either', () => {
    expect(chooseChannel('email', { phone: '13800000000', email: ' ' })).toBe('sms');
    expect(chooseChannel('phone', { email: 'a@example.com' })).toBe('email');
    expect(chooseChannel('sms', { phone: null, email: null })).toBeUndefined();
  });
});

describe('callbackChannelFor', () => {
  const reach = { phone: '+86 571 5550 1234', email: 'li.wei@example.com' };
  it('calls back on the phone when the kind is a phone kind, whatever the customer prefers', () => {
    expect(callbackChannelFor({ phoneKind: true, customerPrefers: 'email', reach })).toBe('phone');
  });
  it('follows the customer\'s preference when they can be reached by it', () => {
    expect(callbackChannelFor({ phoneKind: false, customerPrefers: 'email', reach })).toBe('email');
    expect(callbackChannelFor({ phoneKind: false, customerPrefers: 'phone', reach })).toBe('phone');
  });
  it('falls back to SMS when the preferred email is not known, and sends SMS when nothing is preferred', () => {
    expect(callbackChannelFor({ phoneKind: false, customerPrefers: 'email', reach: { phone: reach.phone } })).toBe('sms');
    expect(callbackChannelFor({ phoneKind: false, reach })).toBe('sms');
    expect(callbackChannelFor({ phoneKind: false, customerPrefers: null, reach: {} })).toBe('sms');
  });
  it('writes to a customer who left only an email', () => {
    expect(callbackChannelFor({ phoneKind: false, reach: { email: reach.email } })).toBe('email');
  });
});
