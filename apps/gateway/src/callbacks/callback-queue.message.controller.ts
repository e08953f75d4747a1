import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { DecodedEvent } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { OnEvent } from '@switchboard/platform';
import { CALLBACK_QUEUE_EVENT_TYPES, projectCallbackQueue } from './callback-queue.projection';

/**
 * Projects the phone callback queue (`GET /v1/callbacks`). Runs beside the ticket views'
 * projection for the same events (Nest calls every handler of an event type, in the same transaction).
 */
@Controller()
export class CallbackQueueMessageController {
  @OnEvent(...CALLBACK_QUEUE_EVENT_TYPES)
  async apply(@Payload() event: DecodedEvent, @Ctx() ctx: HandlerContext): Promise<void> {
    await projectCallbackQueue(ctx.manager, event);
  }
}
