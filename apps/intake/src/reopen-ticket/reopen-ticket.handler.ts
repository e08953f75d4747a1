import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { makeEvent, type Envelope, type SurveyUnsatisfied, type TicketReopened } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { LOGGER } from '@switchboard/platform';
import { INTAKE_SOURCE } from '../accept-ticket/accept-ticket.handler';
import { reopenAfterUnsatisfiedSurvey, type ReopenableTicket } from '../domain/reopen-rule';

interface TicketRecord {
  state: ReopenableTicket['state'];
  reopen_count: number;
  owner: string;
  kind: TicketReopened['kind'];
  service: TicketReopened['service'];
  customer_tier: TicketReopened['customerTier'];
  customer_name: string;
  customer_phone: string;
  region: string;
  county: string;
  zone: string;
  cell_id: string | null;
  lat: number | null;
  lon: number | null;
}

/**
 * `survey.unsatisfied`: reopens the ticket — same id, same first-contact owner — counts the
 * reopening, raises its priority and emits `ticket.reopened` with what dispatch needs.
 */
@Injectable()
export class ReopenTicketHandler {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(event: Envelope<'survey.unsatisfied', SurveyUnsatisfied>, ctx: HandlerContext): Promise<void> {
    const { ticketId, surveyId, attempt } = event.data;
    const rows = await ctx.manager.query<TicketRecord[]>(
      `SELECT state, reopen_count, owner, kind, service, customer_tier, customer_name, customer_phone, region, county, zone, cell_id, lat, lon
         FROM tickets WHERE ticket_id = $1 FOR UPDATE`,
      [ticketId],
    );
    const t = rows[0];
    if (!t) {
      // Only intake creates tickets, so a survey of an unknown ticket is not one of ours to reopen.
      this.logger.warn({ ticketId, surveyId }, 'survey.unsatisfied for a ticket intake does not know; nothing reopened');
      return;
    }
    const decision = reopenAfterUnsatisfiedSurvey({ state: t.state, reopenCount: t.reopen_count }, attempt);
    if (!decision.reopen) return;

    const now = this.clock.now();
    await ctx.manager.query(`UPDATE tickets SET state = 'reopened', reopen_count = $2, priority = $3, last_reopened_at = $4, updated_at = $4 WHERE ticket_id = $1`, [
      ticketId,
      decision.reopenCount,
      decision.priority,
      now,
    ]);
    const reopened: TicketReopened = {
      ticketId,
      owner: t.owner,
      region: t.region,
      reopenCount: decision.reopenCount,
      reason: 'customer-unsatisfied',
      surveyId,
      kind: t.kind,
      service: t.service,
      customerTier: t.customer_tier,
      contact: { name: t.customer_name, phone: t.customer_phone },
      location: {
        region: t.region,
        county: t.county,
        zone: t.zone,
        ...(t.cell_id !== null ? { cellId: t.cell_id } : {}),
        ...(t.lat !== null ? { lat: t.lat } : {}),
        ...(t.lon !== null ? { lon: t.lon } : {}),
      },
      priority: decision.priority,
      reopenedAt: now.toISOString(),
    };
    await ctx.emit({
      envelope: makeEvent('ticket.reopened', reopened, { source: INTAKE_SOURCE, subject: ticketId, time: now, correlationId: event.correlationId ?? event.id, causationId: event.id }),
    });
  }
}
