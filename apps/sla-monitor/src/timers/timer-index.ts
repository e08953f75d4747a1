import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { REDIS } from '@switchboard/platform';
import { parseAlertKey } from '../domain/alert-ladder';
import { SLA_MONITOR_CONFIG, type SlaMonitorConfig } from '../sla-monitor.config';

export interface Timer {
  clockId: string;
  /** The alert's key (domain/alert-ladder.ts): `warning`, `breached`, `warned:0.5`, `escalated:team-lead`, `reminder:2`. */
  level: string;
  at: Date;
}

export interface DueTimer {
  member: string;
  clockId: string;
  level: string;
  /** The lease score the claim gave it: releasing removes it only if nobody re-scored it since. */
  lease: number;
}

const UUID_LENGTH = 36;
const memberOf = (clockId: string, level: string) => `${clockId}:${level}`;

function parseMember(member: string): Omit<DueTimer, 'lease'> | undefined {
  if (member[UUID_LENGTH] !== ':') return undefined;
  const level = member.slice(UUID_LENGTH + 1);
  if (!parseAlertKey(level)) return undefined;
  return { member, clockId: member.slice(0, UUID_LENGTH), level };
}

/**
 * Claims up to ARGV[2] timers due by ARGV[1] in one atomic step: they are re-scored to the lease
 * instant ARGV[3], so no other replica sees them until the lease runs out (a replica that dies
 * mid-batch leaves them to fire after the lease, not lost). ZRANGEBYSCORE and the re-scoring run
 * in one script: two replicas never claim the same timer.
 */
const CLAIM = `
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
for _, member in ipairs(due) do redis.call('ZADD', KEYS[1], 'XX', ARGV[3], member) end
return due`;

/** Removes the members still at their lease score: one re-scored since (a resume, a re-attachment) stays. */
const RELEASE = `
local removed = 0
for i = 2, #ARGV do
  local score = redis.call('ZSCORE', KEYS[1], ARGV[i])
  if score and tonumber(score) == tonumber(ARGV[1]) then removed = removed + redis.call('ZREM', KEYS[1], ARGV[i]) end
end
return removed`;

/**
 * The timer index: one Redis sorted set of `<clockId>:<alert key>` scored by the instant (ms),
 * named by SLA_REDIS_KEY (default `<CONSUMER_GROUP_PREFIX>:sla-monitor:timers`), beside its marker
 * `<key>:epoch`. It is only an index — PostgreSQL holds the clocks and alerts, and every operation
 * here is safe to repeat or to lose: the marker tells when Redis was emptied or replaced, and the
 * index is then rebuilt from PostgreSQL (TimerReconciler).
 */
@Injectable()
export class TimerIndex {
  readonly key: string;
  readonly epochKey: string;
  private readonly leaseMs: number;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(SLA_MONITOR_CONFIG) config: SlaMonitorConfig,
  ) {
    this.key = config.redisKey;
    this.epochKey = `${config.redisKey}:epoch`;
    this.leaseMs = config.claimLeaseMs;
  }

  async add(timers: readonly Timer[]): Promise<void> {
    if (timers.length === 0) return;
    const args = timers.flatMap((t) => [t.at.getTime(), memberOf(t.clockId, t.level)]);
    await this.redis.zadd(this.key, ...args);
  }

  async removeClock(clockId: string, levels: readonly string[]): Promise<void> {
    if (levels.length === 0) return;
    await this.redis.zrem(this.key, ...levels.map((level) => memberOf(clockId, level)));
  }

  /** After a claimed timer was handled: gone, unless it was re-scored meanwhile. */
  async release(timer: DueTimer): Promise<void> {
    await this.redis.eval(RELEASE, 1, this.key, timer.lease, timer.member);
  }

  /** Claims the timers due at `now`, earliest first (see CLAIM); a member that is not ours is dropped. */
  async claim(now: Date, limit: number): Promise<DueTimer[]> {
    const lease = now.getTime() + this.leaseMs;
    const members = (await this.redis.eval(CLAIM, 1, this.key, now.getTime(), limit, lease)) as string[];
    const due: DueTimer[] = [];
    for (const member of members) {
      const parsed = parseMember(member);
      if (parsed) due.push({ ...parsed, lease });
      else await this.redis.zrem(this.key, member);
    }
    return due;
  }

  /**
   * True when the index was lost (Redis emptied, replaced, or never indexed): the marker was
   * missing and is now set, so the caller rebuilds the index. Only one caller per loss gets true.
   */
  async claimRebuild(): Promise<boolean> {
    return (await this.redis.set(this.epochKey, randomUUID(), 'NX')) === 'OK';
  }

  /** A rebuild that failed: the next pass tries again. */
  async forgetEpoch(): Promise<void> {
    await this.redis.del(this.epochKey);
  }
}
