import { Inject, Injectable } from '@nestjs/common';
import { makeEvent, Topics, type Envelope, type KnownIssueClose, type KnownIssueOpen } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { INTAKE_SOURCE } from '../accept-ticket/accept-ticket.handler';
import { decideClose, KnownIssueErrors } from '../domain/known-issue-answer';
import { isActiveAt } from '../domain/known-issue-matcher';
import { KnownIssueStore } from '../persistence/known-issue-store';
import { KnownIssueAnswerer, type CausedBy } from './known-issue-answerer';

type KnownIssueCommand = Envelope<'known-issue.open', KnownIssueOpen> | Envelope<'known-issue.close', KnownIssueClose>;

/**
 * The known-issue registry's commands from the gateway (`intake.commands.v1`): opening one
 * registers it and sweeps the open tickets it covers (`known-issue.opened` with the count);
 * closing one resolves the tickets held for it (`known-issue.closed` with the count). A refused
 * command is a `command.rejected` with a stable code on `tickets.lifecycle.v1`.
 */
@Injectable()
export class KnownIssueCommandsHandler {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly answerer: KnownIssueAnswerer,
  ) {}

  async open(command: Envelope<'known-issue.open', KnownIssueOpen>, ctx: HandlerContext): Promise<void> {
    const c = command.data;
    const now = this.clock.now();
    await KnownIssueStore.lockRegionExclusive(ctx.manager, c.area.region);
    if (!(await KnownIssueStore.insert(ctx.manager, c, now))) {
      return this.reject(command, ctx, KnownIssueErrors.DuplicateId, `known issue ${c.knownIssueId} already exists`);
    }
    const issue = (await KnownIssueStore.forUpdate(ctx.manager, c.knownIssueId))!;
    // An issue whose window has not begun sweeps nothing now; tickets are matched as they arrive.
    const swept = isActiveAt(issue, now) ? await this.answerer.sweep(ctx, issue, now, this.causedBy(command, now)) : 0;
    await KnownIssueStore.recordSwept(ctx.manager, c.knownIssueId, swept);
    await ctx.emit({
      envelope: makeEvent('known-issue.opened', { ...c, region: c.area.region, ticketsSwept: swept, openedAt: now.toISOString() }, { ...this.causedBy(command, now), subject: c.knownIssueId }),
    });
  }

  async close(command: Envelope<'known-issue.close', KnownIssueClose>, ctx: HandlerContext): Promise<void> {
    const c = command.data;
    const now = this.clock.now();
    const region = await KnownIssueStore.regionOf(ctx.manager, c.knownIssueId);
    if (region !== undefined) await KnownIssueStore.lockRegionExclusive(ctx.manager, region);
    const issue = region !== undefined ? await KnownIssueStore.forUpdate(ctx.manager, c.knownIssueId) : undefined;
    const decision = decideClose(c.knownIssueId, issue);
    if (!decision.close) return this.reject(command, ctx, decision.code, decision.message);
    const closed = await this.answerer.closeHeld(ctx, c.knownIssueId, c.note, now, this.causedBy(command, now));
    await KnownIssueStore.close(ctx.manager, c.knownIssueId, { at: now, by: c.closedBy, note: c.note, ticketsClosed: closed });
    await ctx.emit({
      envelope: makeEvent(
        'known-issue.closed',
        { knownIssueId: c.knownIssueId, region: region!, ...(c.note !== undefined ? { note: c.note } : {}), closedBy: c.closedBy, ticketsClosed: closed, closedAt: now.toISOString() },
        { ...this.causedBy(command, now), subject: c.knownIssueId },
      ),
    });
  }

  private causedBy(command: KnownIssueCommand, now: Date): CausedBy {
    return { source: INTAKE_SOURCE, time: now, correlationId: command.correlationId ?? command.id, causationId: command.id };
  }

  private async reject(command: KnownIssueCommand, ctx: HandlerContext, code: string, message: string): Promise<void> {
    await ctx.emit({
      // The registry puts command.rejected on dispatch's topic; a known issue's refusals go with its lifecycle.
      topic: Topics.TicketsLifecycle,
      envelope: makeEvent('command.rejected', { commandId: command.id, commandType: command.type, code, message }, { ...this.causedBy(command, this.clock.now()), subject: command.subject }),
    });
  }
}
