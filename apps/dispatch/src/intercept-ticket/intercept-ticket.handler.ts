import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { makeEvent, type Envelope, type TicketHeld, type TicketResolved } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { LOGGER } from '@switchboard/platform';
import { DISPATCH_SOURCE, TicketDispatcher } from '../assign-ticket/ticket-dispatcher';
import { decideHold, decideResolve, withdrawalReason, type InterceptionDecision } from '../domain/dispatch-interception';
import { DispatchStore } from '../persistence/dispatch-store';
import { endSuspensionsOf } from '../approvals/approvals.handler';

/**
 * Intake held (`ticket.held`) or closed (`ticket.resolved`) a ticket: it leaves the waiting queue,
 * and an open assignment is withdrawn (`assignment.withdrawn`) — on a hold only while the
 * technician has not reached the site — which frees the technician for the region's waiting tickets.
 */
@Injectable()
export class InterceptTicketHandler {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly dispatcher: TicketDispatcher,
  ) {}

  async held(event: Envelope<'ticket.held', TicketHeld>, ctx: HandlerContext): Promise<void> {
    const h = event.data;
    await DispatchStore.lockRegion(ctx.manager, h.region);
    const current = await DispatchStore.ticketForUpdate(ctx.manager, h.ticketId);
    const decision = decideHold(current?.state, current?.open);
    await this.apply(ctx, event, h.ticketId, h.region, decision, { holdReason: h.reason }, withdrawalReason({ type: 'ticket.held', reason: h.reason }));
  }

  async resolved(event: Envelope<'ticket.resolved', TicketResolved>, ctx: HandlerContext): Promise<void> {
    const r = event.data;
    await DispatchStore.lockRegion(ctx.manager, r.region);
    const current = await DispatchStore.ticketForUpdate(ctx.manager, r.ticketId);
    const decision = decideResolve(current?.state, current?.open);
    // Resolved while suspended: the suspension ends with it (endedBy `system`).
    await endSuspensionsOf(ctx, r.ticketId, this.clock.now(), event);
    await this.apply(ctx, event, r.ticketId, r.region, decision, { resolution: r.resolution }, withdrawalReason({ type: 'ticket.resolved', resolution: r.resolution }));
  }

  private async apply(
    ctx: HandlerContext,
    cause: Envelope,
    ticketId: string,
    region: string,
    decision: InterceptionDecision,
    why: { holdReason?: string; resolution?: string },
    reason: string,
  ): Promise<void> {
    if (decision.kind === 'ignore') {
      this.logger.info({ ticketId, cause: cause.type, why: decision.why }, 'interception not applied');
      return;
    }
    if (decision.kind === 'keep-on-site') {
      this.logger.info({ ticketId, assignmentId: decision.assignment.assignmentId, cause: cause.type }, 'technician already on site: the assignment stays');
      return;
    }
    const now = this.clock.now();
    await DispatchStore.interceptTicket(ctx.manager, ticketId, decision.to, why, now);
    const w = decision.withdraw;
    if (!w) return;
    await DispatchStore.withdrawAssignment(ctx.manager, w.assignmentId, reason, now);
    await ctx.emit({
      envelope: makeEvent(
        'assignment.withdrawn',
        { ticketId, assignmentId: w.assignmentId, technicianId: w.technicianId, region, reason, at: now.toISOString() },
        { source: DISPATCH_SOURCE, subject: ticketId, time: now, correlationId: cause.correlationId ?? cause.id, causationId: cause.id },
      ),
    });
    // The technician's load dropped by one: the region's waiting tickets may go now.
    await this.dispatcher.retryWaiting(ctx, region, cause);
  }
}
