import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '@switchboard/platform';
import { callerOf, type AuthenticatedRequest } from '../auth/api-key.guard';
import { mayTouchRegion } from '../auth/roles';
import { CommandSender } from '../commands/command-sender';
import { ApiRoutes } from '../http/api-routes';
import { conflict, notFound, parseOr422 } from '../http/validation';

interface IncidentRow {
  incident_id: string;
  region: string | null;
  complaint_category: string | null;
  cells: string[];
  state: string;
  opened_at: Date | null;
  resolved_at: Date | null;
  resolved_by: string | null;
  reply: string | null;
  children: number;
}

const present = (r: IncidentRow) => ({
  incidentId: r.incident_id,
  region: r.region,
  complaintCategory: r.complaint_category,
  cells: r.cells,
  state: r.state,
  openedAt: r.opened_at,
  resolvedAt: r.resolved_at,
  resolvedBy: r.resolved_by,
  reply: r.reply,
  children: r.children,
});

const SELECT = `SELECT i.*, (SELECT count(*)::int FROM rm_incident_children c WHERE c.incident_id = i.incident_id) AS children FROM rm_incidents i`;

/** Mass-complaint incidents as intake opened them: list (open first), one with its children, and resolve with a reply. */
@Controller('v1/incidents')
export class IncidentsHttpController {
  constructor(
    private readonly commands: CommandSender,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  @Get()
  async list(@Query() query: Record<string, unknown>, @Req() request: AuthenticatedRequest) {
    const q = parseOr422(ApiRoutes.listIncidents.query, query, 'query');
    // A key scoped to regions lists only theirs.
    const rows = (await this.dataSource.query(
      `${SELECT} WHERE i.opened_at IS NOT NULL AND ($1::text IS NULL OR i.region = $1) AND ($2::text IS NULL OR i.state = $2) AND ($4::text[] IS NULL OR i.region = ANY($4))
        ORDER BY (i.state = 'open') DESC, i.opened_at DESC, i.incident_id LIMIT $3`,
      [q.region ?? null, q.state ?? null, q.limit, callerOf(request).regions],
    )) as IncidentRow[];
    return { items: rows.map(present) };
  }

  @Get(':id')
  async get(@Param('id') id: string, @Req() request: AuthenticatedRequest) {
    const incidentId = parseOr422(ApiRoutes.getIncident.params.shape.id, id, 'incident id');
    const [row] = (await this.dataSource.query(`${SELECT} WHERE i.incident_id = $1 AND i.opened_at IS NOT NULL`, [incidentId])) as IncidentRow[];
    if (!row || !mayTouchRegion(callerOf(request), row.region)) throw notFound('INCIDENT.NOT_FOUND', `no incident ${incidentId}`);
    const children = (await this.dataSource.query(
      `SELECT c.ticket_id AS "ticketId", c.joined_at AS "joinedAt", t.external_id AS "externalId", t.zone, t.state
         FROM rm_incident_children c LEFT JOIN rm_tickets t ON t.id = c.ticket_id WHERE c.incident_id = $1 ORDER BY c.joined_at, c.ticket_id`,
      [incidentId],
    )) as unknown[];
    return { incident: present(row), children };
  }

  @Post(':id/resolve')
  @HttpCode(202)
  async resolve(@Param('id') id: string, @Body() body: unknown, @Req() request: AuthenticatedRequest) {
    const incidentId = parseOr422(ApiRoutes.resolveIncident.params.shape.id, id, 'incident id');
    const { reply } = parseOr422(ApiRoutes.resolveIncident.body, body);
    const [row] = (await this.dataSource.query('SELECT state, region FROM rm_incidents WHERE incident_id = $1 AND opened_at IS NOT NULL', [incidentId])) as { state: string; region: string | null }[];
    const caller = callerOf(request);
    if (!row || !mayTouchRegion(caller, row.region)) throw notFound('INCIDENT.NOT_FOUND', `no incident ${incidentId}`);
    if (row.state !== 'open') throw conflict('INCIDENT.NOT_OPEN', `incident ${incidentId} is ${row.state}`);
    const [commandId] = await this.commands.send(caller.source, [{ type: 'incident.resolve' as const, data: { incidentId, reply, resolvedBy: caller.source }, subject: incidentId }]);
    return { commandId: commandId!, status: 'sent' as const, incidentId };
  }
}
