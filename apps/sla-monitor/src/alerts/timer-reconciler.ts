import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE, LOGGER, PolledWorker } from '@switchboard/platform';
import { SLA_MONITOR_CONFIG, type SlaMonitorConfig } from '../sla-monitor.config';
import { TimerIndex, type Timer } from '../timers/timer-index';

const PAGE = 1_000;

interface RunningClock {
  id: string;
  warn_at: Date;
  due_at: Date;
  warned: boolean;
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
  }

  pass(): Promise<void> {
    return this.reconcile();
  }

  /** Indexes the timers of every running clock whose levels have not been alerted. */
  async reconcile(): Promise<void> {
    let after = '00000000-0000-0000-0000-000000000000';
    let indexed = 0;
    for (;;) {
      const clocks: RunningClock[] = await this.dataSource.query(
        `SELECT c.id, c.warn_at, c.due_at,
                EXISTS (SELECT 1 FROM alerts a WHERE a.clock_id = c.id AND a.level = 'warning') AS warned
           FROM clocks c
          WHERE c.state = 'running' AND c.id > $1
            AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.clock_id = c.id AND a.level = 'breached')
          ORDER BY c.id LIMIT $2`,
        [after, PAGE],
      );
      const timers: Timer[] = clocks.flatMap((c) => [
        ...(c.warned ? [] : [{ clockId: c.id, level: 'warning' as const, at: c.warn_at }]),
        { clockId: c.id, level: 'breached' as const, at: c.due_at },
      ]);
      await this.timers.add(timers);
      indexed += timers.length;
      if (clocks.length < PAGE) break;
      after = clocks[clocks.length - 1]!.id;
    }
    this.logger.debug({ timers: indexed, key: this.timers.key }, 'SLA timer index reconciled');
  }
}
