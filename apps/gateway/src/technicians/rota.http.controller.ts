import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query, Req } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { daysOfIsoWeek } from '@switchboard/contracts';
import { DATA_SOURCE } from '@switchboard/platform';
import { callerOf, type AuthenticatedRequest } from '../auth/api-key.guard';
import { mayTouchRegion } from '../auth/roles';
import { CommandSender } from '../commands/command-sender';
import { ApiRoutes } from '../http/api-routes';
import { notFound, parseOr422 } from '../http/validation';

/** The rest rota (issue 5, ADR 0016): see a group's week, set rest days, record absences. */
@Controller('v1/technicians')
export class RotaHttpController {
  constructor(
    private readonly commands: CommandSender,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  @Get('rota')
  async get(@Query() query: Record<string, unknown>) {
    const { group, week } = parseOr422(ApiRoutes.getRota.query, query, 'query');
    const days = daysOfIsoWeek(week)!;
    const [rota] = (await this.dataSource.query(`SELECT technicians, updated_at FROM rm_rota_weeks WHERE group_code = $1 AND week = $2`, [group, week])) as {
      technicians: { technicianId: string; restDays: string[] }[];
      updated_at: Date;
    }[];
    const members = (await this.dataSource.query(`SELECT technician_id, data->>'name' AS name FROM rm_technicians WHERE data->>'group' = $1`, [group])) as { technician_id: string; name: string }[];
    const absences = (await this.dataSource.query(
      `SELECT absence_id, technician_id, from_date, to_date, reason FROM rm_absences WHERE group_code = $1 AND from_date <= $3 AND to_date >= $2 ORDER BY from_date, absence_id`,
      [group, days[0], days[6]],
    )) as { absence_id: string; technician_id: string; from_date: string; to_date: string; reason: string }[];
    const ids = [...new Set([...members.map((t) => t.technician_id), ...(rota?.technicians ?? []).map((t) => t.technicianId), ...absences.map((a) => a.technician_id)])].sort();
    return {
      group,
      week,
      days,
      generated: rota !== undefined,
      updatedAt: rota ? rota.updated_at.toISOString() : null,
      technicians: ids.map((technicianId) => ({
        technicianId,
        name: members.find((t) => t.technician_id === technicianId)?.name ?? null,
        restDays: rota?.technicians.find((t) => t.technicianId === technicianId)?.restDays ?? [],
        absences: absences.filter((a) => a.technician_id === technicianId).map((a) => ({ absenceId: a.absence_id, from: a.from_date, to: a.to_date, reason: a.reason })),
      })),
    };
  }

  @Put('rota')
  @HttpCode(202)
  async set(@Body() body: unknown, @Req() request: AuthenticatedRequest) {
    const input = parseOr422(ApiRoutes.setRota.body, body);
    const { source } = callerOf(request);
    const [commandId] = await this.commands.send(source, [{ type: 'rota.set', subject: input.group, key: input.group, data: { ...input, setBy: source } }]);
    return { commandId, status: 'sent', group: input.group, week: input.week };
  }

  @Post(':id/absences')
  @HttpCode(202)
  async recordAbsence(@Param() params: Record<string, unknown>, @Body() body: unknown, @Req() request: AuthenticatedRequest) {
    const { id: technicianId } = parseOr422(ApiRoutes.recordAbsence.params, params, 'path');
    const input = parseOr422(ApiRoutes.recordAbsence.body, body);
    const [known] = (await this.dataSource.query(`SELECT region FROM rm_technicians WHERE technician_id = $1`, [technicianId])) as { region: string | null }[];
    // Another region's technician is absent for a key scoped to regions.
    if (!known || !mayTouchRegion(callerOf(request), known.region)) throw notFound('TECHNICIAN.NOT_FOUND', `no technician ${technicianId}`);
    const { source } = callerOf(request);
    const absenceId = randomUUID();
    const [commandId] = await this.commands.send(source, [{ type: 'absence.record', subject: technicianId, data: { absenceId, technicianId, ...input, approvedBy: source } }]);
    return { commandId, status: 'sent', absenceId, technicianId };
  }
}
