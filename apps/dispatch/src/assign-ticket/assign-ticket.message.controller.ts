import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { Envelope, TicketAccepted } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { OnEvent } from '@switchboard/platform';
import { AssignTicketHandler } from './assign-ticket.handler';

/** `ticket.accepted` on `tickets.lifecycle.v1`: a new ticket to place. */
@Controller()
export class AssignTicketMessageController {
  constructor(private readonly handler: AssignTicketHandler) {}

  @OnEvent('ticket.accepted')
  async onAccepted(@Payload() event: Envelope<'ticket.accepted', TicketAccepted>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.handler.execute(event, ctx);
  }
}
