import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { Envelope, TicketHeld, TicketResolved } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { OnEvent } from '@switchboard/platform';
import { InterceptTicketHandler } from './intercept-ticket.handler';

/** `ticket.held` and `ticket.resolved` on `tickets.lifecycle.v1`: intake takes a ticket away from dispatch. */
@Controller()
export class InterceptTicketMessageController {
  constructor(private readonly handler: InterceptTicketHandler) {}

  @OnEvent('ticket.held')
  async onHeld(@Payload() event: Envelope<'ticket.held', TicketHeld>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.handler.held(event, ctx);
  }

  @OnEvent('ticket.resolved')
  async onResolved(@Payload() event: Envelope<'ticket.resolved', TicketResolved>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.handler.resolved(event, ctx);
  }
}
