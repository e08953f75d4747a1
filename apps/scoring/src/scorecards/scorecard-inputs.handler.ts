import { Injectable } from '@nestjs/common';
import type { EventData, EventType, Envelope } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import type { EntityManager } from 'typeorm';
import { monthOf } from '../domain/scorecard-month';

type In<T extends EventType> = Envelope<T, EventData<T>>;

/**
 * Recomputes what the close aggregates for every completion of these tickets: the ticket's kind;
 * the callbacks between the completion and the ticket's next completion (any → called back;
 * answered → surveyed; satisfied); the ticket's SLA outcomes; the repeat faults reported about it.
 * Index lookups per ticket, so the month close is one scan of `sc_completions` (ADR 0026).
 */
export const REFRESH_COMPLETIONS = `
  UPDATE sc_completions s
     SET kind = t.kind, surveyed = cb.surveyed, satisfied = cb.satisfied, called_back = cb.callbacks > 0,
         resolution_met = (SELECT o.met FROM sc_sla_outcomes o WHERE o.ticket_id = s.ticket_id AND o.metric = 'resolution'),
         first_response_met = (SELECT o.met FROM sc_sla_outcomes o WHERE o.ticket_id = s.ticket_id AND o.metric = 'first-response'),
         repeat_faults = (SELECT count(*) FROM sc_repeat_faults r WHERE r.previous_ticket_id = s.ticket_id)
    FROM sc_completions c
    LEFT JOIN sc_tickets t ON t.ticket_id = c.ticket_id
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS callbacks, count(b.satisfied)::int AS surveyed, (count(*) FILTER (WHERE b.satisfied))::int AS satisfied
        FROM sc_callbacks b
       WHERE b.ticket_id = c.ticket_id AND b.at >= c.completed_at AND (c.until IS NULL OR b.at < c.until)
    ) cb
   WHERE s.assignment_id = c.assignment_id AND c.ticket_id = ANY($1::uuid[])`;

/** Every month a ticket was completed in: an input about the ticket changes those months' cards. */
const TOUCH_TICKET_MONTHS = `
  INSERT INTO sc_months (month, input_version)
  SELECT DISTINCT month, 1 FROM sc_completions WHERE ticket_id = ANY($1::uuid[])
  ON CONFLICT (month) DO UPDATE SET input_version = sc_months.input_version + 1`;
const TOUCH_MONTHS = `
  INSERT INTO sc_months (month, input_version)
  SELECT DISTINCT m, 1 FROM unnest($1::text[]) AS m
  ON CONFLICT (month) DO UPDATE SET input_version = sc_months.input_version + 1`;

/**
 * Keeps what the monthly scorecards need from the events (ADR 0026), in the consumer's
 * transaction (the inbox applies each event once; every insert is also idempotent by the event's
 * own id): a ticket's kind, a technician's employer and group (never a name or phone), completions,
 * callbacks and surveys, SLA outcomes, repeat faults and the supervisors' complaint findings. Each
 * input marks the months it changes, so a closed month is closed again (a new revision) if needed.
 */
@Injectable()
export class ScorecardInputsHandler {
  async ticketAccepted(e: In<'ticket.accepted'>, ctx: HandlerContext): Promise<void> {
    const d = e.data;
    await ctx.manager.query(`INSERT INTO sc_tickets (ticket_id, kind, region) VALUES ($1, $2, $3) ON CONFLICT (ticket_id) DO NOTHING`, [d.ticketId, d.kind, d.location.region]);
    await this.touchTickets(ctx.manager, [d.ticketId]);
  }

  async technicianRegistered(e: In<'technician.registered'>, ctx: HandlerContext): Promise<void> {
    const d = e.data;
    await ctx.manager.query(
      `INSERT INTO sc_technicians (technician_id, employer, team, region, updated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (technician_id) DO UPDATE SET employer = EXCLUDED.employer, team = EXCLUDED.team, region = EXCLUDED.region, updated_at = EXCLUDED.updated_at
       WHERE sc_technicians.updated_at <= EXCLUDED.updated_at`,
      [d.technicianId, d.employer, d.group, d.region, d.registeredAt],
    );
  }

