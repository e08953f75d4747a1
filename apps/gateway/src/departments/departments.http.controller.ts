import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, Query, Req } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { buildPlanEntrySchema } from '@switchboard/contracts';
import { DATA_SOURCE } from '@switchboard/platform';
import { z } from 'zod';
import { callerOf, regionNotAllowed, type AuthenticatedRequest } from '../auth/api-key.guard';
import type { Caller } from '../auth/api-keys';
import { mayTouchRegion } from '../auth/roles';
import { CommandSender } from '../commands/command-sender';
import { ApiRoutes } from '../http/api-routes';
import { ApiException, conflict, notFound, parseOr422 } from '../http/validation';
import { readCsvBody } from '../reference-data/csv-body';
import { parseBuildPlanCsv } from './build-plan-csv';

interface HoldingRow {
  ticket_id: string;
  region: string;
  state: 'held' | 'replied';
  holder: string;
  chain: string[];
}

interface QueueRow extends HoldingRow {
  external_id: string | null;
  source: string | null;
  service: string | null;
  complaint_category: string | null;
  received_at: Date;
  held_since: Date;
}

/**
 * The back office (ADR 0030): a department's queue of complaints, its two actions on a complaint it
 * holds (transfer, reply), and the build-plan / no-investment lists. Dispatch owns the holdings and
 * decides every command (a late or racing one is `command.rejected`); the gateway answers 404/409 at
 * once for what its read model already tells — another region's complaint is absent.
 */
