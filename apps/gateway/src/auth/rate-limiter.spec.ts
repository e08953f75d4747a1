import { ManualClock } from '@switchboard/persistence';
import { KeyRateLimiter } from './rate-limiter';

describe('KeyRateLimiter (per-key requests per minute)', () => {
  it('lets a key make its limit of requests at once, then refuses with the seconds until the next one', () => {
    const clock = new ManualClock('2026-11-25T10:00:00Z');
    const limiter = new KeyRateLimiter(clock);
    expect(limiter.take('k1', 3)).toEqual({ allowed: true });
    expect(limiter.take('k1', 3)).toEqual({ allowed: true });
    expect(limiter.take('k1', 3)).toEqual({ allowed: true });
    // 3 a minute: one request comes back every 20 s.
    expect(limiter.take('k1', 3)).toEqual({ allowed: false, retryAfterSeconds: 20 });
  });

  it('refills evenly: after the Retry-After the key may make one more request, not a whole minute\'s worth', () => {
    const clock = new ManualClock('2026-11-25T10:00:00Z');
    const limiter = new KeyRateLimiter(clock);
    for (let i = 0; i < 3; i++) limiter.take('k1', 3);
    clock.set('2026-11-25T10:00:15Z');
    expect(limiter.take('k1', 3)).toEqual({ allowed: false, retryAfterSeconds: 5 });
    clock.set('2026-11-25T10:00:20Z');
    expect(limiter.take('k1', 3)).toEqual({ allowed: true });
    expect(limiter.take('k1', 3)).toMatchObject({ allowed: false });
    clock.set('2026-11-25T10:05:00Z');
    for (let i = 0; i < 3; i++) expect(limiter.take('k1', 3)).toEqual({ allowed: true });
    expect(limiter.take('k1', 3)).toMatchObject({ allowed: false });
  });

  it('counts each key on its own', () => {
    const limiter = new KeyRateLimiter(new ManualClock());
    expect(limiter.take('k1', 1)).toEqual({ allowed: true });
    expect(limiter.take('k1', 1)).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(limiter.take('k2', 1)).toEqual({ allowed: true });
  });

  it('forgets the idlest keys when it holds too many, and a forgotten key starts with a full bucket', () => {
    const clock = new ManualClock('2026-11-25T10:00:00Z');
    const limiter = new KeyRateLimiter(clock, 2);
    limiter.take('old', 1);
    clock.set('2026-11-25T10:00:01Z');
    limiter.take('recent', 1);
    limiter.take('third', 1);
    expect(limiter.take('recent', 1)).toMatchObject({ allowed: false });
    expect(limiter.take('old', 1)).toEqual({ allowed: true });
  });
});