  async assignmentCompleted(e: In<'assignment.completed'>, ctx: HandlerContext): Promise<void> {
    const d = e.data;
    const month = monthOf(new Date(d.at));
    // Each completion knows the ticket's next one (`until`): a reopened ticket's callbacks count for the work they followed.
    const inserted = await ctx.manager.query<unknown[]>(
      `INSERT INTO sc_completions (assignment_id, ticket_id, technician_id, completed_at, month, until)
       VALUES ($1, $2, $3, $4, $5, (SELECT min(n.completed_at) FROM sc_completions n WHERE n.ticket_id = $2 AND (n.completed_at, n.assignment_id) > ($4::timestamptz, $1::uuid)))
       ON CONFLICT (assignment_id) DO NOTHING RETURNING assignment_id`,
      [d.assignmentId, d.ticketId, d.technicianId, d.at, month],
    );
    if (inserted.length === 0) return;
    await ctx.manager.query(
      `UPDATE sc_completions SET until = $3 WHERE ticket_id = $2 AND (completed_at, assignment_id) < ($3::timestamptz, $1::uuid) AND (until IS NULL OR until > $3)`,
      [d.assignmentId, d.ticketId, d.at],
    );
    await this.touchTickets(ctx.manager, [d.ticketId]);
  }

  async surveyCompleted(e: In<'survey.completed'>, ctx: HandlerContext): Promise<void> {
    const d = e.data;
    await this.callback(ctx.manager, d.surveyId, d.ticketId, d.completedAt, d.verdict === 'satisfied');
  }

  async callbackClosed(e: In<'callback.closed'>, ctx: HandlerContext): Promise<void> {
    const d = e.data;
    await this.callback(ctx.manager, d.surveyId, d.ticketId, d.closedAt, d.status === 'answered' && d.verdict ? d.verdict === 'satisfied' : null);
  }

  async clockStopped(e: In<'sla.clock-stopped'>, ctx: HandlerContext): Promise<void> {
    const d = e.data;
    await ctx.manager.query(`INSERT INTO sc_sla_outcomes (ticket_id, metric, met) VALUES ($1, $2, $3) ON CONFLICT (ticket_id, metric) DO UPDATE SET met = EXCLUDED.met`, [d.ticketId, d.metric, d.met]);
    await this.touchTickets(ctx.manager, [d.ticketId]);
  }

  async repeatFault(e: In<'ticket.repeat-fault-detected'>, ctx: HandlerContext): Promise<void> {
    const d = e.data;
    await ctx.manager.query(`INSERT INTO sc_repeat_faults (ticket_id, previous_ticket_id) VALUES ($1, $2) ON CONFLICT (ticket_id) DO NOTHING`, [d.ticketId, d.previousTicketId]);
    await this.touchTickets(ctx.manager, [d.previousTicketId]);
  }

  /** A supervisor's finding; the same finding again replaces it (its month too: both months change). */
  async complaintAttributed(e: In<'complaint.attribute'>, ctx: HandlerContext): Promise<void> {
    const d = e.data;
    const month = monthOf(new Date(d.complainedAt));
    const [earlier] = await ctx.manager.query<{ month: string }[]>(`SELECT month FROM sc_complaint_findings WHERE finding_id = $1`, [d.findingId]);
    await ctx.manager.query(
      `INSERT INTO sc_complaint_findings (finding_id, ticket_id, technician_id, cause, severity, month, attributed_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (finding_id) DO UPDATE SET ticket_id = EXCLUDED.ticket_id, technician_id = EXCLUDED.technician_id, cause = EXCLUDED.cause,
         severity = EXCLUDED.severity, month = EXCLUDED.month, attributed_by = EXCLUDED.attributed_by, updated_at = EXCLUDED.updated_at`,
      [d.findingId, d.ticketId, d.technicianId, d.cause, d.severity, month, d.attributedBy, e.time],
    );
    await this.touchMonths(ctx.manager, earlier ? [month, earlier.month] : [month]);
  }

  private async callback(manager: EntityManager, surveyId: string, ticketId: string, at: string, satisfied: boolean | null): Promise<void> {
    // survey.completed and callback.closed of one survey are one callback; an answer once known stays.
    await manager.query(
      `INSERT INTO sc_callbacks (survey_id, ticket_id, at, satisfied) VALUES ($1, $2, $3, $4)
       ON CONFLICT (survey_id) DO UPDATE SET satisfied = COALESCE(sc_callbacks.satisfied, EXCLUDED.satisfied), at = LEAST(sc_callbacks.at, EXCLUDED.at)`,
      [surveyId, ticketId, at, satisfied],
    );
    await this.touchTickets(manager, [ticketId]);
  }

  /** Refreshes the tickets' completions and marks their months changed. */
  private async touchTickets(manager: EntityManager, ticketIds: string[]): Promise<void> {
    await manager.query(REFRESH_COMPLETIONS, [ticketIds]);
    await manager.query(TOUCH_TICKET_MONTHS, [ticketIds]);
  }

  private async touchMonths(manager: EntityManager, months: string[]): Promise<void> {
    await manager.query(TOUCH_MONTHS, [months]);
  }
}
