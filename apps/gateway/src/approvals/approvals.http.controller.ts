import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, Query, Req } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '@switchboard/platform';
import { callerOf, type AuthenticatedRequest } from '../auth/api-key.guard';
import { mayTouchRegion } from '../auth/roles';
import { CommandSender } from '../commands/command-sender';
import { ApiException, conflict, notFound, parseOr422 } from '../http/validation';
import { appointmentRoutes as routes } from './approval.routes';

interface ApprovalRecord {
  approval_id: string;
  ticket_id: string;
  assignment_id: string;
  region: string;
  kind: 'reschedule' | 'suspension';
  state: 'pending' | 'approved' | 'rejected' | 'ended';
  requested_by: string;
  requester_kind: string;
  slot: { from: string; to: string } | null;
  reason: string | null;
  note: string | null;
  expected_end_at: Date | null;
  requested_at: Date;
  decided_by: string | null;
  comment: string | null;
  decided_at: Date | null;
  ended_by: string | null;
  ended_at: Date | null;
  technician_id: string | null;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const view = (r: ApprovalRecord) => ({
  approvalId: r.approval_id,
  ticketId: r.ticket_id,
  assignmentId: r.assignment_id,
  region: r.region,
  kind: r.kind,
  state: r.state,
  requestedBy: r.requested_by,
  requesterKind: r.requester_kind,
  slot: r.slot,
  reason: r.reason,
  note: r.note,
  expectedEndAt: iso(r.expected_end_at),
  requestedAt: iso(r.requested_at)!,
  decidedBy: r.decided_by,
  comment: r.comment,
  decidedAt: iso(r.decided_at),
  endedBy: r.ended_by,
  endedAt: iso(r.ended_at),
});

const notYours = (technicianId: string, owner: string | null) =>
  new ApiException(HttpStatus.FORBIDDEN, { error: 'APPROVAL.NOT_YOUR_ASSIGNMENT', message: `the ticket's assignment belongs to ${owner ?? 'nobody'}, not technician ${technicianId}` });

/**
 * Reschedule and suspension reviews (issue 5, ADR 0027): technicians (on their own assignment) and
 * the call centre (for the customer) ask, supervisors decide and end suspensions. Dispatch owns the
 * requests and decides each command; the gateway refuses at once what the read model already shows.
 */
@Controller('v1/approvals')
export class ApprovalsHttpController {
  constructor(
    private readonly commands: CommandSender,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  private async approval(id: string, request: AuthenticatedRequest): Promise<ApprovalRecord> {
    const [row] = (await this.dataSource.query(
      `SELECT a.*, x.technician_id FROM rm_approvals a LEFT JOIN rm_assignments x ON x.assignment_id = a.assignment_id WHERE a.approval_id = $1`,
      [id],
    )) as ApprovalRecord[];
    if (!row || !mayTouchRegion(callerOf(request), row.region)) throw notFound('APPROVAL.NOT_FOUND', `no approval request ${id}`);
    return row;
  }

  @Get()
  async list(@Query() query: Record<string, unknown>, @Req() request: AuthenticatedRequest) {
    const q = parseOr422(routes.listApprovals.query, query, 'query');
    const regions = callerOf(request).regions;
    const rows = (await this.dataSource.query(
      `SELECT a.*, NULL AS technician_id FROM rm_approvals a
        WHERE ($1::text IS NULL OR a.state = $1) AND ($2::text IS NULL OR a.region = $2) AND ($3::uuid IS NULL OR a.ticket_id = $3)
          AND ($4::text[] IS NULL OR a.region = ANY($4))
        ORDER BY a.requested_at DESC, a.approval_id LIMIT $5`,
      [q.state ?? null, q.region ?? null, q.ticketId ?? null, regions ? [...regions] : null, q.limit],
    )) as ApprovalRecord[];
    return { items: rows.map(view) };
  }

  @Post()
  @HttpCode(202)
  async request(@Body() body: unknown, @Req() request: AuthenticatedRequest) {
    const input = parseOr422(routes.requestApproval.body, body);
    const caller = callerOf(request);
    const [ticket] = (await this.dataSource.query(`SELECT region, technician_id, assignment_state FROM rm_tickets WHERE id = $1`, [input.ticketId])) as {
      region: string | null;
      technician_id: string | null;
      assignment_state: string | null;
    }[];
    if (!ticket || !mayTouchRegion(caller, ticket.region)) throw notFound('TICKET.NOT_FOUND', `no ticket ${input.ticketId}`);
    if (!ticket.technician_id || ticket.assignment_state === 'completed' || ticket.assignment_state === 'withdrawn') {
      throw notFound('APPROVAL.NO_OPEN_ASSIGNMENT', 'the ticket has no open assignment to reschedule or suspend');
    }
    if (input.technicianId !== undefined) {
      if (caller.role === 'channel') throw new ApiException(HttpStatus.FORBIDDEN, { error: 'AUTH.FORBIDDEN', message: 'a call-centre key asks for the customer: omit technicianId' });
      if (input.technicianId !== ticket.technician_id) throw notYours(input.technicianId, ticket.technician_id);
    }
    const approvalId = randomUUID();
    const { technicianId, ...rest } = input;
    const [commandId] = await this.commands.send(caller.source, [
      {
        type: 'approval.request',
        subject: input.ticketId,
        data: { ...rest, approvalId, requestedBy: technicianId ?? 'customer', requesterKind: technicianId !== undefined ? 'technician' : 'customer' },
      },
    ]);
    return { commandId, status: 'sent', approvalId, ticketId: input.ticketId };
  }

  @Post(':id/decision')
  @HttpCode(202)
  async decide(@Param() params: Record<string, unknown>, @Body() body: unknown, @Req() request: AuthenticatedRequest) {
    const { id } = parseOr422(routes.decideApproval.params, params, 'path');
    const input = parseOr422(routes.decideApproval.body, body);
    const a = await this.approval(id, request);
    if (a.state !== 'pending') throw conflict('APPROVAL.ALREADY_DECIDED', `the request was already decided (${a.state})`);
    const caller = callerOf(request);
    const decidedBy = input.supervisorId ?? caller.source;
    const [commandId] = await this.commands.send(caller.source, [
      { type: 'approval.decide', subject: a.ticket_id, data: { approvalId: id, ticketId: a.ticket_id, decision: input.decision, decidedBy, ...(input.comment !== undefined ? { comment: input.comment } : {}) } },
    ]);
    return { commandId, status: 'sent', approvalId: id, ticketId: a.ticket_id, decision: input.decision };
  }

  @Post(':id/end')
  @HttpCode(202)
  async end(@Param() params: Record<string, unknown>, @Body() body: unknown, @Req() request: AuthenticatedRequest) {
    const { id } = parseOr422(routes.endApproval.params, params, 'path');
    const input = parseOr422(routes.endApproval.body, body ?? {});
    const a = await this.approval(id, request);
    if (a.kind !== 'suspension') throw conflict('APPROVAL.NOT_A_SUSPENSION', 'only a suspension can be ended');
    if (a.state === 'ended') throw conflict('APPROVAL.ALREADY_ENDED', 'the suspension has already ended');
    if (a.state !== 'approved') throw conflict('APPROVAL.NOT_APPROVED', `only an approved suspension can be ended; this one is ${a.state}`);
    if (input.technicianId !== undefined && input.technicianId !== a.technician_id) throw notYours(input.technicianId, a.technician_id);
    const caller = callerOf(request);
    const endedBy = input.technicianId ?? input.supervisorId ?? caller.source;
    const [commandId] = await this.commands.send(caller.source, [{ type: 'approval.end', subject: a.ticket_id, data: { approvalId: id, ticketId: a.ticket_id, endedBy } }]);
    return { commandId, status: 'sent', approvalId: id, ticketId: a.ticket_id };
  }
}
