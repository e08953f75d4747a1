import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { Envelope, TicketUpdated } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { OnEvent } from '@switchboard/platform';
import { TicketAmender } from './ticket-amender';

/** Kafka ingress on `tickets.inbound.v1`: a caller's update of a ticket it raised (validated by the platform; invalid ones are rejected by the invalid-message hook). */
@Controller()
export class AmendTicketMessageController {
  constructor(private readonly amender: TicketAmender) {}

  @OnEvent('ticket.updated')
  async onUpdated(@Payload() event: Envelope<'ticket.updated', TicketUpdated>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.amender.receive(event, ctx);
  }
}
