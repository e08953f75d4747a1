import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { Envelope, TicketDispatchRequested } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { LOGGER } from '@switchboard/platform';
import { TicketDispatcher } from '../assign-ticket/ticket-dispatcher';
import { DepartmentDesk } from '../departments/department-desk';
import { decideDispatchRequest } from '../domain/dispatch-interception';
import { DispatchStore } from '../persistence/dispatch-store';

/**
 * Intake asks dispatch to place a ticket (a new one nothing intercepted, or one released from
 * remote support): it joins the region's waiting queue with intake's class and priority and is
 * placed now if a technician can take it, else `ticket.unassignable` and it waits.
 */
@Injectable()
export class RequestDispatchHandler {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly dispatcher: TicketDispatcher,
    private readonly departments: DepartmentDesk,
  ) {}

  async execute(event: Envelope<'ticket.dispatch-requested', TicketDispatchRequested>, ctx: HandlerContext): Promise<void> {
    const r = event.data;
    await DispatchStore.lockRegion(ctx.manager, r.region);
    const current = await DispatchStore.ticketForUpdate(ctx.manager, r.ticketId);
    const decision = decideDispatchRequest(current?.state);
    if (decision.kind === 'ignore') {
      this.logger.info({ ticketId: r.ticketId, reason: r.reason, why: decision.why }, 'dispatch request not applied');
      return;
    }
    // Complaints of the configured services and categories go to the departments, not to a technician (ADR 0030).
    if (await this.departments.receive(ctx, r.ticketId, event)) return;
    const ticket = await DispatchStore.requestDispatch(ctx.manager, r.ticketId, { class: r.class, priority: r.priority }, this.clock.now());
    await this.dispatcher.place(ctx, ticket, event);
  }
}
