import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { Envelope, TicketAnsweredByKnownIssue, TicketDispatchRequested, TicketHeld, TicketResolved, TicketSuspended, TicketSuspensionEnded } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { OnEvent } from '@switchboard/platform';
import { PauseClocksHandler } from './pause-clocks.handler';

/** Holds and approved suspensions pause a ticket's resolution clock, their ends resume it; a known-issue answer is the first response; resolution stops all. */
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

  @OnEvent('ticket.suspended')
  async onSuspended(@Payload() event: Envelope<'ticket.suspended', TicketSuspended>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.handler.suspended(event, ctx);
  }

  @OnEvent('ticket.suspension-ended')
  async onSuspensionEnded(@Payload() event: Envelope<'ticket.suspension-ended', TicketSuspensionEnded>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.handler.suspensionEnded(event, ctx);
  }

  @OnEvent('ticket.answered-by-known-issue')
  async onAnsweredByKnownIssue(@Payload() event: Envelope<'ticket.answered-by-known-issue', TicketAnsweredByKnownIssue>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.handler.answeredByKnownIssue(event, ctx);
  }
}
