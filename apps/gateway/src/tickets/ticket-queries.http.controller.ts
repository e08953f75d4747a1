import { Controller, Get, Inject, Param, Query, Req } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '@switchboard/platform';
import { callerOf, type AuthenticatedRequest } from '../auth/api-key.guard';
import { mayTouchAssignment, mayTouchRegion } from '../auth/roles';
import { ApiRoutes } from '../http/api-routes';
import { notFound, parseOr422 } from '../http/validation';

interface TicketRow {
  id: string;
  source: string | null;
  external_id: string | null;
  state: string;
  kind: string | null;
  service: string | null;
  channel: string | null;
  region: string | null;
  county: string | null;
  zone: string | null;
  customer_tier: string | null;
  owner: string | null;
  reported_at: Date | null;
  accepted_at: Date | null;
  updated_at: Date;
  assignment_id: string | null;
  technician_id: string | null;
  assignment_state: string | null;
  survey_id: string | null;
  survey_state: string | null;
  survey_verdict: string | null;
  warned: boolean;
  breached: boolean;
  round: number;
  reopen_count: number;
  escalated_to_management: boolean;
  repeat_fault: boolean;
  class: string | null;
  priority: number | null;
  shown_state: string;
  hold_reason: string | null;
  held_at: Date | null;
  hold_until: Date | null;
  resolution: string | null;
  resolution_code: string | null;
  resolution_reply: string | null;
  intercepted: boolean | null;
  resolved_at: Date | null;
  known_issue_id: string | null;
  incident_id: string | null;
}

function present(row: TicketRow) {
  return {
    id: row.id,
    source: row.source,
    externalId: row.external_id,
    state: row.shown_state,
    kind: row.kind,
    service: row.service,
    channel: row.channel,
    region: row.region,
    county: row.county,
    zone: row.zone,
    customerTier: row.customer_tier,
    owner: row.owner,
    reportedAt: row.reported_at,
    acceptedAt: row.accepted_at,
    updatedAt: row.updated_at,
    warned: row.warned,
    breached: row.breached,
    round: row.round,
    reopenCount: row.reopen_count,
    escalatedToManagement: row.escalated_to_management,
    repeatFault: row.repeat_fault,
    class: row.class,
    priority: row.priority,
    knownIssueId: row.known_issue_id,
    incidentId: row.incident_id,
    hold: row.hold_reason ? { reason: row.hold_reason, heldAt: row.held_at, holdUntil: row.hold_until } : null,
    resolution: row.resolution
      ? { resolution: row.resolution, code: row.resolution_code, reply: row.resolution_reply, intercepted: row.intercepted ?? false, resolvedAt: row.resolved_at }
      : null,
    assignment: row.assignment_id ? { assignmentId: row.assignment_id, technicianId: row.technician_id, state: row.assignment_state } : null,
    survey: row.survey_id ? { surveyId: row.survey_id, state: row.survey_state, verdict: row.survey_verdict } : null,
  };
}

@Controller('v1')
export class TicketQueriesHttpController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** A ticket's state, its SLA clocks and the full timeline of every event about it, in order. */
  @Get('tickets/:id')
  async get(@Param('id') id: string, @Req() request: AuthenticatedRequest) {
    const ticketId = parseOr422(ApiRoutes.getTicket.params.shape.id, id, 'ticket id');
    const [row] = (await this.dataSource.query('SELECT * FROM rm_tickets WHERE id = $1 AND source IS NOT NULL', [ticketId])) as TicketRow[];
    // Another region's ticket is absent for a key scoped to regions: not even its existence shows; to a technician, a ticket not assigned to them.
    const caller = callerOf(request);
    if (!row || !mayTouchRegion(caller, row.region) || !mayTouchAssignment(caller, row.technician_id)) throw notFound('TICKET.NOT_FOUND', `no ticket ${ticketId} (yet: a ticket appears once intake has accepted it)`);
    const clocks = (await this.dataSource.query(
      `SELECT clock_id AS "clockId", metric, started_at AS "startedAt", warn_at AS "warnAt", due_at AS "dueAt", state, warned, breached, met, stopped_at AS "stoppedAt"
         FROM rm_clocks WHERE ticket_id = $1 ORDER BY metric, started_at NULLS LAST`,
      [ticketId],
    )) as unknown[];
    const timeline = (await this.dataSource.query(
      'SELECT event_id AS "eventId", type, time, source, data FROM rm_timeline WHERE ticket_id = $1 ORDER BY time, seq',
      [ticketId],
    )) as unknown[];
    return { ticket: present(row), clocks, timeline };
  }

  /** Tickets by region, state, breach, or the caller's own reference (source + externalId), newest first. */
  @Get('tickets')
  async list(@Query() query: Record<string, unknown>, @Req() request: AuthenticatedRequest) {
    const q = parseOr422(ApiRoutes.listTickets.query, query, 'query');
    const { regions, role, technicianId } = callerOf(request);
    const where: string[] = ['source IS NOT NULL'];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.region) add('region = ?', q.region);
    if (regions) add('region = ANY(?)', regions);
    // A technician's list: the tickets assigned to them now (their current assignment), nobody else's.
    if (role === 'technician') add('technician_id = ?', technicianId ?? '');
    if (q.state) add('shown_state = ?', q.state);
    if (q.breached) add('breached = ?', q.breached === 'true');
    if (q.source) add('source = ?', q.source);
    if (q.externalId) add('external_id = ?', q.externalId);
    const clause = where.join(' AND ');
    const [{ total }] = (await this.dataSource.query(`SELECT count(*)::int AS total FROM rm_tickets WHERE ${clause}`, params)) as [{ total: number }];
    const rows = (await this.dataSource.query(
      `SELECT * FROM rm_tickets WHERE ${clause} ORDER BY accepted_at DESC NULLS LAST, id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.limit, q.offset],
    )) as TicketRow[];
    return { items: rows.map(present), total, limit: q.limit, offset: q.offset };
  }

  /** Why intake refused a ticket sent over Kafka: a Kafka-only system looks up its reference here. */
  @Get('rejections')
  async rejections(@Query() query: Record<string, unknown>, @Req() request: AuthenticatedRequest) {
    const q = parseOr422(ApiRoutes.listRejections.query, query, 'query');
    // A key scoped to regions sees its regions' rejections, and its own submissions' (a rejected ticket may have no valid region).
    const caller = callerOf(request);
    const rows = (await this.dataSource.query(
      `SELECT event_id AS "eventId", source, external_id AS "externalId", region, reasons, time FROM rm_rejections
        WHERE ($1::text IS NULL OR source = $1) AND ($2::text IS NULL OR external_id = $2) AND ($4::text[] IS NULL OR region = ANY($4) OR source = $5)
        ORDER BY time DESC LIMIT $3`,
      [q.source ?? null, q.externalId ?? null, q.limit, caller.regions, caller.source],
    )) as unknown[];
    return { items: rows };
  }
}
