import { Inject, Injectable } from '@nestjs/common';
import type { Envelope, TicketAccepted } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { DispatchStore } from '../persistence/dispatch-store';

/**
 * A ticket intake accepted: keep it, `pending`, with the customer contact for the notice. It is
 * placed only when intake asks (`ticket.dispatch-requested`, request-dispatch/): a ticket answered
 * by a known issue, grouped under an incident or held for remote support never reaches a technician.
 */
@Injectable()
export class AssignTicketHandler {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  async execute(event: Envelope<'ticket.accepted', TicketAccepted>, ctx: HandlerContext): Promise<void> {
    const t = event.data;
    const region = t.location.region;
    await DispatchStore.lockRegion(ctx.manager, region);
    const correlationId = event.correlationId ?? event.id;
    await DispatchStore.insertTicket(ctx.manager, t, correlationId, this.clock.now());
  }
}
