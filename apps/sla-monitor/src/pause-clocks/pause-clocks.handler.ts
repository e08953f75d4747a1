import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { makeEvent, type Envelope, type TicketDispatchRequested, type TicketHeld, type TicketResolved } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { LOGGER } from '@switchboard/platform';
import { decidePause, decideResume, holdPausesClocks } from '../domain/clock-pause';
import { ALERT_LEVELS, ClockSchedule } from '../domain/clock-schedule';
import type { SlaMetric } from '../domain/sla-targets';
import { CLOCK_COLUMNS, SOURCE, type ClockRow } from '../persistence/clock-row';
import { lockTicket } from '../persistence/ticket-lock';
import { ClockStopper } from '../stop-clocks/clock-stopper';
import { TimerIndex, type Timer } from '../timers/timer-index';

const METRICS: readonly SlaMetric[] = ['first-response', 'resolution'];

/**
 * Intake's interception and the ticket's clocks (domain.md §2): a hold for an outage or an
 * incident pauses the running clocks (`sla.clock-paused`; their timers leave the index: no
 * warning, no breach); the ticket's dispatch request afterwards resumes them (`sla.clock-resumed`),
 * due times shifted by the pause; a resolution
 * stops every running or paused clock (`sla.clock-stopped`). PostgreSQL is the truth: the poller
 * raises nothing for a clock that is not running, whatever Redis still holds.
 */
@Injectable()
export class PauseClocksHandler {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly stopper: ClockStopper,
    private readonly timers: TimerIndex,
  ) {}

  async held(event: Envelope<'ticket.held', TicketHeld>, ctx: HandlerContext): Promise<void> {
    const h = event.data;
    if (!holdPausesClocks(h.reason)) return;
    await lockTicket(ctx.manager, h.ticketId);
    const clocks: ClockRow[] = await ctx.manager.query(`SELECT ${CLOCK_COLUMNS} FROM clocks WHERE ticket_id = $1 AND state <> 'stopped' FOR UPDATE`, [h.ticketId]);
    const pausedIds: string[] = [];
    for (const clock of clocks) {
      const decision = decidePause({ state: clock.state }, new Date(h.heldAt));
      if (decision.kind !== 'pause') continue;
      await ctx.manager.query(`UPDATE clocks SET state = 'paused', paused_at = $2 WHERE id = $1`, [clock.id, decision.pausedAt]);
      await ctx.manager.query('INSERT INTO clock_pauses (clock_id, paused_at) VALUES ($1, $2) ON CONFLICT DO NOTHING', [clock.id, decision.pausedAt]);
      await ctx.emit({
        envelope: makeEvent(
          'sla.clock-paused',
          { clockId: clock.id, ticketId: clock.ticket_id, metric: clock.metric, region: clock.region, reason: `ticket.held: ${h.reason}`, pausedAt: decision.pausedAt.toISOString() },
          this.meta(event, clock),
        ),
      });
      pausedIds.push(clock.id);
    }
    if (pausedIds.length === 0) return;
    ctx.afterCommit(() => {
      for (const clockId of pausedIds) {
        // Only tidies the index: a timer left behind finds the clock paused and is dropped then.
        void this.timers.removeClock(clockId).catch((e: unknown) => this.logger.warn({ err: e as Error, clockId }, 'could not remove the timers of a paused clock'));
      }
    });
  }

  async dispatchRequested(event: Envelope<'ticket.dispatch-requested', TicketDispatchRequested>, ctx: HandlerContext): Promise<void> {
    const r = event.data;
    await lockTicket(ctx.manager, r.ticketId);
    const clocks: ClockRow[] = await ctx.manager.query(`SELECT ${CLOCK_COLUMNS} FROM clocks WHERE ticket_id = $1 AND state = 'paused' FOR UPDATE`, [r.ticketId]);
    const toIndex: Timer[] = [];
    for (const clock of clocks) {
      const decision = decideResume(
        { state: clock.state, warnAt: clock.warn_at, dueAt: clock.due_at, pausedAt: clock.paused_at, pausedMs: Number(clock.paused_ms) },
        new Date(r.requestedAt),
      );
      if (decision.kind !== 'resume') continue;
      await ctx.manager.query(`UPDATE clocks SET state = 'running', paused_at = NULL, paused_ms = $2, warn_at = $3, due_at = $4 WHERE id = $1`, [
        clock.id,
        decision.pausedMs,
        decision.warnAt,
        decision.dueAt,
      ]);
      await ctx.manager.query('UPDATE clock_pauses SET resumed_at = GREATEST(paused_at, $2::timestamptz) WHERE clock_id = $1 AND resumed_at IS NULL', [clock.id, r.requestedAt]);
      await ctx.emit({
        envelope: makeEvent(
          'sla.clock-resumed',
          {
            clockId: clock.id,
            ticketId: clock.ticket_id,
            metric: clock.metric,
            region: clock.region,
            resumedAt: r.requestedAt,
            pausedMs: decision.pausedMs,
            warnAt: decision.warnAt.toISOString(),
            dueAt: decision.dueAt.toISOString(),
          },
          this.meta(event, clock),
        ),
      });
      // A level already alerted before the pause finds its alert taken and raises nothing again.
      toIndex.push(...ALERT_LEVELS.map((level) => ({ clockId: clock.id, level, at: ClockSchedule.instantOf(level, decision) })));
    }
    if (toIndex.length > 0) {
      ctx.afterCommit(() => void this.timers.add(toIndex).catch((e: unknown) => this.logger.warn({ err: e as Error, ticketId: r.ticketId }, 'could not index SLA timers; the reconciler will')));
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
