import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { makeEvent } from '@switchboard/contracts';
import { enqueueEvents, type OutgoingEvent } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { DATA_SOURCE, LOGGER } from '@switchboard/platform';
import { isInQuietHours, outsideQuietHours, QUIET_HOURS_CHANNELS } from '../domain/callback-policy';
import { EMAIL_SURVEY_TEMPLATE, emailSurveyInvitationText, SURVEY_TEMPLATE, surveyInvitationText } from '../domain/survey-invitation';
import { callbackClosedFact, type ClosedCallbackRow } from '../figures/callback-closed.fact';
import { queuedAgain } from '../phone-callback/callback-queued.event';
import { CALLBACK_CONFIG, type CallbackConfig } from '../callback.config';
import { SOURCE } from '../persistence/source';
import { PolledWorker } from '@switchboard/platform';

interface DueSurvey {
  id: string;
  ticket_id: string;
  correlation_id: string | null;
  channel: 'sms' | 'email';
  /** The customer's number for SMS, their email address for email. */
  address: string;
  time_zone: string;
}

interface DeferredCall {
  id: string;
  ticket_id: string;
  region: string;
  questionnaire: string;
  attempts_made: number;
  closes_at: Date;
  correlation_id: string | null;
  due_at: Date;
}

interface ClosedSurvey extends ClosedCallbackRow {
  correlation_id: string | null;
  closes_at: Date;
}

