import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { Envelope, TicketReopened } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { LOGGER } from '@switchboard/platform';
import { TicketDispatcher } from '../assign-ticket/ticket-dispatcher';
import { DispatchStore } from '../persistence/dispatch-store';

/**
 * A ticket reopened after an unsatisfied callback (domain.md §5): it waits again, with its raised
 * priority, and is placed as a new ticket is — a new assignment, the same selector, the reopening
 * in the decision. Its earlier assignment was completed already.
 */
@Injectable()
export class RedispatchTicketHandler {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly dispatcher: TicketDispatcher,
  ) {}

  async execute(event: Envelope<'ticket.reopened', TicketReopened>, ctx: HandlerContext): Promise<void> {
    const r = event.data;
    await DispatchStore.lockRegion(ctx.manager, r.location.region);
    const ticket = await DispatchStore.reopenTicket(ctx.manager, r.ticketId, r.reopenCount, r.priority, this.clock.now());
    if (!ticket) {
      this.logger.info({ ticketId: r.ticketId, reopenCount: r.reopenCount }, 'reopening already taken, or a ticket dispatch never had; nothing to dispatch');
      return;
    }
    await this.dispatcher.place(ctx, ticket, event);
  }
}
