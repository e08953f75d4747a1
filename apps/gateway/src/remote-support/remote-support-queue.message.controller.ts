import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { DecodedEvent } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { OnEvent } from '@switchboard/platform';
import { projectRemoteSupportQueue } from './remote-support-queue.projection';

/**
 * Projects the remote support queue (`GET /v1/remote-support`). Runs beside the ticket views'
 * projection for the same events (Nest calls every handler of an event type, in the same transaction).
 */
@Controller()
export class RemoteSupportQueueMessageController {
  @OnEvent('ticket.held', 'ticket.resolved', 'ticket.dispatch-requested', 'ticket.answered-by-known-issue')
  async apply(@Payload() event: DecodedEvent, @Ctx() ctx: HandlerContext): Promise<void> {
    await projectRemoteSupportQueue(ctx.manager, event);
  }
}
