import type { Clock } from '@switchboard/persistence';

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * A token bucket per API key: `limitPerMinute` requests at once, refilled evenly over the minute
 * (so a key at its limit gets one more request every 60/limit seconds, not a burst at the top
 * of each minute). In memory, per gateway process: behind N gateways a key gets up to N times its
 * limit (ADR 0024).
 */
export class KeyRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly clock: Clock,
    /** Buckets kept at most; a full map forgets the idlest half (a forgotten key starts full again). */
    private readonly maxKeys = 10_000,
  ) {}

  take(keyId: string, limitPerMinute: number): RateDecision {
    const now = this.clock.now().getTime();
    const perMs = limitPerMinute / 60_000;
    const bucket = this.buckets.get(keyId);
    let tokens = limitPerMinute;
    if (bucket) {
      // A limit changed since (a re-created key): never more than the new limit.
      tokens = Math.min(limitPerMinute, bucket.tokens + (now - bucket.at) * perMs);
    } else if (this.buckets.size >= this.maxKeys) {
      this.forgetIdlest();
    }
    if (tokens >= 1) {
      this.buckets.set(keyId, { tokens: tokens - 1, at: now });
      return { allowed: true };
    }
    this.buckets.set(keyId, { tokens, at: now });
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) };
  }

  private forgetIdlest(): void {
    const byAge = [...this.buckets.entries()].sort(([, a], [, b]) => a.at - b.at);
    for (const [keyId] of byAge.slice(0, Math.ceil(byAge.length / 2))) this.buckets.delete(keyId);
  }
}
