import { Body, Controller, Get, HttpCode, Inject, Post, Query, Req } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '@switchboard/platform';
import { callerOf, regionNotAllowed, type AuthenticatedRequest } from '../auth/api-key.guard';
import { mayTouchRegion } from '../auth/roles';
import { CommandSender } from '../commands/command-sender';
import { ApiRoutes } from '../http/api-routes';
import { parseOr422 } from '../http/validation';

/** The roster: register or update technicians (one or many), and list them by region. */
@Controller('v1/technicians')
export class TechniciansHttpController {
  constructor(
    private readonly commands: CommandSender,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  @Post()
  @HttpCode(202)
  async register(@Body() body: unknown, @Req() request: AuthenticatedRequest) {
    const { technicians } = parseOr422(ApiRoutes.registerTechnicians.body, body);
    const caller = callerOf(request);
    const elsewhere = technicians.find((t) => !mayTouchRegion(caller, t.region));
    if (elsewhere) throw regionNotAllowed(elsewhere.region);
    await this.commands.send(
      caller.source,
      technicians.map((t) => ({ type: 'technician.register' as const, data: t, subject: t.technicianId })),
    );
    return { accepted: technicians.length };
  }

  @Get()
  async list(@Query() query: Record<string, unknown>, @Req() request: AuthenticatedRequest) {
    const q = parseOr422(ApiRoutes.listTechnicians.query, query, 'query');
    // A key scoped to regions lists only their technicians.
    const rows = (await this.dataSource.query(
      'SELECT data FROM rm_technicians WHERE ($1::text IS NULL OR region = $1) AND ($2::text[] IS NULL OR region = ANY($2)) ORDER BY technician_id',
      [q.region ?? null, callerOf(request).regions],
    )) as { data: unknown }[];
    return { items: rows.map((r) => r.data) };
  }
}
