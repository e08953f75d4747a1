import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { Envelope, TicketReceived } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { OnEvent, OnEventBatch } from '@switchboard/platform';
import { AcceptTicketHandler, type ReceivedItem } from './accept-ticket.handler';

/**
 * Kafka ingress on `tickets.inbound.v1`; the platform has already validated the event against its
 * contract. A run of tickets comes in one call (one transaction, a few statements per run); the
 * consumer applies them one at a time only after a failed run (ADR 0020).
 */
@Controller()
export class AcceptTicketMessageController {
  constructor(private readonly handler: AcceptTicketHandler) {}

  @OnEventBatch('ticket.received')
  async onReceivedRun(@Payload() items: ReceivedItem[]): Promise<void> {
    await this.handler.executeMany(items);
  }

  @OnEvent('ticket.received')
  async onReceived(@Payload() event: Envelope<'ticket.received', TicketReceived>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.handler.execute(event, ctx);
  }
}
