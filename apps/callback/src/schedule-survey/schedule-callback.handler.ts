import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { makeEvent, type Envelope } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { callbackChannelFor, firstAttempt, type CallbackChannel } from '../domain/callback-policy';
import { customerTimeZone } from '../domain/customer-time-zone';
import { QUESTIONNAIRE } from '../domain/survey-invitation';
import { CALLBACK_CONFIG, type CallbackConfig } from '../callback.config';
import { SOURCE } from '../persistence/source';

interface CustomerRow {
  kind: string | null;
  contact_phone: string;
  email: string | null;
  time_zone: string | null;
  callback_channel: CallbackChannel | null;
}

/** A resolution of a ticket: a technician's completion, or intake closing it without one. */
export interface Resolution {
  ticketId: string;
  region: string;
  resolvedAt: Date;
  /** `completed` for a technician's completion, else `ticket.resolved`'s resolution. */
  resolution: string;
  /** Names the resolution: a second event about the same one finds its callback already there. */
  key: string;
  assignmentId?: string;
}

/**
 * Every resolution gets exactly one callback (domain.md §5: callback ratio 100 %), scheduled by the
 * callback policy (domain/callback-policy.ts): the delay after the resolution, out of the
 * customer's quiet hours, open until the validity window ends. A resolution that arrives while the
 * ticket's callback is still open (a held ticket whose technician completed, then resolved by
 * intake) adds none: the open callback asks about it.
 */
@Injectable()
export class ScheduleCallbackHandler {
  constructor(
    @Inject(CALLBACK_CONFIG) private readonly config: CallbackConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async schedule(r: Resolution, cause: Envelope<string, unknown>, ctx: HandlerContext): Promise<void> {
    // One ticket's resolutions arrive on two topics (completions, intake's resolutions): serialise them.
    await ctx.manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`callback:${r.ticketId}`]);
    const open: { id: string }[] = await ctx.manager.query(
      `SELECT id FROM surveys WHERE ticket_id = $1 AND (resolution_key = $2 OR state IN ('scheduled', 'sent')) LIMIT 1`,
      [r.ticketId, r.key],
    );
    if (open.length > 0) return;
    const { policy } = this.config;
    const customer = await this.customerOf(r.ticketId, ctx);
    const channel = callbackChannelFor({
      phoneKind: typeof customer?.kind === 'string' && this.config.phoneKinds.includes(customer.kind),
      customerPrefers: customer?.callback_channel ?? null,
      reach: { phone: customer?.contact_phone ?? null, email: customer?.email ?? null },
    });
    // Quiet hours are the customer's: their own zone when they gave one, else their region's.
    const timeZone = customer?.time_zone ?? customerTimeZone(r.region, this.config.timeZones);
    const attempt = firstAttempt(r.resolvedAt, policy, timeZone, channel);
    const correlationId = cause.correlationId ?? cause.id;
    const surveyId = randomUUID();
    await ctx.manager.query(
      // The attempt counts this ticket's surveys: after a reopening's fix, the next one (domain.md §5).
      `INSERT INTO surveys (id, ticket_id, assignment_id, resolution, resolution_key, region, channel, questionnaire, completed_at, due_at, closes_at,
                            time_zone, deferred_for_quiet_hours, correlation_id, attempt)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 1 + (SELECT count(*) FROM surveys WHERE ticket_id = $2)::int)`,
      [surveyId, r.ticketId, r.assignmentId ?? null, r.resolution, r.key, r.region, channel, QUESTIONNAIRE, r.resolvedAt, attempt.dueAt, attempt.closesAt, timeZone, attempt.deferredForQuietHours, correlationId],
    );
    const meta = { source: SOURCE, subject: r.ticketId, time: this.clock.now(), correlationId, causationId: cause.id };
    // A due time at or past the close (a night longer than a short window) is closed unreachable by the sender's sweep.
    if (channel === 'phone') {
      return ctx.emit({
        envelope: makeEvent(
          'callback.queued',
          {
            surveyId,
            ticketId: r.ticketId,
            region: r.region,
            questionnaire: QUESTIONNAIRE,
            attempt: 1,
            dueAt: attempt.dueAt.toISOString(),
            closesAt: attempt.closesAt.toISOString(),
            deferredForQuietHours: attempt.deferredForQuietHours,
          },
          meta,
        ),
      });
    }
    await ctx.emit({
      envelope: makeEvent(
        'survey.scheduled',
        { surveyId, ticketId: r.ticketId, region: r.region, dueAt: attempt.dueAt.toISOString(), channel, questionnaire: QUESTIONNAIRE },
        meta,
      ),
    });
  }

  /**
   * What scheduling needs of the ticket's customer: the kind (CALLBACK_PHONE_KINDS), the phone,
   * and their contact preferences. A resolution that arrives before its ticket (another topic) finds
   * nothing: an SMS survey in the region's zone, sent once the contact is known.
   */
  private async customerOf(ticketId: string, ctx: HandlerContext): Promise<CustomerRow | undefined> {
    const rows: CustomerRow[] = await ctx.manager.query(
      `SELECT t.kind, t.contact_phone, p.email, p.time_zone, p.callback_channel
         FROM tickets t LEFT JOIN customer_preferences p ON p.customer_id = t.customer_id
        WHERE t.ticket_id = $1`,
      [ticketId],
    );
    return rows[0];
  }
}
