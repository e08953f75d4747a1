import { Inject, Injectable } from '@nestjs/common';
import type { Envelope, TicketAccepted } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { DispatchStore } from '../persistence/dispatch-store';
import { TicketDispatcher } from './ticket-dispatcher';

/**
 * A ticket intake accepted: keep it (with the customer contact for the notice) and place it with
 * a technician; when nobody can take it, say so with `ticket.unassignable` and keep it waiting.
 */
@Injectable()
export class AssignTicketHandler {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly dispatcher: TicketDispatcher,
  ) {}

  async execute(event: Envelope<'ticket.accepted', TicketAccepted>, ctx: HandlerContext): Promise<void> {
    const t = event.data;
    const region = t.location.region;
    await DispatchStore.lockRegion(ctx.manager, region);
    const correlationId = event.correlationId ?? event.id;
    if (!(await DispatchStore.insertTicket(ctx.manager, t, correlationId, this.clock.now()))) return;

    const ticket = { ticketId: t.ticketId, kind: t.kind, service: t.service, region, zone: t.location.zone, contactPhone: t.contact.phone, correlationId };
    await this.dispatcher.place(ctx, ticket, event);
  }
}
