import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import {
  makeEvent,
  type Envelope,
  type TicketAnsweredByKnownIssue,
  type TicketDispatchRequested,
  type TicketHeld,
  type TicketResolved,
  type TicketSuspended,
  type TicketSuspensionEnded,
} from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { LOGGER } from '@switchboard/platform';
import { pendingAlerts } from '../domain/alert-ladder';
import { evaluateConditions } from '../domain/clock-conditions';
import { holdPausesClocks, KNOWN_ISSUE_HOLD, metricPauses, resumeInBusinessTime, suspensionHold } from '../domain/clock-pause';
import type { SlaMetric } from '../domain/sla-targets';
import { alertedOf, CLOCK_COLUMNS, ladderClockOf, SOURCE, type ClockRow } from '../persistence/clock-row';
import { lockTicket } from '../persistence/ticket-lock';
import { SLA_MONITOR_CONFIG, type SlaMonitorConfig } from '../sla-monitor.config';
import { ClockStopper } from '../stop-clocks/clock-stopper';
import { TimerIndex, type Timer } from '../timers/timer-index';

const METRICS: readonly SlaMetric[] = ['first-response', 'resolution'];

interface Hold {
  ticketId: string;
  /** `hold` (known issue, incident) or `suspension:<approvalId>`. */
  hold: string;
  at: Date;
  /** Said in `sla.clock-paused`. */
  reason: string;
}

/**
 * What pauses a ticket's clocks (issue 6, ADR 0028): only an approved suspension (`ticket.suspended`
 * → `ticket.suspension-ended`, from dispatch) or a known-issue/incident hold (`ticket.held` → the
 * ticket's `ticket.dispatch-requested`), and only the clocks that pause (`metricPauses`: resolution,
 * never first response). A clock stands still while any hold lasts (domain/clock-conditions.ts, in
 * its fixed order); when the last ends it resumes with every instant still ahead moved in business
 * time. A ticket answered by a known issue has had its first response: that clock stops, met. A
 * resolution stops every running or paused clock. PostgreSQL is the truth: the poller raises
 * nothing for a clock that is not running, whatever Redis still holds.
 */
