import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { makeEvent, type Envelope } from '@switchboard/contracts';
import { enqueueEvents } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { DATA_SOURCE, LOGGER, PolledWorker } from '@switchboard/platform';
import { instantOfAlert, nextReminder, notifyAt, parseAlertKey } from '../domain/alert-ladder';
import { DEFAULT_CALENDAR } from '../domain/sla-policy';
import { alertedOf, CLOCK_COLUMNS, ladderClockOf, SOURCE, type ClockRow } from '../persistence/clock-row';
import { SLA_MONITOR_CONFIG, type SlaMonitorConfig } from '../sla-monitor.config';
import { TimerIndex, type DueTimer, type Timer } from '../timers/timer-index';
import { TimerReconciler } from './timer-reconciler';

type Outcome = { kind: 'done'; next: Timer[] } | { kind: 'not-yet'; at: Date };

/**
 * Raises a clock's alerts when their timers fall due (domain/alert-ladder.ts): `sla.warning` and
 * `sla.warned` per fraction, `sla.breached`, `sla.escalated` per level, `sla.reminder` every interval
 * once warned — exactly once per clock and key: the clock row is locked and the `alerts` row claimed
 * in the transaction that enqueues the event, so two replicas or a timer indexed twice cannot alert
 * twice. Each pass first checks the index's marker: a lost index is rebuilt from PostgreSQL at once.
 */
@Injectable()
export class AlertPoller extends PolledWorker {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(SLA_MONITOR_CONFIG) private readonly config: SlaMonitorConfig,
    private readonly timers: TimerIndex,
    private readonly reconciler: TimerReconciler,
  ) {
    super('sla alert poller', config.pollMs, logger);
  }

  /** One pass; true when the batch was full (more may be due). */
  async pass(): Promise<boolean> {
    if (await this.timers.claimRebuild()) {
      this.logger.info({ key: this.timers.key }, 'SLA timer index missing (Redis emptied or replaced): rebuilding it from PostgreSQL');
      try {
        await this.reconciler.reconcile();
      } catch (e) {
        await this.timers.forgetEpoch();
        throw e;
      }
    }
    const due = await this.timers.claim(this.clock.now(), this.config.pollBatch);
    for (const timer of due) {
      try {
        const outcome = await this.raise(timer);
        // After commit: a crash before this line leaves a timer that fires after its lease and finds its alert taken.
        if (outcome.kind === 'not-yet') await this.timers.add([{ clockId: timer.clockId, level: timer.level, at: outcome.at }]);
        else {
          await this.timers.release(timer);
          await this.timers.add(outcome.next);
        }
      } catch (e) {
        this.logger.warn({ err: e as Error, timer: timer.member }, 'could not raise an SLA alert; will retry');
        await this.timers.add([{ clockId: timer.clockId, level: timer.level, at: this.clock.now() }]).catch(() => undefined);
      }
    }
    return due.length === this.config.pollBatch;
  }

  private raise(timer: DueTimer): Promise<Outcome> {
    return this.dataSource.transaction(async (m): Promise<Outcome> => {
      const rows: ClockRow[] = await m.query(`SELECT ${CLOCK_COLUMNS} FROM clocks WHERE id = $1 FOR UPDATE`, [timer.clockId]);
      const clock = rows[0];
      if (!clock || clock.state !== 'running') return { kind: 'done', next: [] };
      const alerted = await alertedOf(m, clock.id);
      const at = instantOfAlert(ladderClockOf(clock), timer.level, alerted, this.config.reminderIntervalMs);
      if (at === undefined) return { kind: 'done', next: [] }; // raised already, or not an alert of this clock
      const now = this.clock.now();
      if (at.getTime() > now.getTime()) return { kind: 'not-yet', at };
      const envelope = this.eventFor(clock, timer.level, now);
      const claimed: unknown[] = await m.query(
        'INSERT INTO alerts (clock_id, level, alerted_at, event_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING clock_id',
        [clock.id, timer.level, now, envelope.id],
      );
      if (claimed.length === 0) return { kind: 'done', next: [] };
      await enqueueEvents(m, [{ envelope }]);
      alerted.set(timer.level, now);
      // A warning or reminder arms the next reminder.
      const reminder = nextReminder(alerted, this.config.reminderIntervalMs);
      return { kind: 'done', next: reminder && !alerted.has(reminder.key) ? [{ clockId: clock.id, level: reminder.key, at: reminder.at }] : [] };
    });
  }

  private eventFor(clock: ClockRow, key: string, now: Date): Envelope {
    const parsed = parseAlertKey(key)!;
    const base = { clockId: clock.id, ticketId: clock.ticket_id, metric: clock.metric, region: clock.region, dueAt: clock.due_at.toISOString(), at: now.toISOString() };
    const meta = { source: SOURCE, subject: clock.ticket_id, time: now, ...(clock.correlation_id ? { correlationId: clock.correlation_id } : {}) };
    const timeZone = clock.schedule?.calendar.timeZone ?? DEFAULT_CALENDAR.timeZone;
    const tell = notifyAt(now, this.config.quietHours, timeZone);
    const person = { notifyAt: tell.toISOString(), quietHours: tell.getTime() !== now.getTime() };
    switch (parsed.kind) {
      case 'warning':
        return makeEvent('sla.warning', base, meta);
      case 'breached':
        return makeEvent('sla.breached', base, meta);
      case 'warned': {
        const index = (clock.schedule?.warnings ?? []).findIndex((w) => w.fraction === parsed.fraction);
        return makeEvent('sla.warned', { ...base, fraction: parsed.fraction, warning: index + 1 }, meta);
      }
      case 'escalated': {
        const level = clock.schedule!.escalations.find((e) => e.level === parsed.level)!;
        return makeEvent('sla.escalated', { ...base, ...person, level: level.level, notify: level.notify, action: level.action }, meta);
      }
      case 'reminder':
        return makeEvent('sla.reminder', { ...base, ...person, reminder: parsed.n }, meta);
    }
  }
}
