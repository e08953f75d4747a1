import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { Envelope, TicketReopened } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { OnEvent } from '@switchboard/platform';
import { RedispatchTicketHandler } from './redispatch-ticket.handler';

/** `ticket.reopened` on `tickets.lifecycle.v1`: a ticket to place again. */
@Controller()
export class RedispatchTicketMessageController {
  constructor(private readonly handler: RedispatchTicketHandler) {}

  @OnEvent('ticket.reopened')
  async onReopened(@Payload() event: Envelope<'ticket.reopened', TicketReopened>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.handler.execute(event, ctx);
  }
}