@Injectable()
export class PauseClocksHandler {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(SLA_MONITOR_CONFIG) private readonly config: SlaMonitorConfig,
    private readonly stopper: ClockStopper,
    private readonly timers: TimerIndex,
  ) {}

  async held(event: Envelope<'ticket.held', TicketHeld>, ctx: HandlerContext): Promise<void> {
    const h = event.data;
    if (!holdPausesClocks(h.reason)) return;
    await this.pause(event, ctx, { ticketId: h.ticketId, hold: KNOWN_ISSUE_HOLD, at: new Date(h.heldAt), reason: `ticket.held: ${h.reason}` });
  }

  async suspended(event: Envelope<'ticket.suspended', TicketSuspended>, ctx: HandlerContext): Promise<void> {
    const s = event.data;
    await this.pause(event, ctx, { ticketId: s.ticketId, hold: suspensionHold(s.approvalId), at: new Date(s.at), reason: `ticket.suspended: ${s.reason}` });
  }

  async dispatchRequested(event: Envelope<'ticket.dispatch-requested', TicketDispatchRequested>, ctx: HandlerContext): Promise<void> {
    await this.resume(event, ctx, event.data.ticketId, KNOWN_ISSUE_HOLD, event.data.requestedAt);
  }

  async suspensionEnded(event: Envelope<'ticket.suspension-ended', TicketSuspensionEnded>, ctx: HandlerContext): Promise<void> {
    await this.resume(event, ctx, event.data.ticketId, suspensionHold(event.data.approvalId), event.data.at);
  }

  /** The prepared answer is the first response: the first-response clock stops (kept for later when it has not started). */
  async answeredByKnownIssue(event: Envelope<'ticket.answered-by-known-issue', TicketAnsweredByKnownIssue>, ctx: HandlerContext): Promise<void> {
    const a = event.data;
    const request = {
      ticketId: a.ticketId,
      metric: 'first-response' as const,
      stoppedAt: new Date(a.answeredAt),
      causationId: event.id,
      ...(event.correlationId !== undefined ? { correlationId: event.correlationId } : {}),
    };
    await lockTicket(ctx.manager, a.ticketId);
    const outcome = await this.stopper.stop(ctx, request);
    if (outcome === 'no-clock' || outcome === 'next-round') await this.stopper.recordPending(ctx, request);
  }

  private async pause(cause: Envelope, ctx: HandlerContext, h: Hold): Promise<void> {
    await lockTicket(ctx.manager, h.ticketId);
    const clocks: ClockRow[] = await ctx.manager.query(`SELECT ${CLOCK_COLUMNS} FROM clocks WHERE ticket_id = $1 AND state <> 'stopped' ORDER BY round FOR UPDATE`, [h.ticketId]);
    const pausedNow: ClockRow[] = [];
    for (const clock of clocks) {
      if (!metricPauses(clock.metric)) continue;
      const outcome = evaluateConditions({ state: clock.state, holds: clock.holds }, [{ condition: 'pause', reason: h.hold }]);
      if (!outcome.applied.includes('pause')) continue;
      if (clock.state === 'paused') {
        // Already standing still for another hold: it now waits for this one too.
        await ctx.manager.query('UPDATE clocks SET holds = $2 WHERE id = $1', [clock.id, outcome.holds]);
        continue;
      }
      await ctx.manager.query(`UPDATE clocks SET state = 'paused', paused_at = $2, holds = $3 WHERE id = $1`, [clock.id, h.at, outcome.holds]);
      await ctx.manager.query('INSERT INTO clock_pauses (clock_id, paused_at) VALUES ($1, $2) ON CONFLICT DO NOTHING', [clock.id, h.at]);
      await ctx.emit({
        envelope: makeEvent(
          'sla.clock-paused',
          { clockId: clock.id, ticketId: clock.ticket_id, metric: clock.metric, region: clock.region, reason: h.reason, pausedAt: h.at.toISOString() },
          this.meta(cause, clock),
        ),
      });
      pausedNow.push(clock);
    }
    if (pausedNow.length === 0) return;
    ctx.afterCommit(() => {
      for (const clock of pausedNow) {
        // Only tidies the index: a timer left behind finds the clock paused and is dropped then.
        const keys = pendingAlerts(ladderClockOf(clock), new Map(), 0).map((t) => t.key);
        void this.timers.removeClock(clock.id, keys).catch((e: unknown) => this.logger.warn({ err: e as Error, clockId: clock.id }, 'could not remove the timers of a paused clock'));
      }
    });
  }

  private async resume(cause: Envelope, ctx: HandlerContext, ticketId: string, hold: string, atIso: string): Promise<void> {
    await lockTicket(ctx.manager, ticketId);
    const at = new Date(atIso);
    const clocks: ClockRow[] = await ctx.manager.query(`SELECT ${CLOCK_COLUMNS} FROM clocks WHERE ticket_id = $1 AND state = 'paused' ORDER BY round FOR UPDATE`, [ticketId]);
    const toIndex: Timer[] = [];
    for (const clock of clocks) {
      const outcome = evaluateConditions({ state: clock.state, holds: clock.holds }, [{ condition: 'resume', reason: hold }]);
      if (!outcome.applied.includes('resume')) continue;
      if (outcome.state === 'paused') {
        await ctx.manager.query('UPDATE clocks SET holds = $2 WHERE id = $1', [clock.id, outcome.holds]);
        continue;
      }
      const resumed = resumeInBusinessTime(
        { state: clock.state, warnAt: clock.warn_at, dueAt: clock.due_at, pausedAt: clock.paused_at, pausedMs: Number(clock.paused_ms), schedule: clock.schedule },
        at,
      );
      if ('kind' in resumed) continue;
      await ctx.manager.query(`UPDATE clocks SET state = 'running', paused_at = NULL, holds = '{}', paused_ms = $2, warn_at = $3, due_at = $4, schedule = $5 WHERE id = $1`, [
        clock.id,
        resumed.pausedMs,
        resumed.warnAt,
        resumed.dueAt,
        resumed.schedule === null ? null : JSON.stringify(resumed.schedule),
      ]);
      await ctx.manager.query('UPDATE clock_pauses SET resumed_at = GREATEST(paused_at, $2::timestamptz) WHERE clock_id = $1 AND resumed_at IS NULL', [clock.id, at]);
      await ctx.emit({
        envelope: makeEvent(
          'sla.clock-resumed',
          {
            clockId: clock.id,
            ticketId: clock.ticket_id,
            metric: clock.metric,
            region: clock.region,
            resumedAt: at.toISOString(),
            pausedMs: resumed.pausedMs,
            warnAt: resumed.warnAt.toISOString(),
            dueAt: resumed.dueAt.toISOString(),
          },
          this.meta(cause, clock),
        ),
      });
      // Alerts raised before the pause stay raised; the rest at their moved instants.
      const alerted = await alertedOf(ctx.manager, clock.id);
      toIndex.push(...pendingAlerts(resumed, alerted, this.config.reminderIntervalMs).map((t) => ({ clockId: clock.id, level: t.key, at: t.at })));
    }
    if (toIndex.length > 0) {
      ctx.afterCommit(() => void this.timers.add(toIndex).catch((e: unknown) => this.logger.warn({ err: e as Error, ticketId }, 'could not index SLA timers; the reconciler will')));
    }
  }

  private meta(cause: Envelope, clock: ClockRow) {
    return { source: SOURCE, subject: clock.ticket_id, time: this.clock.now(), correlationId: cause.correlationId ?? clock.correlation_id ?? cause.id, causationId: cause.id };
  }

  async resolved(event: Envelope<'ticket.resolved', TicketResolved>, ctx: HandlerContext): Promise<void> {
    const r = event.data;
    await lockTicket(ctx.manager, r.ticketId);
    for (const metric of METRICS) {
      await this.stopper.stop(ctx, {
        ticketId: r.ticketId,
        metric,
        stoppedAt: new Date(r.resolvedAt),
        causationId: event.id,
        ...(event.correlationId !== undefined ? { correlationId: event.correlationId } : {}),
      });
    }
  }
}
