import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { enqueueEvents } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { DATA_SOURCE, LOGGER, PolledWorker } from '@switchboard/platform';
import { INTAKE_CONFIG, type IntakeConfig } from '../intake.config';
import { RemoteSupportQueue, type ExpiringEntry } from './remote-support-queue';

const BATCH = 100;

/**
 * Releases held tickets whose hold has ended (`ticket.dispatch-requested`, remote-hold-expired).
 * Rows are claimed with SKIP LOCKED, so two intake replicas share the work and a ticket an agent
 * is acting on is left to the agent's transaction. Runs even when remote pre-handling is switched
 * off, so tickets held before never stay held.
 */
@Injectable()
export class RemoteHoldExpiry extends PolledWorker {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(INTAKE_CONFIG) config: IntakeConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    super('remote hold expiry', config.remoteSupportPollMs, logger);
  }

  /** One pass; true when the batch was full (more may be due). */
  pass(): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const now = this.clock.now();
      const due = await m.query<ExpiringEntry[]>(
        `SELECT ticket_id, region, triage_class, triage_priority, correlation_id FROM remote_support_queue
          WHERE state = 'held' AND hold_until <= $1
          ORDER BY hold_until
          LIMIT $2
          FOR UPDATE SKIP LOCKED`,
        [now, BATCH],
      );
      await enqueueEvents(m, await RemoteSupportQueue.expire(m, due, now));
      return due.length === BATCH;
    });
  }
}
