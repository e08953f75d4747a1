import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { Envelope, TicketDispatchRequested } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { OnEvent } from '@switchboard/platform';
import { RequestDispatchHandler } from './request-dispatch.handler';

/** `ticket.dispatch-requested` on `tickets.lifecycle.v1`: intake hands a ticket to dispatch. */
@Controller()
export class RequestDispatchMessageController {
  constructor(private readonly handler: RequestDispatchHandler) {}

  @OnEvent('ticket.dispatch-requested')
  async onRequested(@Payload() event: Envelope<'ticket.dispatch-requested', TicketDispatchRequested>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.handler.execute(event, ctx);
  }
}
