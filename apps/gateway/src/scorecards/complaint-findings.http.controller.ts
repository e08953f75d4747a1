import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '@switchboard/platform';
import { callerOf, type AuthenticatedRequest } from '../auth/api-key.guard';
import { mayTouchRegion } from '../auth/roles';
import { CommandSender } from '../commands/command-sender';
import { ApiRoutes } from '../http/api-routes';
import { notFound, parseOr422 } from '../http/validation';

/**
 * A supervisor attributes a complaint about a ticket's work to the technician who caused it
 * (issue 8, ADR 0026): sent to scoring as `complaint.attribute` on `scoring.commands.v1`, where
 * it counts in the technician's monthly complaint points. Only for tickets of the key's regions.
 */
@Controller('v1/complaint-findings')
export class ComplaintFindingsHttpController {
  constructor(
    private readonly commands: CommandSender,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  @Post()
  @HttpCode(202)
  async attribute(@Body() body: unknown, @Req() request: AuthenticatedRequest) {
    const input = parseOr422(ApiRoutes.attributeComplaint.body, body ?? {});
    const caller = callerOf(request);
    const [ticket] = (await this.dataSource.query('SELECT region FROM rm_tickets WHERE id = $1', [input.ticketId])) as { region: string | null }[];
    // Another region's ticket is absent for a key scoped to regions.
    if (!ticket || !mayTouchRegion(caller, ticket.region)) throw notFound('TICKET.NOT_FOUND', `no ticket ${input.ticketId}`);
    const findingId = input.findingId ?? randomUUID();
    const [commandId] = await this.commands.send(caller.source, [
      {
        type: 'complaint.attribute' as const,
        subject: findingId,
        data: {
          findingId,
          ticketId: input.ticketId,
          technicianId: input.technicianId,
          cause: input.cause,
          severity: input.severity,
          complainedAt: input.complainedAt,
          attributedBy: caller.source,
          ...(input.note !== undefined ? { note: input.note } : {}),
        },
      },
    ]);
    return { commandId, findingId, status: 'sent' as const };
  }
}
