import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { makeEvent } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { LOGGER } from '@switchboard/platform';
import { stopBelongsToNextRound } from '../domain/clock-rounds';
import { isMetAtStop } from '../domain/clock-pause';
import type { SlaMetric } from '../domain/sla-targets';
import { CLOCK_COLUMNS, ladderClockOf, SOURCE, type ClockRow } from '../persistence/clock-row';
import { TimerIndex } from '../timers/timer-index';
import { pendingAlerts } from '../domain/alert-ladder';

export interface StopRequest {
  ticketId: string;
  metric: SlaMetric;
  /** When the fulfilling event happened (not when it was processed). */
  stoppedAt: Date;
  causationId: string;
  correlationId?: string;
}

/** `next-round`: the latest clock stopped earlier, so this stop waits for the clock of a reopening (domain/clock-rounds.ts). */
export type StopOutcome = 'stopped' | 'already-stopped' | 'no-clock' | 'next-round';

/** Stops a running or paused clock: met or not, `sla.clock-stopped`, and its timers leave the index after commit. */
@Injectable()
export class ClockStopper {
  constructor(
    private readonly timers: TimerIndex,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async stop(ctx: Pick<HandlerContext, 'manager' | 'emit' | 'afterCommit'>, req: StopRequest): Promise<StopOutcome> {
    // The latest round's clock: a reopened ticket's earlier clocks stay as they stopped.
    const rows: ClockRow[] = await ctx.manager.query(
      `SELECT ${CLOCK_COLUMNS} FROM clocks WHERE ticket_id = $1 AND metric = $2 ORDER BY round DESC LIMIT 1 FOR UPDATE`,
      [req.ticketId, req.metric],
    );
    const clock = rows[0];
    if (!clock) return 'no-clock';
    if (clock.state === 'stopped') return stopBelongsToNextRound(req.metric, req.stoppedAt, clock.stopped_at) ? 'next-round' : 'already-stopped';
    // A paused clock stood still at its pause (domain/clock-pause.ts).
    const met = isMetAtStop({ state: clock.state, dueAt: clock.due_at, pausedAt: clock.paused_at }, req.stoppedAt);
    await ctx.manager.query(`UPDATE clocks SET state = 'stopped', stopped_at = $2, met = $3 WHERE id = $1`, [clock.id, req.stoppedAt, met]);
    await ctx.emit({
      envelope: makeEvent(
        'sla.clock-stopped',
        { clockId: clock.id, ticketId: clock.ticket_id, metric: clock.metric, region: clock.region, dueAt: clock.due_at.toISOString(), stoppedAt: req.stoppedAt.toISOString(), met },
        { source: SOURCE, subject: clock.ticket_id, time: this.clock.now(), correlationId: req.correlationId ?? clock.correlation_id ?? undefined, causationId: req.causationId },
      ),
    });
    const clockId = clock.id;
    const keys = pendingAlerts(ladderClockOf(clock), new Map(), 0).map((t) => t.key);
    // Only tidies the index: a timer left behind finds the clock stopped and is dropped then.
    ctx.afterCommit(() => void this.timers.removeClock(clockId, keys).catch((e: unknown) => this.logger.warn({ err: e as Error, clockId }, 'could not remove the timers of a stopped clock')));
    return 'stopped';
  }

  /** A stop for a clock that has not started yet (the topics are not ordered with each other): kept, the earliest wins. */
  async recordPending(ctx: Pick<HandlerContext, 'manager'>, req: StopRequest): Promise<void> {
    await ctx.manager.query(
      `INSERT INTO pending_stops (ticket_id, metric, stopped_at, event_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (ticket_id, metric) DO UPDATE
         SET stopped_at = LEAST(pending_stops.stopped_at, EXCLUDED.stopped_at),
             event_id = CASE WHEN EXCLUDED.stopped_at < pending_stops.stopped_at THEN EXCLUDED.event_id ELSE pending_stops.event_id END`,
      [req.ticketId, req.metric, req.stoppedAt, req.causationId],
    );
  }
}
