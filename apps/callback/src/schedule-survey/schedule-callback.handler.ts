import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { makeEvent, type Envelope } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { firstAttempt, type CallbackChannel } from '../domain/callback-policy';
import { customerTimeZone } from '../domain/customer-time-zone';
import { QUESTIONNAIRE, SURVEY_CHANNEL } from '../domain/survey-invitation';
import { CALLBACK_CONFIG, type CallbackConfig } from '../callback.config';
import { SOURCE } from '../persistence/source';

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
    // Quiet hours are the customer's: read in the zone of the region they are served in.
    const timeZone = customerTimeZone(r.region, this.config.timeZones);
    const channel = await this.channelFor(r.ticketId, ctx);
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
        { surveyId, ticketId: r.ticketId, region: r.region, dueAt: attempt.dueAt.toISOString(), channel: SURVEY_CHANNEL, questionnaire: QUESTIONNAIRE },
        meta,
      ),
    });
  }

  /**
   * An agent's phone call for the kinds configured (CALLBACK_PHONE_KINDS), else the SMS survey. A
   * resolution that arrives before its ticket (another topic) is not known by kind: SMS.
   */
  private async channelFor(ticketId: string, ctx: HandlerContext): Promise<CallbackChannel> {
    if (this.config.phoneKinds.length === 0) return SURVEY_CHANNEL;
    const rows: { kind: string | null }[] = await ctx.manager.query('SELECT kind FROM tickets WHERE ticket_id = $1', [ticketId]);
    const kind = rows[0]?.kind;
    return kind && this.config.phoneKinds.includes(kind) ? 'phone' : SURVEY_CHANNEL;
  }
}
