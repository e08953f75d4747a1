import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { Envelope, TicketDispatchRequested, TicketHeld, TicketResolved } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { OnEvent } from '@switchboard/platform';
import { PauseClocksHandler } from './pause-clocks.handler';

/** Intake's holds pause a ticket's clocks, its dispatch request resumes them, its resolution stops them. */
@Controller()
export class PauseClocksMessageController {
  constructor(private readonly handler: PauseClocksHandler) {}

  @OnEvent('ticket.held')
  async onHeld(@Payload() event: Envelope<'ticket.held', TicketHeld>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.handler.held(event, ctx);
  }

  @OnEvent('ticket.dispatch-requested')
  async onDispatchRequested(@Payload() event: Envelope<'ticket.dispatch-requested', TicketDispatchRequested>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.handler.dispatchRequested(event, ctx);
  }

  @OnEvent('ticket.resolved')
  async onResolved(@Payload() event: Envelope<'ticket.resolved', TicketResolved>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.handler.resolved(event, ctx);
  }
}
