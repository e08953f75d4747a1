import { Inject, Injectable } from '@nestjs/common';
import { makeEvent, type BuildPlanLoad, type ComplaintReply, type ComplaintTransfer, type Envelope } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { decideReply, decideTransfer, type DepartmentRefusal } from '../domain/department-routing';
import { DepartmentConfig } from './department-config';
import { DepartmentDesk } from './department-desk';

/**
 * The departments' commands (dispatch.commands.v1): `complaint.transfer` and `complaint.reply` by
 * the department holding a complaint (domain/department-routing.ts decides; a refusal is
 * `command.rejected` with its DEPARTMENT.* code), and `build-plan.load`.
 */
@Injectable()
export class DepartmentCommandsHandler {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly config: DepartmentConfig,
    private readonly desk: DepartmentDesk,
  ) {}

  async transfer(command: Envelope<'complaint.transfer', ComplaintTransfer>, ctx: HandlerContext): Promise<void> {
    const c = command.data;
    const holding = await this.desk.holdingForUpdate(ctx.manager, c.ticketId);
    const verdict = decideTransfer(holding, c.byDepartment, c.toDepartment, this.config.directory);
    if (!verdict.ok) return this.refuse(command, c.ticketId, verdict, ctx);
    const now = this.clock.now();
    await ctx.manager.query(`UPDATE department_holdings SET holder = $2, chain = $3, updated_at = $4 WHERE ticket_id = $1`, [c.ticketId, c.toDepartment, verdict.chain, now]);
    await ctx.emit({
      envelope: makeEvent(
        'complaint.transferred',
        { ticketId: c.ticketId, region: holding!.region, fromDepartment: c.byDepartment, toDepartment: c.toDepartment, note: c.note, chain: verdict.chain, requestedBy: c.requestedBy, at: now.toISOString() },
        this.desk.meta(c.ticketId, command),
      ),
    });
  }

  async reply(command: Envelope<'complaint.reply', ComplaintReply>, ctx: HandlerContext): Promise<void> {
    const c = command.data;
    const holding = await this.desk.holdingForUpdate(ctx.manager, c.ticketId);
    const verdict = decideReply(holding, c.byDepartment);
    if (!verdict.ok) return this.refuse(command, c.ticketId, verdict, ctx);
    await this.desk.reply(ctx, holding!, c.reply, 'department', command);
  }

  async loadBuildPlan(command: Envelope<'build-plan.load', BuildPlanLoad>, ctx: HandlerContext): Promise<void> {
    const c = command.data;
    const now = this.clock.now();
    // One statement for the whole load; a later entry for the same key replaces an earlier one.
    const latest = new Map(c.entries.map((e) => [`${e.region}\u0000${e.target}\u0000${e.targetId}\u0000${e.list}`, e]));
    const entries = [...latest.values()];
    await ctx.manager.query(
      `INSERT INTO build_plan_entries (list, target, target_id, region, site_id, planned_year, planned_quarter, note, load_id, loaded_at)
       SELECT e.list, e.target, e.target_id, e.region, e.site_id, e.planned_year, e.planned_quarter, e.note, $2, $3
         FROM jsonb_to_recordset($1::jsonb) AS e(list text, target text, target_id text, region text, site_id text, planned_year int, planned_quarter int, note text)
       ON CONFLICT (region, target, target_id, list) DO UPDATE
         SET site_id = EXCLUDED.site_id, planned_year = EXCLUDED.planned_year, planned_quarter = EXCLUDED.planned_quarter,
             note = EXCLUDED.note, load_id = EXCLUDED.load_id, loaded_at = EXCLUDED.loaded_at`,
      [
        JSON.stringify(
          entries.map((e) => ({
            list: e.list,
            target: e.target,
            target_id: e.targetId,
            region: e.region,
            site_id: e.siteId ?? null,
            planned_year: e.plannedYear ?? null,
            planned_quarter: e.plannedQuarter ?? null,
            note: e.note ?? null,
          })),
        ),
        c.loadId,
        now,
      ],
    );
    await ctx.emit({
      envelope: makeEvent(
        'build-plan.loaded',
        {
          loadId: c.loadId,
          buildPlan: entries.filter((e) => e.list === 'build-plan').length,
          noInvestment: entries.filter((e) => e.list === 'no-investment').length,
          loadedAt: now.toISOString(),
        },
        { source: this.desk.meta(c.loadId, command).source, subject: c.loadId, time: now, correlationId: command.correlationId ?? command.id, causationId: command.id },
      ),
    });
  }

  private async refuse(command: Envelope, ticketId: string, refusal: DepartmentRefusal, ctx: HandlerContext): Promise<void> {
    await ctx.emit({
      envelope: makeEvent('command.rejected', { commandId: command.id, commandType: command.type, code: refusal.code, message: refusal.message, ticketId }, this.desk.meta(ticketId, command)),
    });
  }
}
