import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { Envelope, TicketAccepted, TicketReopened } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { OnEvent } from '@switchboard/platform';
import { StartClocksHandler } from './start-clocks.handler';

@Controller()
export class StartClocksMessageController {
  constructor(private readonly handler: StartClocksHandler) {}

  @OnEvent('ticket.accepted')
  async onAccepted(@Payload() event: Envelope<'ticket.accepted', TicketAccepted>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.handler.handle(event, ctx);
  }

  /** A reopened ticket: a fresh resolution clock (the first response is not timed again). */
  @OnEvent('ticket.reopened')
  async onReopened(@Payload() event: Envelope<'ticket.reopened', TicketReopened>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.handler.handleReopened(event, ctx);
  }
}
