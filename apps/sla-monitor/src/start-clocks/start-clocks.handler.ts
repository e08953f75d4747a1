import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { makeEvent, type Envelope, type TicketAccepted, type TicketReopened } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { LOGGER } from '@switchboard/platform';
import { pendingAlerts, type AlertSchedule } from '../domain/alert-ladder';
import type { ClockTimes } from '../domain/clock-schedule';
import { clockRoundFor, type ClockTrigger } from '../domain/clock-rounds';
import { planPolicyClock } from '../domain/policy-clock';
import { policiesInForce, selectPolicy, type SlaPolicy, type TicketProfile } from '../domain/sla-policy';
import { ticketClockStart } from '../domain/sla-preview';
import type { TicketKind } from '../domain/sla-targets';
import { SOURCE } from '../persistence/clock-row';
import { loadPolicyHistory } from '../persistence/policy-store';
import { lockTicket } from '../persistence/ticket-lock';
import { SLA_MONITOR_CONFIG, type SlaMonitorConfig } from '../sla-monitor.config';
import { ClockStopper } from '../stop-clocks/clock-stopper';
import { TimerIndex, type Timer } from '../timers/timer-index';

interface ClockStart {
  ticketId: string;
  region: string;
  kind: TicketKind;
  startedAt: Date;
  /** The policy version in force at this instant applies: intake's acceptance (or the reopening), not a retroactive start. */
  decidedAt: Date;
  trigger: ClockTrigger;
  /** Selects the policy (accepted tickets); a reopened ticket keeps the policy of its earlier clocks. */
  profile?: TicketProfile;
  correlationId: string;
  causationId: string;
}

/**
 * On acceptance, starts the first-response and resolution clocks (domain.md §4) from the ticket's
 * reportedAt when earlier than acceptance (retroactive start, issue 6), else its acceptance; on a
 * reopening, a fresh resolution clock of the next round from the reopening time (domain.md §5).
 * Their instants follow the SLA policy selected for the ticket (kind, service, channel, tier,
 * region) on its business calendar, and each clock records the policy version (ADR 0022); with no
 * policy (all retired) the configured targets apply in real time. Applies any stop that arrived
 * first, and indexes the timers once committed.
 */
@Injectable()
export class StartClocksHandler {
  constructor(
    @Inject(SLA_MONITOR_CONFIG) private readonly config: SlaMonitorConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly stopper: ClockStopper,
    private readonly timers: TimerIndex,
  ) {}

  async handle(event: Envelope<'ticket.accepted', TicketAccepted>, ctx: HandlerContext): Promise<void> {
    const t = event.data;
    const correlationId = event.correlationId ?? event.id;
    await this.start(ctx, {
      ticketId: t.ticketId,
      region: t.location.region,
      kind: t.kind,
      startedAt: ticketClockStart(new Date(t.reportedAt), new Date(t.acceptedAt)),
      decidedAt: new Date(t.acceptedAt),
      trigger: { cause: 'accepted' },
      profile: { kind: t.kind, service: t.service, channel: t.channel, customerTier: t.customerTier, region: t.location.region },
      correlationId,
      causationId: event.id,
    });
  }

  async handleReopened(event: Envelope<'ticket.reopened', TicketReopened>, ctx: HandlerContext): Promise<void> {
    const t = event.data;
    const correlationId = event.correlationId ?? event.id;
    await this.start(ctx, {
      ticketId: t.ticketId,
      region: t.location.region,
      kind: t.kind,
      startedAt: new Date(t.reopenedAt),
      decidedAt: new Date(t.reopenedAt),
      trigger: { cause: 'reopened', reopenCount: t.reopenCount },
      correlationId,
      causationId: event.id,
    });
  }