@Controller()
export class DepartmentsHttpController {
  constructor(
    private readonly commands: CommandSender,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  @Get('v1/departments/:id/queue')
  async queue(@Param('id') id: string, @Query() query: unknown, @Req() request: AuthenticatedRequest) {
    const route = ApiRoutes.getDepartmentQueue;
    const department = parseOr422(route.params.shape.id, id, 'department id');
    const q = parseOr422(route.query, query ?? {}, 'query');
    const where = [`d.state = 'held'`, `d.holder = $1`];
    const params: unknown[] = [department];
    if (q.region) {
      params.push(q.region);
      where.push(`d.region = $${params.length}`);
    }
    const { regions } = callerOf(request);
    if (regions) {
      params.push(regions);
      where.push(`d.region = ANY($${params.length})`);
    }
    const [{ total }] = (await this.dataSource.query(`SELECT count(*)::int AS total FROM rm_department_complaints d WHERE ${where.join(' AND ')}`, params)) as [{ total: number }];
    const rows = (await this.dataSource.query(
      `SELECT d.ticket_id, d.region, d.state, d.holder, d.chain, d.complaint_category, d.received_at, d.held_since, t.external_id, t.source, t.service
         FROM rm_department_complaints d LEFT JOIN rm_tickets t ON t.id = d.ticket_id
        WHERE ${where.join(' AND ')}
        ORDER BY d.held_since, d.ticket_id
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.limit, q.offset],
    )) as QueueRow[];
    return {
      department,
      items: rows.map((r) => ({
        ticketId: r.ticket_id,
        externalId: r.external_id,
        source: r.source,
        region: r.region,
        service: r.service,
        complaintCategory: r.complaint_category,
        chain: r.chain,
        receivedAt: new Date(r.received_at).toISOString(),
        heldSince: new Date(r.held_since).toISOString(),
      })),
      total,
      limit: q.limit,
      offset: q.offset,
    };
  }

  @Post('v1/complaints/:ticketId/transfer')
  @HttpCode(202)
  async transfer(@Param('ticketId') id: string, @Body() body: unknown, @Req() request: AuthenticatedRequest) {
    const route = ApiRoutes.transferComplaint;
    const ticketId = parseOr422(route.params.shape.ticketId, id, 'ticket id');
    const input = parseOr422(route.body, body ?? {});
    const caller = callerOf(request);
    const h = await this.holding(ticketId, caller, input.byDepartment);
    if (input.toDepartment === input.byDepartment) throw conflict('DEPARTMENT.SAME_DEPARTMENT', `${input.byDepartment} already holds the ticket`);
    if (h.chain.includes(input.toDepartment)) {
      throw conflict('DEPARTMENT.BOUNCE_BACK', `no bounce-back: ${input.toDepartment} already had the ticket (${h.chain.join(' → ')}); reply or transfer it onwards`);
    }
    const [commandId] = await this.commands.send(caller.source, [
      { type: 'complaint.transfer', subject: ticketId, data: { ticketId, byDepartment: input.byDepartment, toDepartment: input.toDepartment, note: input.note, requestedBy: caller.name } },
    ]);
    return { commandId, ticketId, action: 'transfer' as const, status: 'sent' as const };
  }

  @Post('v1/complaints/:ticketId/reply')
  @HttpCode(202)
  async reply(@Param('ticketId') id: string, @Body() body: unknown, @Req() request: AuthenticatedRequest) {
    const route = ApiRoutes.replyToComplaint;
    const ticketId = parseOr422(route.params.shape.ticketId, id, 'ticket id');
    const input = parseOr422(route.body, body ?? {});
    const caller = callerOf(request);
    await this.holding(ticketId, caller, input.byDepartment);
    const [commandId] = await this.commands.send(caller.source, [
      { type: 'complaint.reply', subject: ticketId, data: { ticketId, byDepartment: input.byDepartment, reply: input.reply, requestedBy: caller.name } },
    ]);
    return { commandId, ticketId, action: 'reply' as const, status: 'sent' as const };
  }

  @Post('v1/build-plan')
  @HttpCode(202)
  async loadBuildPlan(@Body() body: unknown, @Req() request: AuthenticatedRequest) {
    const input = parseOr422(ApiRoutes.loadBuildPlan.body, body ?? {});
    return this.sendLoad(input.entries, callerOf(request));
  }

  @Post('v1/build-plan/csv')
  @HttpCode(202)
  async loadBuildPlanCsv(@Req() request: AuthenticatedRequest & IncomingMessage) {
    const { rows, problems } = parseBuildPlanCsv(await readCsvBody(request));
    if (problems.length > 0) {
      throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, {
        error: 'VALIDATION_FAILED',
        message: 'the CSV could not be read',
        reasons: problems.map((p) => ({ path: `line ${p.line}`, code: 'CSV.INVALID', message: p.message })),
      });
    }
    const entries = parseOr422(ApiRoutes.loadBuildPlan.body.shape.entries, rows, 'rows');
    return this.sendLoad(entries, callerOf(request));
  }

  private async sendLoad(entries: z.infer<typeof buildPlanEntrySchema>[], caller: Caller) {
    const outside = entries.find((e) => !mayTouchRegion(caller, e.region));
    if (outside) throw regionNotAllowed(outside.region);
    const loadId = randomUUID();
    const [commandId] = await this.commands.send(caller.source, [{ type: 'build-plan.load', subject: loadId, data: { loadId, entries, requestedBy: caller.name } }]);
    return {
      commandId,
      loadId,
      buildPlan: entries.filter((e) => e.list === 'build-plan').length,
      noInvestment: entries.filter((e) => e.list === 'no-investment').length,
      status: 'sent' as const,
    };
  }

  /** The complaint as the acting department must find it: 404 when absent or in another region, 409 when answered or held by someone else. */
  private async holding(ticketId: string, caller: Pick<Caller, 'regions'>, by: string): Promise<HoldingRow> {
    const [row] = (await this.dataSource.query('SELECT ticket_id, region, state, holder, chain FROM rm_department_complaints WHERE ticket_id = $1', [ticketId])) as HoldingRow[];
    if (!row || !mayTouchRegion(caller, row.region)) throw notFound('DEPARTMENT.TICKET_NOT_HELD', `ticket ${ticketId} is not with the departments`);
    if (row.state === 'replied') throw conflict('DEPARTMENT.ALREADY_REPLIED', `ticket ${ticketId} was already answered by ${row.holder}`);
    if (row.holder !== by) throw conflict('DEPARTMENT.NOT_HOLDER', `${by} does not hold ticket ${ticketId}; ${row.holder} does`);
    return row;
  }
}
