import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { makeEvent } from '@switchboard/contracts';
import { enqueueEvents } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { DATA_SOURCE, LOGGER, PolledWorker } from '@switchboard/platform';
import { monthsDue, type MonthState } from '../domain/scorecard-month';
import { SCORECARDS_SOURCE } from './month-closer';
import { SCORECARDS_CONFIG, type ScorecardsConfig } from './scorecards.config';

/**
 * Closes months by itself (ADR 0026): once the clock passes the first of the next month plus
 * SCORECARD_CLOSE_GRACE_HOURS, and again whenever a later input changed a closed month, it sends
 * scoring a `scorecards.close-month` through the outbox — so every close, automatic or not, is a
 * command on the topic and a replay closes the same way. SCORECARD_CLOSE_POLL_MS=0 turns it off.
 */
@Injectable()
export class MonthClosePoller extends PolledWorker {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SCORECARDS_CONFIG) private readonly config: ScorecardsConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    super('scorecard month close poller', config.closePollMs || 60_000, logger);
  }

  override onApplicationBootstrap(): void {
    if (this.config.closePollMs > 0) super.onApplicationBootstrap();
  }

  async pass(): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const now = this.clock.now();
      const rows = await m.query<{ month: string; input_version: string; closed_version: string | null; requested_version: string | null }[]>(
        `SELECT month, input_version, closed_version, requested_version FROM sc_months FOR UPDATE SKIP LOCKED`,
      );
      const states: MonthState[] = rows.map((r) => ({ month: r.month, inputVersion: Number(r.input_version), closedVersion: r.closed_version === null ? null : Number(r.closed_version), requestedVersion: r.requested_version === null ? null : Number(r.requested_version) }));
      const due = monthsDue(states, now, this.config.closeGraceHours);
      if (due.length === 0) return;
      await m.query(`UPDATE sc_months SET requested_version = input_version WHERE month = ANY($1::text[])`, [due]);
      await enqueueEvents(
        m,
        due.map((month) => ({ envelope: makeEvent('scorecards.close-month', { month, requestedBy: 'scoring/month-close-poller' }, { source: SCORECARDS_SOURCE, subject: month, time: now }) })),
      );
      this.logger.info({ months: due }, 'scorecard months due: close requested');
    });
  }
}
