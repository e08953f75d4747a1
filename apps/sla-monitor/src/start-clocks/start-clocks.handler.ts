import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { makeEvent, slaMetrics, type Envelope, type TicketAccepted } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { LOGGER } from '@switchboard/platform';
import { ALERT_LEVELS, ClockSchedule } from '../domain/clock-schedule';
import { SOURCE } from '../persistence/clock-row';
import { lockTicket } from '../persistence/ticket-lock';
import { SLA_MONITOR_CONFIG, type SlaMonitorConfig } from '../sla-monitor.config';
import { ClockStopper } from '../stop-clocks/clock-stopper';
import { TimerIndex, type Timer } from '../timers/timer-index';

/**
 * On acceptance, starts the first-response and resolution clocks (domain.md §4) from the
 * acceptance time, applies any stop that arrived first, and indexes the timers once committed.
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
    const ticket = event.data;
    const correlationId = event.correlationId ?? event.id;
    await lockTicket(ctx.manager, ticket.ticketId);
    const toIndex: Timer[] = [];
    for (const metric of slaMetrics) {
      const times = this.config.schedule.plan(new Date(ticket.acceptedAt), this.config.targets.targetMs(metric, ticket.kind));
      const inserted: { id: string }[] = await ctx.manager.query(
        `INSERT INTO clocks (id, ticket_id, metric, region, ticket_kind, started_at, warn_at, due_at, correlation_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (ticket_id, metric) DO NOTHING RETURNING id`,
        [randomUUID(), ticket.ticketId, metric, ticket.location.region, ticket.kind, times.startedAt, times.warnAt, times.dueAt, correlationId],
      );
      const clockId = inserted[0]?.id;
      if (!clockId) continue; // already started: the same ticket accepted again
      await ctx.emit({
        envelope: makeEvent(
          'sla.clock-started',
          { clockId, ticketId: ticket.ticketId, metric, region: ticket.location.region, startedAt: times.startedAt.toISOString(), warnAt: times.warnAt.toISOString(), dueAt: times.dueAt.toISOString() },
          { source: SOURCE, subject: ticket.ticketId, time: this.clock.now(), correlationId, causationId: event.id },
        ),
      });
      const pending: { stopped_at: Date; event_id: string }[] = await ctx.manager.query(
        // In a CTE: TypeORM returns [rows, count] for a bare DELETE … RETURNING.
        'WITH taken AS (DELETE FROM pending_stops WHERE ticket_id = $1 AND metric = $2 RETURNING stopped_at, event_id) SELECT * FROM taken',
        [ticket.ticketId, metric],
      );
      const early = pending[0];
      if (early) {
        await this.stopper.stop(ctx, { ticketId: ticket.ticketId, metric, stoppedAt: early.stopped_at, causationId: early.event_id, correlationId });
      } else {
        toIndex.push(...ALERT_LEVELS.map((level) => ({ clockId, level, at: ClockSchedule.instantOf(level, times) })));
      }
    }
    if (toIndex.length > 0) {
      // After commit, so the poller never meets a timer whose clock it cannot see yet; if this
      // is lost (crash, Redis away), the reconciler puts the timers back from PostgreSQL.
      ctx.afterCommit(() =>
        void this.timers.add(toIndex).catch((e: unknown) => this.logger.warn({ err: e as Error, ticketId: ticket.ticketId }, 'could not index SLA timers; the reconciler will')),
      );
    }
  }
}
