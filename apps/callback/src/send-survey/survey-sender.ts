import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { makeEvent } from '@switchboard/contracts';
import { enqueueEvents, type OutgoingEvent } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { DATA_SOURCE, LOGGER } from '@switchboard/platform';
import { SURVEY_CHANNEL, SURVEY_TEMPLATE, surveyInvitationText } from '../domain/survey-invitation';
import { CALLBACK_CONFIG, type CallbackConfig } from '../callback.config';
import { SOURCE } from '../persistence/source';
import { PolledWorker } from '@switchboard/platform';

interface DueSurvey {
  id: string;
  ticket_id: string;
  correlation_id: string | null;
  contact_phone: string;
}

/**
 * Sends the surveys that have fallen due: each is marked sent and its `notification.requested`
 * enqueued in one transaction; rows are claimed with SKIP LOCKED, so replicas share the work and
 * no survey goes out twice. A survey whose ticket contact is not known yet waits for it.
 */
@Injectable()
export class SurveySender extends PolledWorker {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CALLBACK_CONFIG) private readonly config: CallbackConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    super('survey sender', config.pollMs, logger);
  }

  /** One pass; true when the batch was full (more may be due). */
  pass(): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const now = this.clock.now();
      const due: DueSurvey[] = await m.query(
        `SELECT s.id, s.ticket_id, s.correlation_id, t.contact_phone
           FROM surveys s JOIN tickets t ON t.ticket_id = s.ticket_id
          WHERE s.state = 'scheduled' AND s.due_at <= $1 AND t.contact_phone <> ''
          ORDER BY s.due_at
          LIMIT $2
          FOR UPDATE OF s SKIP LOCKED`,
        [now, this.config.sendBatch],
      );
      if (due.length === 0) return false;
      const notificationIds = due.map(() => randomUUID());
      const events: OutgoingEvent[] = due.map((s, i) => ({
        envelope: makeEvent(
          'notification.requested',
          {
            notificationId: notificationIds[i]!,
            ticketId: s.ticket_id,
            channel: SURVEY_CHANNEL,
            to: s.contact_phone,
            template: SURVEY_TEMPLATE,
            text: surveyInvitationText(),
            data: { surveyId: s.id },
          },
          { source: SOURCE, subject: s.ticket_id, time: now, ...(s.correlation_id ? { correlationId: s.correlation_id } : {}) },
        ),
      }));
      await m.query(
        `UPDATE surveys s SET state = 'sent', sent_at = $1, notification_id = v.notification_id
           FROM unnest($2::uuid[], $3::uuid[]) AS v(id, notification_id)
          WHERE s.id = v.id`,
        [now, due.map((s) => s.id), notificationIds],
      );
      await enqueueEvents(m, events);
      return due.length === this.config.sendBatch;
    });
  }
}
