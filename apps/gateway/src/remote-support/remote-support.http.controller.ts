import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '@switchboard/platform';
import { callerOf, type AuthenticatedRequest } from '../auth/api-key.guard';
import type { Caller } from '../auth/api-keys';
import { mayTouchRegion } from '../auth/roles';
import { CommandSender } from '../commands/command-sender';
import { ApiRoutes } from '../http/api-routes';
import { conflict, notFound, parseOr422 } from '../http/validation';

interface QueueRow {
  ticket_id: string;
  external_id: string | null;
  source: string | null;
  region: string;
  kind: string | null;
  service: string | null;
  class: 'general' | 'important' | null;
  priority: number | null;
  held_at: Date;
  hold_until: Date;
}

const STATE_WORDS: Record<string, string> = {
  resolved: 'was resolved remotely',
  released: 'was released to dispatch',
  expired: 'went to dispatch when its hold ended',
  answered: 'was answered by a known issue that opened while it waited',
};

/**
 * Remote pre-handling ("预处理", domain.md §2): the queue of held tickets and an agent's two
 * actions. Intake owns the queue and decides each command (a late one is `command.rejected`);
 * the gateway answers 404/409/422 for what it can tell at once from its read model.
 */
@Controller('v1/remote-support')
export class RemoteSupportHttpController {
  constructor(
    private readonly commands: CommandSender,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  @Get()
  async list(@Query() query: unknown, @Req() request: AuthenticatedRequest) {
    const q = parseOr422(ApiRoutes.listRemoteSupport.query, query ?? {}, 'query');
    const where = [`q.state = 'held'`];
    const params: unknown[] = [];
    if (q.region) {
      params.push(q.region);
      where.push(`q.region = $${params.length}`);
    }
    const { regions } = callerOf(request);
    if (regions) {
      params.push(regions);
      where.push(`q.region = ANY($${params.length})`);
    }
    const [{ total }] = (await this.dataSource.query(`SELECT count(*)::int AS total FROM rm_remote_support q WHERE ${where.join(' AND ')}`, params)) as [{ total: number }];
    const rows = (await this.dataSource.query(
      `SELECT q.ticket_id, t.external_id, t.source, q.region, t.kind, t.service, t."class", t.priority, q.held_at, q.hold_until
         FROM rm_remote_support q LEFT JOIN rm_tickets t ON t.id = q.ticket_id
        WHERE ${where.join(' AND ')}
        ORDER BY q.held_at, q.ticket_id
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.limit, q.offset],
    )) as QueueRow[];
    return {
      items: rows.map((r) => ({
        ticketId: r.ticket_id,
        externalId: r.external_id,
        source: r.source,
        region: r.region,
        kind: r.kind,
        service: r.service,
        class: r.class,
        priority: r.priority,
        heldAt: new Date(r.held_at).toISOString(),
        holdUntil: new Date(r.hold_until).toISOString(),
      })),
      total,
      limit: q.limit,
      offset: q.offset,
    };
  }

  @Post(':ticketId/resolve')
  @HttpCode(202)
  async resolve(@Param('ticketId') id: string, @Body() body: unknown, @Req() request: AuthenticatedRequest) {
    const route = ApiRoutes.resolveRemotely;
    const ticketId = parseOr422(route.params.shape.ticketId, id, 'ticket id');
    const input = parseOr422(route.body, body ?? {});
    const caller = callerOf(request);
    await this.ensureHeld(ticketId, caller);
    const [commandId] = await this.commands.send(caller.source, [
      { type: 'remote-support.resolve', subject: ticketId, data: { ticketId, code: input.code, note: input.note, agent: caller.name } },
    ]);
    return { commandId, ticketId, action: 'resolve' as const, status: 'sent' as const };
  }

  @Post(':ticketId/release')
  @HttpCode(202)
  async release(@Param('ticketId') id: string, @Body() body: unknown, @Req() request: AuthenticatedRequest) {
    const route = ApiRoutes.releaseToDispatch;
    const ticketId = parseOr422(route.params.shape.ticketId, id, 'ticket id');
    const input = parseOr422(route.body, body ?? {});
    const caller = callerOf(request);
    await this.ensureHeld(ticketId, caller);
    const [commandId] = await this.commands.send(caller.source, [
      { type: 'remote-support.release', subject: ticketId, data: { ticketId, agent: caller.name, ...(input.note !== undefined ? { note: input.note } : {}) } },
    ]);
    return { commandId, ticketId, action: 'release' as const, status: 'sent' as const };
  }

  /** Another region's held ticket is absent for a key scoped to regions. */
  private async ensureHeld(ticketId: string, caller: Pick<Caller, 'regions'>): Promise<void> {
    const [row] = (await this.dataSource.query('SELECT state, region FROM rm_remote_support WHERE ticket_id = $1', [ticketId])) as { state: string; region: string }[];
    if (!row || !mayTouchRegion(caller, row.region)) throw notFound('REMOTE_SUPPORT.NOT_FOUND', `ticket ${ticketId} is not in the remote support queue`);
    if (row.state !== 'held') throw conflict('REMOTE_SUPPORT.NOT_HELD', `ticket ${ticketId} ${STATE_WORDS[row.state] ?? `is ${row.state}`}; it is no longer in the remote support queue`);
  }
}
