import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { REDIS } from '@switchboard/platform';
import { ALERT_LEVELS, type AlertLevel } from '../domain/clock-schedule';
import { SLA_MONITOR_CONFIG, type SlaMonitorConfig } from '../sla-monitor.config';

export interface Timer {
  clockId: string;
  level: AlertLevel;
  at: Date;
}

export interface DueTimer {
  member: string;
  clockId: string;
  level: AlertLevel;
}

const memberOf = (clockId: string, level: AlertLevel) => `${clockId}:${level}`;

function parseMember(member: string): DueTimer | undefined {
  const cut = member.lastIndexOf(':');
  const level = member.slice(cut + 1) as AlertLevel;
  if (cut <= 0 || !ALERT_LEVELS.includes(level)) return undefined;
  return { member, clockId: member.slice(0, cut), level };
}

/**
 * The timer index: one Redis sorted set of `<clockId>:<level>` scored by the instant (ms). It is
 * only an index — PostgreSQL holds the clocks, and every operation here is safe to repeat or to
 * lose (the reconciler rebuilds it).
 */
@Injectable()
export class TimerIndex {
  readonly key: string;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(SLA_MONITOR_CONFIG) config: SlaMonitorConfig,
  ) {
    this.key = config.redisKey;
  }

  async add(timers: Timer[]): Promise<void> {
    if (timers.length === 0) return;
    const args = timers.flatMap((t) => [t.at.getTime(), memberOf(t.clockId, t.level)]);
    await this.redis.zadd(this.key, ...args);
  }

  async removeClock(clockId: string): Promise<void> {
    await this.redis.zrem(this.key, ...ALERT_LEVELS.map((level) => memberOf(clockId, level)));
  }

  async remove(member: string): Promise<void> {
    await this.redis.zrem(this.key, member);
  }

  /** Timers due at `now`, earliest first; a member that is not ours is dropped from the index. */
  async due(now: Date, limit: number): Promise<DueTimer[]> {
    const members = await this.redis.zrangebyscore(this.key, '-inf', now.getTime(), 'LIMIT', 0, limit);
    const due: DueTimer[] = [];
    for (const member of members) {
      const parsed = parseMember(member);
      if (parsed) due.push(parsed);
      else await this.remove(member);
    }
    return due;
  }
}