/**
 * Sends the surveys that have fallen due — by SMS to the ticket's number, by email to the address
 * the customer gave (`customer.set-contact-preferences`): each is marked sent and its `notification.requested`
 * enqueued in one transaction; rows are claimed with SKIP LOCKED, so replicas share the work and
 * no survey goes out twice. A survey whose ticket contact is not known yet waits for it. A due
 * survey found inside the customer's quiet hours (the sender was behind, or down overnight) waits
 * for the night's end instead: never at night (ADR 0018). A survey still unanswered when its
 * validity window ends is closed unreachable (`survey.unreachable`).
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
  async pass(): Promise<boolean> {
    const closedFull = await this.closeExpired();
    const sentFull = await this.sendDue();
    await this.deferPhoneCallsAtNight();
    return closedFull || sentFull;
  }

  /**
   * Phone attempts still waiting for an agent when the customer's night begins go back to the
   * night's end (`callback.queued` again), so the agents' due list never offers a call at night.
   */
  private async deferPhoneCallsAtNight(): Promise<void> {
    const now = this.clock.now();
    const { quietHours } = this.config.policy;
    if (quietHours === null) return;
    // Read without locks first: by day nothing qualifies and claims are not held up.
    const waiting: { id: string; time_zone: string }[] = await this.dataSource.query(
      `SELECT id, time_zone FROM surveys WHERE state = 'scheduled' AND channel = 'phone' AND claimed_by IS NULL AND due_at <= $1 AND closes_at > $1 ORDER BY due_at LIMIT $2`,
      [now, this.config.sendBatch],
    );
    const night = waiting.filter((w) => isInQuietHours(now, quietHours, w.time_zone));
    if (night.length === 0) return;
    await this.dataSource.transaction(async (m) => {
      const moved: (DeferredCall & { time_zone: string })[] = await m
        .query(
          `UPDATE surveys s SET due_at = v.due_at, deferred_for_quiet_hours = true
             FROM unnest($1::uuid[], $2::timestamptz[]) AS v(id, due_at)
            WHERE s.id = v.id AND s.state = 'scheduled' AND s.claimed_by IS NULL AND s.due_at <= $3
            RETURNING s.id, s.ticket_id, s.region, s.questionnaire, s.attempts_made, s.closes_at, s.correlation_id, s.time_zone, s.due_at`,
          [night.map((w) => w.id), night.map((w) => outsideQuietHours(now, quietHours, w.time_zone)), now],
        )
        .then((r: [(DeferredCall & { time_zone: string })[], number]) => r[0]);
      await enqueueEvents(
        m,
        moved.map((c) => queuedAgain(c, new Date(c.due_at), { source: SOURCE, subject: c.ticket_id, time: now, ...(c.correlation_id ? { correlationId: c.correlation_id } : {}) })),
      );
    });
  }

  private closeExpired(): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const now = this.clock.now();
      const closed: ClosedSurvey[] = await m.query(
        `UPDATE surveys SET state = 'unreachable', closed_at = closes_at, unreachable_reason = 'validity-window-elapsed'
          WHERE id IN (SELECT id FROM surveys WHERE state IN ('scheduled', 'sent') AND closes_at <= $1 ORDER BY closes_at LIMIT $2 FOR UPDATE SKIP LOCKED)
          RETURNING id, ticket_id, region, correlation_id, attempts_made, closes_at, attempt, resolution, completed_at, channel, questionnaire`,
        [now, this.config.sendBatch],
      ).then((r: [ClosedSurvey[], number]) => r[0]);
      if (closed.length === 0) return false;
      await enqueueEvents(
        m,
        closed.flatMap((s) => {
          const meta = { source: SOURCE, subject: s.ticket_id, time: now, ...(s.correlation_id ? { correlationId: s.correlation_id } : {}) };
          const closedAt = new Date(s.closes_at);
          return [
            {
              envelope: makeEvent(
                'survey.unreachable',
                { surveyId: s.id, ticketId: s.ticket_id, region: s.region, attempts: s.attempts_made, reason: 'validity-window-elapsed', closedAt: closedAt.toISOString() },
                meta,
              ),
            },
            callbackClosedFact(s, { status: 'unreachable', closedAt }, meta),
          ];
        }),
      );
      return closed.length === this.config.sendBatch;
    });
  }

  private sendDue(): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const now = this.clock.now();
      const candidates: DueSurvey[] = await m.query(
        `SELECT s.id, s.ticket_id, s.correlation_id, s.time_zone, s.channel, CASE WHEN s.channel = 'email' THEN p.email ELSE t.contact_phone END AS address
           FROM surveys s JOIN tickets t ON t.ticket_id = s.ticket_id LEFT JOIN customer_preferences p ON p.customer_id = t.customer_id
          WHERE s.state = 'scheduled' AND s.channel IN ('sms', 'email') AND s.due_at <= $1 AND s.closes_at > $1
            AND CASE WHEN s.channel = 'email' THEN p.email IS NOT NULL ELSE t.contact_phone <> '' END
          ORDER BY s.due_at
          LIMIT $2
          FOR UPDATE OF s SKIP LOCKED`,
        [now, this.config.sendBatch],
      );
      if (candidates.length === 0) return false;
      const { quietHours } = this.config.policy;
      // An email waits in the inbox: only SMS keeps out of the customer's night.
      const night = candidates.filter((s) => QUIET_HOURS_CHANNELS.includes(s.channel) && isInQuietHours(now, quietHours, s.time_zone));
      if (night.length > 0) {
        await m.query(
          `UPDATE surveys s SET due_at = v.due_at, deferred_for_quiet_hours = true FROM unnest($1::uuid[], $2::timestamptz[]) AS v(id, due_at) WHERE s.id = v.id`,
          [night.map((s) => s.id), night.map((s) => outsideQuietHours(now, quietHours, s.time_zone))],
        );
      }
      const due = candidates.filter((s) => !night.includes(s));
      if (due.length === 0) return candidates.length === this.config.sendBatch;
      const notificationIds = due.map(() => randomUUID());
      const events: OutgoingEvent[] = due.map((s, i) => ({
        envelope: makeEvent(
          'notification.requested',
          {
            notificationId: notificationIds[i]!,
            ticketId: s.ticket_id,
            channel: s.channel,
            to: s.address,
            template: s.channel === 'email' ? EMAIL_SURVEY_TEMPLATE : SURVEY_TEMPLATE,
            text: s.channel === 'email' ? emailSurveyInvitationText() : surveyInvitationText(),
            data: { surveyId: s.id },
          },
          { source: SOURCE, subject: s.ticket_id, time: now, ...(s.correlation_id ? { correlationId: s.correlation_id } : {}) },
        ),
      }));
      await m.query(
        `UPDATE surveys s SET state = 'sent', sent_at = $1, notification_id = v.notification_id, attempts_made = s.attempts_made + 1
           FROM unnest($2::uuid[], $3::uuid[]) AS v(id, notification_id)
          WHERE s.id = v.id`,
        [now, due.map((s) => s.id), notificationIds],
      );
      await enqueueEvents(m, events);
      return candidates.length === this.config.sendBatch;
    });
  }
}