  private async start(ctx: HandlerContext, s: ClockStart): Promise<void> {
    await lockTicket(ctx.manager, s.ticketId);
    const { round, metrics } = clockRoundFor(s.trigger);
    const policy = await this.policyFor(ctx, s);
    const toIndex: Timer[] = [];
    for (const metric of metrics) {
      const def = policy?.metrics.find((m) => m.metric === metric);
      const times: ClockTimes & { schedule?: AlertSchedule } =
        policy && def ? planPolicyClock(policy, def, s.startedAt, this.config.timeScale) : this.config.schedule.plan(s.startedAt, this.config.targets.targetMs(metric, s.kind));
      const schedule = times.schedule ?? null;
      const inserted: { id: string }[] = await ctx.manager.query(
        `INSERT INTO clocks (id, ticket_id, metric, round, region, ticket_kind, started_at, warn_at, due_at, correlation_id, policy_id, policy_version, schedule)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         ON CONFLICT (ticket_id, metric, round) DO NOTHING RETURNING id`,
        [
          randomUUID(),
          s.ticketId,
          metric,
          round,
          s.region,
          s.kind,
          times.startedAt,
          times.warnAt,
          times.dueAt,
          s.correlationId,
          def ? policy!.id : null,
          def ? policy!.version : null,
          schedule === null ? null : JSON.stringify(schedule),
        ],
      );
      const clockId = inserted[0]?.id;
      if (!clockId) continue; // already started: the same ticket accepted (or reopened) again
      await ctx.emit({
        envelope: makeEvent(
          'sla.clock-started',
          { clockId, ticketId: s.ticketId, metric, region: s.region, startedAt: times.startedAt.toISOString(), warnAt: times.warnAt.toISOString(), dueAt: times.dueAt.toISOString() },
          { source: SOURCE, subject: s.ticketId, time: this.clock.now(), correlationId: s.correlationId, causationId: s.causationId },
        ),
      });
      const pending: { stopped_at: Date; event_id: string }[] = await ctx.manager.query(
        // In a CTE: TypeORM returns [rows, count] for a bare DELETE … RETURNING.
        'WITH taken AS (DELETE FROM pending_stops WHERE ticket_id = $1 AND metric = $2 RETURNING stopped_at, event_id) SELECT * FROM taken',
        [s.ticketId, metric],
      );
      const early = pending[0];
      if (early) {
        await this.stopper.stop(ctx, { ticketId: s.ticketId, metric, stoppedAt: early.stopped_at, causationId: early.event_id, correlationId: s.correlationId });
      } else {
        toIndex.push(...pendingAlerts({ warnAt: times.warnAt, dueAt: times.dueAt, schedule }, new Map(), this.config.reminderIntervalMs).map((t) => ({ clockId, level: t.key, at: t.at })));
      }
    }
    if (toIndex.length > 0) {
      // After commit, so the poller never meets a timer whose clock it cannot see yet; if this
      // is lost (crash, Redis away), the reconciler puts the timers back from PostgreSQL.
      ctx.afterCommit(() =>
        void this.timers.add(toIndex).catch((e: unknown) => this.logger.warn({ err: e as Error, ticketId: s.ticketId }, 'could not index SLA timers; the reconciler will')),
      );
    }
  }

  /** The policy version in force when intake decided: selected by the ticket's profile, or (reopened) the one its earlier clocks followed. */
  private async policyFor(ctx: HandlerContext, s: ClockStart): Promise<SlaPolicy | null> {
    const history = await loadPolicyHistory(ctx.manager);
    if (s.profile) return selectPolicy(history, s.profile, s.decidedAt);
    const earlier: { policy_id: string }[] = await ctx.manager.query(
      'SELECT policy_id FROM clocks WHERE ticket_id = $1 AND policy_id IS NOT NULL ORDER BY round DESC, started_at DESC LIMIT 1',
      [s.ticketId],
    );
    const id = earlier[0]?.policy_id;
    return id === undefined ? null : (policiesInForce(history, s.decidedAt).find((p) => p.id === id) ?? null);
  }
}
