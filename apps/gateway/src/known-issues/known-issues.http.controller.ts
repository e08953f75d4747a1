import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '@switchboard/platform';
import { callerOf, regionNotAllowed, type AuthenticatedRequest } from '../auth/api-key.guard';
import { mayTouchRegion } from '../auth/roles';
import { CommandSender } from '../commands/command-sender';
import { ApiRoutes } from '../http/api-routes';
import { conflict, notFound, parseOr422 } from '../http/validation';
import { KNOWN_ISSUE_VIEW_SQL, presentKnownIssue, type KnownIssueRow } from '../read-model/known-issues.projection';

interface LocationSetter {
  setHeader(name: string, value: string): void;
}

/**
 * The known-issue registry (domain.md §2, "一次性答复"): opened and closed through intake's
 * commands, read from the gateway's read model of `known-issue.opened` / `known-issue.closed`.
 */
@Controller('v1/known-issues')
export class KnownIssuesHttpController {
  constructor(
    private readonly commands: CommandSender,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  @Post()
  @HttpCode(202)
  async open(@Body() body: unknown, @Req() request: AuthenticatedRequest, @Res({ passthrough: true }) response: LocationSetter) {
    const input = parseOr422(ApiRoutes.openKnownIssue.body, body);
    const caller = callerOf(request);
    if (!mayTouchRegion(caller, input.area.region)) throw regionNotAllowed(input.area.region);
    const { source } = caller;
    const knownIssueId = `ki-${randomUUID()}`;
    const { openedBy, ...fields } = input;
    const [commandId] = await this.commands.send(source, [{ type: 'known-issue.open', subject: knownIssueId, data: { knownIssueId, ...fields, openedBy: openedBy ?? source } }]);
    response.setHeader('Location', `/v1/known-issues/${knownIssueId}`);
    return { commandId, knownIssueId, status: 'sent' };
  }

  @Get()
  async list(@Query() query: Record<string, unknown>, @Req() request: AuthenticatedRequest) {
    const q = parseOr422(ApiRoutes.listKnownIssues.query, query, 'query');
    // A key scoped to regions lists only theirs.
    const where = 'WHERE ($1::text IS NULL OR k.region = $1) AND ($2::text IS NULL OR k.state = $2) AND ($3::text[] IS NULL OR k.region = ANY($3))';
    const filters = [q.region ?? null, q.state ?? null, callerOf(request).regions];
    const rows = (await this.dataSource.query(`${KNOWN_ISSUE_VIEW_SQL} ${where} ORDER BY k.opened_at DESC, k.known_issue_id LIMIT $4 OFFSET $5`, [
      ...filters,
      q.limit,
      q.offset,
    ])) as KnownIssueRow[];
    const [{ total }] = (await this.dataSource.query(`SELECT count(*)::int AS total FROM rm_known_issues k ${where}`, filters)) as [{ total: number }];
    return { items: rows.map(presentKnownIssue), total, limit: q.limit, offset: q.offset };
  }

  @Get(':id')
  async get(@Param('id') id: string, @Req() request: AuthenticatedRequest) {
    const knownIssueId = parseOr422(ApiRoutes.getKnownIssue.params.shape.id, id, 'known issue id');
    const [row] = (await this.dataSource.query(`${KNOWN_ISSUE_VIEW_SQL} WHERE k.known_issue_id = $1`, [knownIssueId])) as KnownIssueRow[];
    if (!row || !mayTouchRegion(callerOf(request), row.region)) throw notFound('KNOWN_ISSUE.NOT_FOUND', `no known issue ${knownIssueId} (yet: it appears once intake has opened it)`);
    return presentKnownIssue(row);
  }

  @Post(':id/close')
  @HttpCode(202)
  async close(@Param('id') id: string, @Body() body: unknown, @Req() request: AuthenticatedRequest) {
    const knownIssueId = parseOr422(ApiRoutes.closeKnownIssue.params.shape.id, id, 'known issue id');
    const input = parseOr422(ApiRoutes.closeKnownIssue.body, body ?? {});
    const [row] = (await this.dataSource.query('SELECT state, region FROM rm_known_issues WHERE known_issue_id = $1', [knownIssueId])) as { state: string; region: string }[];
    if (!row || !mayTouchRegion(callerOf(request), row.region)) throw notFound('KNOWN_ISSUE.NOT_FOUND', `no known issue ${knownIssueId}`);
    if (row.state === 'closed') throw conflict('KNOWN_ISSUE.ALREADY_CLOSED', `known issue ${knownIssueId} is already closed`);
    const { source } = callerOf(request);
    const [commandId] = await this.commands.send(source, [{ type: 'known-issue.close', subject: knownIssueId, data: { knownIssueId, ...input, closedBy: source } }]);
    return { commandId, knownIssueId, status: 'sent' };
  }
}
