import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { testInfra } from '@switchboard/testing';
import type { SlaMonitorConfig } from '../sla-monitor.config';
import { TimerIndex } from './timer-index';

const infra = testInfra();
const key = `test-sla-timer-index:${randomUUID()}`;
const config = { redisKey: key, claimLeaseMs: 1_000 } as SlaMonitorConfig;
const connections: Redis[] = [];
const indexOn = () => {
  const redis = new Redis(infra.redisUrl);
  connections.push(redis);
  return new TimerIndex(redis, config);
};

afterEach(async () => {
  await connections[0]?.del(key, `${key}:epoch`);
});

afterAll(async () => {
  await Promise.all(connections.map((r) => r.quit()));
});

const now = new Date('2026-11-25T03:00:00Z');
const ms = (offset: number) => new Date(now.getTime() + offset);

describe('TimerIndex against a real Redis', () => {
  it('claims only what is due, earliest first, and hides it for the lease', async () => {
    const index = indexOn();
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    await index.add([
      { clockId: b, level: 'warned:0.5', at: ms(-10) },
      { clockId: a, level: 'breached', at: ms(-20) },
      { clockId: c, level: 'escalated:team-lead', at: ms(1) },
    ]);
    const due = await index.claim(now, 10);
    expect(due.map((t) => [t.clockId, t.level, t.lease])).toEqual([
      [a, 'breached', now.getTime() + 1_000],
      [b, 'warned:0.5', now.getTime() + 1_000],
    ]);
    expect(await index.claim(now, 10)).toEqual([]);
    // After the lease, a claim that was never released is due again (its replica died).
    // c (due at +1 ms) first, then a and b at their lease's end (equal scores: by member).
    expect((await index.claim(ms(1_000), 10)).map((t) => t.clockId)).toEqual([c, ...[a, b].sort()]);
  });

  it('never gives one timer to two replicas claiming at once', async () => {
    const [one, two, three] = [indexOn(), indexOn(), indexOn()];
    const ids = Array.from({ length: 3_000 }, () => randomUUID());
    await one.add(ids.map((clockId, i) => ({ clockId, level: 'breached', at: ms(-i) })));
    const claimed: string[] = [];
    await Promise.all(
      [one, two, three].map(async (index) => {
        for (;;) {
          const due = await index.claim(now, 100);
          if (due.length === 0) return;
          claimed.push(...due.map((t) => t.clockId));
        }
      }),
    );
    expect(claimed).toHaveLength(ids.length);
    expect(new Set(claimed).size).toBe(ids.length);
  });

  it('releases a handled timer unless it was re-scored meanwhile', async () => {
    const index = indexOn();
    const [kept, gone] = [randomUUID(), randomUUID()];
    await index.add([
      { clockId: kept, level: 'breached', at: ms(-1) },
      { clockId: gone, level: 'breached', at: ms(-1) },
    ]);
    const due = await index.claim(now, 10);
    await index.add([{ clockId: kept, level: 'breached', at: ms(60_000) }]); // a resume moved it
    for (const t of due) await index.release(t);
    expect(await connections[0]!.zrange(key, 0, -1, 'WITHSCORES')).toEqual([`${kept}:breached`, String(now.getTime() + 60_000)]);
  });

  it('drops members that are not timers', async () => {
    const index = indexOn();
    await connections[0]!.zadd(key, now.getTime() - 1, 'not-a-timer', now.getTime() - 1, `${randomUUID()}:snoozed`);
    expect(await index.claim(now, 10)).toEqual([]);
    expect(await connections[0]!.zcard(key)).toBe(0);
  });

  it('tells exactly one replica that the index was lost, once per loss', async () => {
    const [one, two] = [indexOn(), indexOn()];
    expect(await Promise.all([one.claimRebuild(), two.claimRebuild()])).toEqual(expect.arrayContaining([true, false]));
    expect(await one.claimRebuild()).toBe(false);
    await connections[0]!.del(key, `${key}:epoch`); // Redis emptied
    expect(await two.claimRebuild()).toBe(true);
    await two.forgetEpoch(); // that rebuild failed: the next pass tries again
    expect(await one.claimRebuild()).toBe(true);
  });
});
