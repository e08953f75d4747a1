import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE, LOGGER, PolledWorker } from '@switchboard/platform';
import { SLA_MONITOR_CONFIG, type SlaMonitorConfig } from '../sla-monitor.config';
import { pendingAlerts, type AlertSchedule } from '../domain/alert-ladder';
import { TimerIndex, type Timer } from '../timers/timer-index';

const PAGE = 1_000;

interface RunningClock {
  id: string;
  warn_at: Date;
  due_at: Date;
  schedule: AlertSchedule | null;
  alerted: { level: string; at: string }[];
}

/**
 * Rebuilds the Redis timer index from PostgreSQL at start and every SLA_RECONCILE_MS: Redis may
 * have been flushed or missed an update (a crash between commit and indexing). Re-adding a
 * timer is harmless — the poller checks the clock and the alerts table before raising.
 */
@Injectable()
export class TimerReconciler extends PolledWorker {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(SLA_MONITOR_CONFIG) config: SlaMonitorConfig,
    private readonly timers: TimerIndex,
  ) {
    super('sla timer reconciler', config.reconcileMs, logger);
    this.reminderIntervalMs = config.reminderIntervalMs;
  }

  private readonly reminderIntervalMs: number;

  pass(): Promise<void> {
    return this.reconcile();
  }

  /** Indexes every alert still to raise of every running clock (domain/alert-ladder.ts `pendingAlerts`), in pages. */
  async reconcile(): Promise<void> {
    let after = '00000000-0000-0000-0000-000000000000';
    let indexed = 0;
    for (;;) {
      const clocks: RunningClock[] = await this.dataSource.query(
        `SELECT c.id, c.warn_at, c.due_at, c.schedule,
                COALESCE(json_agg(json_build_object('level', a.level, 'at', a.alerted_at)) FILTER (WHERE a.level IS NOT NULL), '[]') AS alerted
           FROM clocks c LEFT JOIN alerts a ON a.clock_id = c.id
          WHERE c.state = 'running' AND c.id > $1
          GROUP BY c.id ORDER BY c.id LIMIT $2`,
        [after, PAGE],
      );
      const timers: Timer[] = clocks.flatMap((c) =>
        pendingAlerts({ warnAt: c.warn_at, dueAt: c.due_at, schedule: c.schedule }, new Map(c.alerted.map((a) => [a.level, new Date(a.at)])), this.reminderIntervalMs).map((t) => ({
          clockId: c.id,
          level: t.key,
          at: t.at,
        })),
      );
      await this.timers.add(timers);
      indexed += timers.length;
      if (clocks.length < PAGE) break;
      after = clocks[clocks.length - 1]!.id;
    }
    this.logger.debug({ timers: indexed, key: this.timers.key }, 'SLA timer index reconciled');
  }
}
