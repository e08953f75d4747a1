import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { Envelope, TicketReceived } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { OnEvent } from '@switchboard/platform';
import { AcceptTicketHandler } from './accept-ticket.handler';

/** Kafka ingress on `tickets.inbound.v1`; the platform has already validated the event against its contract. */
@Controller()
export class AcceptTicketMessageController {
  constructor(private readonly handler: AcceptTicketHandler) {}

  @OnEvent('ticket.received')
  async onReceived(@Payload() event: Envelope<'ticket.received', TicketReceived>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.handler.execute(event, ctx);
  }
}
