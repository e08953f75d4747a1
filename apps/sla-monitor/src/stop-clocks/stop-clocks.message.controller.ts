import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { AssignmentProgressed, Envelope } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { OnEvent } from '@switchboard/platform';
import type { SlaMetric } from '../domain/sla-targets';
import { lockTicket } from '../persistence/ticket-lock';
import { ClockStopper } from './clock-stopper';

/** The technician's first contact is the first response; completion ends the resolution clock. */
@Controller()
export class StopClocksMessageController {
  constructor(private readonly stopper: ClockStopper) {}

  @OnEvent('assignment.contacted')
  async onContacted(@Payload() event: Envelope<'assignment.contacted', AssignmentProgressed>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.stop(event, 'first-response', ctx);
  }

  @OnEvent('assignment.completed')
  async onCompleted(@Payload() event: Envelope<'assignment.completed', AssignmentProgressed>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.stop(event, 'resolution', ctx);
  }

  private async stop(event: Envelope<string, AssignmentProgressed>, metric: SlaMetric, ctx: HandlerContext): Promise<void> {
    const request = {
      ticketId: event.data.ticketId,
      metric,
      stoppedAt: new Date(event.data.at),
      causationId: event.id,
      ...(event.correlationId !== undefined ? { correlationId: event.correlationId } : {}),
    };
    await lockTicket(ctx.manager, request.ticketId);
    const outcome = await this.stopper.stop(ctx, request);
    if (outcome === 'no-clock' || outcome === 'next-round') await this.stopper.recordPending(ctx, request);
  }
}
