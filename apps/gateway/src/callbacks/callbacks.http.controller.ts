import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { DATA_SOURCE } from '@switchboard/platform';
import { callerOf, type AuthenticatedRequest } from '../auth/api-key.guard';
import type { Caller } from '../auth/api-keys';
import { mayTouchRegion } from '../auth/roles';
import { CommandSender } from '../commands/command-sender';
import { ApiRoutes } from '../http/api-routes';
import { conflict, notFound, parseOr422 } from '../http/validation';

interface CallbackRow {
  survey_id: string;
  ticket_id: string;
  external_id: string | null;
  region: string;
  kind: string | null;
  questionnaire: string;
  state: 'queued' | 'claimed' | 'answered' | 'unreachable';
  attempt: number;
  due_at: Date;
  closes_at: Date;
  deferred_for_quiet_hours: boolean;
  claimed_by: string | null;
  contact: { name?: string; phone?: string } | null;
}

/**
 * Phone callbacks as the agents' work queue (issue 7, domain.md §5): the queue, a claim and the
 * call's outcome. Callback owns the callbacks and decides each command (a late one is
 * `command.rejected`); the gateway answers 404/409/422 for what it can tell at once from its read model.
 */
@Controller('v1/callbacks')
export class CallbacksHttpController {
  constructor(
    private readonly commands: CommandSender,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  async list(@Query() query: unknown, @Req() request: AuthenticatedRequest) {
    const q = parseOr422(ApiRoutes.listCallbacks.query, query ?? {}, 'query');
    const { regions } = callerOf(request);
    const params: unknown[] = [this.clock.now()];
    const where = [q.state === 'due' ? `c.state = 'queued' AND c.due_at <= $1` : q.state === 'claimed' ? `c.state = 'claimed'` : `c.state IN ('queued', 'claimed')`];
    // The window still open: a callback past it is about to close unreachable.
    where.push('c.closes_at > $1');
    if (q.region) {
      params.push(q.region);
      where.push(`c.region = $${params.length}`);
    }
    // A key scoped to regions lists only theirs.
    if (regions) {
      params.push(regions);
      where.push(`c.region = ANY($${params.length})`);
    }
    const [{ total }] = (await this.dataSource.query(`SELECT count(*)::int AS total FROM rm_callbacks c WHERE ${where.join(' AND ')}`, params)) as [{ total: number }];
    const rows = (await this.dataSource.query(
      `SELECT c.*, t.external_id, t.kind,
              (SELECT tl.data->'contact' FROM rm_timeline tl WHERE tl.ticket_id = c.ticket_id AND tl.type = 'ticket.accepted' LIMIT 1) AS contact
         FROM rm_callbacks c LEFT JOIN rm_tickets t ON t.id = c.ticket_id
        WHERE ${where.join(' AND ')}
        ORDER BY c.due_at, c.survey_id
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.limit, q.offset],
    )) as CallbackRow[];
    return {
      items: rows.map((r) => ({
        surveyId: r.survey_id,
        ticketId: r.ticket_id,
        externalId: r.external_id,
        region: r.region,
        kind: r.kind,
        questionnaire: r.questionnaire,
        state: r.state as 'queued' | 'claimed',
        attempt: r.attempt,
        dueAt: new Date(r.due_at).toISOString(),
        closesAt: new Date(r.closes_at).toISOString(),
        deferredForQuietHours: r.deferred_for_quiet_hours,
        claimedBy: r.claimed_by,
        contact: { name: r.contact?.name ?? null, phone: r.contact?.phone ?? null },
      })),
      total,
      limit: q.limit,
      offset: q.offset,
    };
  }

  @Post(':id/claim')
  @HttpCode(202)
  async claim(@Param('id') id: string, @Body() body: unknown, @Req() request: AuthenticatedRequest) {
    const route = ApiRoutes.claimCallback;
    const surveyId = parseOr422(route.params.shape.id, id, 'callback id');
    parseOr422(route.body, body ?? {});
    const agent = callerOf(request).name;
    const c = await this.openCallback(surveyId, callerOf(request));
    if (c.claimed_by && c.claimed_by !== agent) throw conflict('CALLBACK.ALREADY_CLAIMED', `${c.claimed_by} is making this callback`);
    if (new Date(c.due_at).getTime() > this.clock.now().getTime()) throw conflict('CALLBACK.NOT_DUE', `this callback is due at ${new Date(c.due_at).toISOString()}`);
    const [commandId] = await this.commands.send(callerOf(request).source, [{ type: 'callback.claim', subject: surveyId, data: { surveyId, agent, at: this.clock.now().toISOString() } }]);
    return { commandId, surveyId, ticketId: c.ticket_id, action: 'claim' as const, status: 'sent' as const };
  }

  @Post(':id/outcome')
  @HttpCode(202)
  async outcome(@Param('id') id: string, @Body() body: unknown, @Req() request: AuthenticatedRequest) {
    const route = ApiRoutes.recordCallbackOutcome;
    const surveyId = parseOr422(route.params.shape.id, id, 'callback id');
    const input = parseOr422(route.body, body ?? {});
    const agent = callerOf(request).name;
    const c = await this.openCallback(surveyId, callerOf(request));
    if (c.claimed_by !== agent) throw conflict('CALLBACK.NOT_CLAIMED', c.claimed_by ? `${c.claimed_by} is making this callback` : 'claim this callback first');
    const [commandId] = await this.commands.send(callerOf(request).source, [
      {
        type: 'callback.record-outcome',
        subject: surveyId,
        data: {
          surveyId,
          agent,
          outcome: input.outcome,
          ...(input.answers !== undefined ? { answers: input.answers } : {}),
          ...(input.comment !== undefined ? { comment: input.comment } : {}),
          at: this.clock.now().toISOString(),
        },
      },
    ]);
    return { commandId, surveyId, ticketId: c.ticket_id, action: 'outcome' as const, status: 'sent' as const };
  }

  /** Another region's callback is absent for a key scoped to regions. */
  private async openCallback(surveyId: string, caller: Pick<Caller, 'regions'>): Promise<Pick<CallbackRow, 'ticket_id' | 'state' | 'due_at' | 'claimed_by'>> {
    const [c] = (await this.dataSource.query('SELECT ticket_id, state, due_at, claimed_by, region FROM rm_callbacks WHERE survey_id = $1', [surveyId])) as Pick<
      CallbackRow,
      'ticket_id' | 'state' | 'due_at' | 'claimed_by' | 'region'
    >[];
    if (!c || !mayTouchRegion(caller, c.region)) throw notFound('CALLBACK.NOT_FOUND', `no phone callback ${surveyId}`);
    if (c.state === 'answered' || c.state === 'unreachable') throw conflict('CALLBACK.CLOSED', `this callback is ${c.state}`);
    return c;
  }
}
