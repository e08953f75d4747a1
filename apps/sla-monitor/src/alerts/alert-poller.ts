import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { makeEvent } from '@switchboard/contracts';
import { enqueueEvents } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { DATA_SOURCE, LOGGER } from '@switchboard/platform';
import { ClockSchedule } from '../domain/clock-schedule';
import { CLOCK_COLUMNS, SOURCE, type ClockRow } from '../persistence/clock-row';
import { SLA_MONITOR_CONFIG, type SlaMonitorConfig } from '../sla-monitor.config';
import { PolledWorker } from '@switchboard/platform';
import { TimerIndex, type DueTimer } from '../timers/timer-index';

type Outcome = { kind: 'done' } | { kind: 'not-yet'; at: Date };

/**
 * Raises `sla.warning` and `sla.breached` when their timers fall due: exactly once per clock and
 * level — the clock row is locked and the `alerts` row is claimed in the transaction that
 * enqueues the event, so two pollers or a timer indexed twice cannot alert twice.
 */
@Injectable()
export class AlertPoller extends PolledWorker {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(SLA_MONITOR_CONFIG) private readonly config: SlaMonitorConfig,
    private readonly timers: TimerIndex,
  ) {
    super('sla alert poller', config.pollMs, logger);
  }

  /** One pass; true when the batch was full (more may be due). */
  async pass(): Promise<boolean> {
    const due = await this.timers.due(this.clock.now(), this.config.pollBatch);
    for (const timer of due) {
      try {
        const outcome = await this.raise(timer);
        // After commit: a crash before this line only leaves a timer that finds its alert taken.
        if (outcome.kind === 'not-yet') await this.timers.add([{ clockId: timer.clockId, level: timer.level, at: outcome.at }]);
        else await this.timers.remove(timer.member);
      } catch (e) {
        this.logger.warn({ err: e as Error, timer: timer.member }, 'could not raise an SLA alert; will retry');
      }
    }
    return due.length === this.config.pollBatch;
  }

  private raise(timer: DueTimer): Promise<Outcome> {
    return this.dataSource.transaction(async (m): Promise<Outcome> => {
      const rows: ClockRow[] = await m.query(`SELECT ${CLOCK_COLUMNS} FROM clocks WHERE id = $1 FOR UPDATE`, [timer.clockId]);
      const clock = rows[0];
      if (!clock || clock.state !== 'running') return { kind: 'done' };
      const now = this.clock.now();
      const at = ClockSchedule.instantOf(timer.level, { warnAt: clock.warn_at, dueAt: clock.due_at });
      if (at.getTime() > now.getTime()) return { kind: 'not-yet', at };
      const envelope = makeEvent(
        timer.level === 'warning' ? 'sla.warning' : 'sla.breached',
        { clockId: clock.id, ticketId: clock.ticket_id, metric: clock.metric, region: clock.region, dueAt: clock.due_at.toISOString(), at: now.toISOString() },
        { source: SOURCE, subject: clock.ticket_id, time: now, ...(clock.correlation_id ? { correlationId: clock.correlation_id } : {}) },
      );
      const claimed: unknown[] = await m.query(
        'INSERT INTO alerts (clock_id, level, alerted_at, event_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING clock_id',
        [clock.id, timer.level, now, envelope.id],
      );
      if (claimed.length > 0) await enqueueEvents(m, [{ envelope }]);
      return { kind: 'done' };
    });
  }
}
