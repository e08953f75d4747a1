/**
 * Benchmark of the SLA timer index's atomic claims (ADR 0028): N timers spread over a window in a
 * throw-away sorted set, claimed by R concurrent claimers (separate Redis connections, as replicas)
 * with the Lua claim script; prints fires/s, lateness p50/p99/max, Redis bytes per timer, and the
 * number of timers claimed twice (must be 0) or never.
 *
 *   node dist/apps/sla-monitor/src/cli/timer-claim-benchmark.js [timers=200000] [replicas=2] [windowMs=4000] [batch=1000]
 *
 * Uses REDIS_URL (default redis://127.0.0.1:6379) and deletes its own key at the end.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { SlaMonitorConfig } from '../sla-monitor.config';
import { TimerIndex, type Timer } from '../timers/timer-index';

const [timers = 200_000, replicas = 2, windowMs = 4_000, batch = 1_000] = process.argv.slice(2).map(Number);
const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const key = `bench-sla-timers:${randomUUID()}`;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function main(): Promise<void> {
  const config = { redisKey: key, claimLeaseMs: 60_000 } as SlaMonitorConfig;
  const loader = new Redis(url);
  const index = new TimerIndex(loader, config);
  const clockIds = Array.from({ length: timers }, () => randomUUID());
  // Far enough ahead that indexing (≥ 20,000 timers/s) ends before the first is due.
  const start = Date.now() + 2_000 + Math.ceil(timers / 20);
  const t0 = Date.now();
  for (let i = 0; i < timers; i += 5_000) {
    const chunk: Timer[] = clockIds.slice(i, i + 5_000).map((clockId, j) => ({ clockId, level: 'breached', at: new Date(start + Math.floor(((i + j) / timers) * windowMs)) }));
    await index.add(chunk);
  }
  const indexMs = Date.now() - t0;
  const bytes = Number(await loader.call('MEMORY', 'USAGE', key, 'SAMPLES', '0'));
  const scoreOf = new Map<string, number>(clockIds.map((id, i) => [id, start + Math.floor((i / timers) * windowMs)]));

  const claims = new Map<string, number>();
  const lateness: number[] = [];
  let firstAt = Infinity;
  let lastAt = 0;
  const connections = Array.from({ length: replicas }, () => new Redis(url));
  const claimers = connections.map((r) => new TimerIndex(r, config));
  const deadline = start + windowMs + 10_000;
  await Promise.all(
    claimers.map(async (c) => {
      while (claims.size < timers && Date.now() < deadline) {
        const due = await c.claim(new Date(), batch);
        const now = Date.now();
        for (const t of due) {
          claims.set(t.clockId, (claims.get(t.clockId) ?? 0) + 1);
          lateness.push(now - scoreOf.get(t.clockId)!);
        }
        if (due.length > 0) {
          firstAt = Math.min(firstAt, now);
          lastAt = Math.max(lastAt, now);
        }
        if (due.length < batch) await new Promise((r) => setTimeout(r, 5));
      }
    }),
  );
  lateness.sort((a, b) => a - b);
  const twice = [...claims.values()].filter((n) => n > 1).length;
  const spanS = Math.max(windowMs, lastAt - firstAt) / 1000;
  const result = {
    timers,
    replicas,
    windowMs,
    batch,
    indexedPerSecond: Math.round(timers / (indexMs / 1000)),
    redisBytesPerTimer: Math.round(bytes / timers),
    firesPerSecond: Math.round(claims.size / spanS),
    demandPerSecond: Math.round(timers / (windowMs / 1000)),
    latenessMs: { p50: percentile(lateness, 50), p99: percentile(lateness, 99), max: lateness.at(-1) },
    claimedTwice: twice,
    neverClaimed: timers - claims.size,
  };
  console.log(JSON.stringify(result, null, 2));
  await loader.del(key);
  await Promise.all([loader.quit(), ...connections.map((r) => r.quit())]);
  if (twice > 0 || claims.size < timers) process.exitCode = 1;
}

void main();
