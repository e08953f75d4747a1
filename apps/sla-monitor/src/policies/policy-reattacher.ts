import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { makeEvent, type Envelope } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { LOGGER } from '@switchboard/platform';
import { pendingAlerts } from '../domain/alert-ladder';
import type { ClockState } from '../domain/clock-pause';
import { reattachPolicyClock } from '../domain/policy-clock';
import { metricCalendar, type SlaPolicy } from '../domain/sla-policy';
import type { SlaMetric } from '../domain/sla-targets';
import { alertedOf, SOURCE } from '../persistence/clock-row';
import { SLA_MONITOR_CONFIG, type SlaMonitorConfig } from '../sla-monitor.config';
import { TimerIndex, type Timer } from '../timers/timer-index';

interface AttachedRow {
  id: string;
  ticket_id: string;
  metric: SlaMetric;
  region: string;
  started_at: Date;
  state: Exclude<ClockState, 'stopped'>;
  paused_at: Date | null;
  policy_version: number;
  correlation_id: string | null;
}

/**
 * Re-evaluation on a policy edit (issue 6): the clocks still counting under an earlier version of
 * the policy follow the new one, keeping the business time they spent and stood still
 * (`reattachPolicyClock`). A paused clock is re-attached at its pause; its resume shifts it as
 * usual. A metric the new version no longer has keeps its clock as it was.
 */
@Injectable()
export class PolicyReattacher {
  constructor(
    @Inject(SLA_MONITOR_CONFIG) private readonly config: SlaMonitorConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly timers: TimerIndex,
  ) {}

  async reattach(ctx: HandlerContext, policy: SlaPolicy, history: readonly SlaPolicy[], cause: Envelope): Promise<number> {
    const now = this.clock.now();
    const rows: AttachedRow[] = await ctx.manager.query(
      `SELECT id, ticket_id, metric, region, started_at, state, paused_at, policy_version, correlation_id FROM clocks
       WHERE policy_id = $1 AND policy_version < $2 AND state IN ('running', 'paused') ORDER BY id FOR UPDATE`,
      [policy.id, policy.version],
    );
    const toIndex: Timer[] = [];
    for (const row of rows) {
      const old = history.find((p) => p.id === policy.id && p.version === row.policy_version);
      const oldDef = old?.metrics.find((m) => m.metric === row.metric);
      const newDef = policy.metrics.find((m) => m.metric === row.metric);
      if (!old || !oldDef || !newDef) continue;
      const pauses: { paused_at: Date; resumed_at: Date }[] = await ctx.manager.query(
        'SELECT paused_at, resumed_at FROM clock_pauses WHERE clock_id = $1 AND resumed_at IS NOT NULL ORDER BY paused_at',
        [row.id],
      );
      const at = row.state === 'paused' && row.paused_at ? row.paused_at : now;
      const times = reattachPolicyClock(
        { metric: row.metric, startedAt: row.started_at, calendar: metricCalendar(old, oldDef), pauses: pauses.map((p) => ({ from: p.paused_at, to: p.resumed_at })) },
        policy,
        newDef,
        at,
        this.config.timeScale,
      );
      await ctx.manager.query('UPDATE clocks SET warn_at = $2, due_at = $3, policy_version = $4, schedule = $5 WHERE id = $1', [row.id, times.warnAt, times.dueAt, policy.version, JSON.stringify(times.schedule)]);
      await ctx.emit({
        envelope: makeEvent(
          'sla.clock-reattached',
          {
            clockId: row.id,
            ticketId: row.ticket_id,
            metric: row.metric,
            region: row.region,
            policyId: policy.id,
            policyVersion: policy.version,
            previousPolicyVersion: row.policy_version,
            reattachedAt: at.toISOString(),
            elapsedMs: Math.round(times.elapsedMs),
            pausedMs: Math.round(times.pausedMs),
            warnAt: times.warnAt.toISOString(),
            dueAt: times.dueAt.toISOString(),
          },
          { source: SOURCE, subject: row.ticket_id, time: now, correlationId: row.correlation_id ?? cause.correlationId ?? cause.id, causationId: cause.id },
        ),
      });
      // A level already alerted finds its alert taken; a moved instant replaces its timer's score.
      if (row.state === 'running') {
        const alerted = await alertedOf(ctx.manager, row.id);
        toIndex.push(...pendingAlerts(times, alerted, this.config.reminderIntervalMs).map((t) => ({ clockId: row.id, level: t.key, at: t.at })));
      }
    }
    if (toIndex.length > 0) {
      ctx.afterCommit(() => void this.timers.add(toIndex).catch((e: unknown) => this.logger.warn({ err: e as Error, policyId: policy.id }, 'could not index re-attached SLA timers; the reconciler will')));
    }
    return rows.length;
  }
}
