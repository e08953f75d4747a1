import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { DecodedEvent } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { OnEvent } from '@switchboard/platform';
import { DEPARTMENT_QUEUE_EVENT_TYPES, projectDepartmentQueue } from './department-queue.projection';

/** Projects the departments' queues (`GET /v1/departments/{id}/queue`), beside the ticket views' projection of the same events (their timeline). */
@Controller()
export class DepartmentQueueMessageController {
  @OnEvent(...DEPARTMENT_QUEUE_EVENT_TYPES)
  async apply(@Payload() event: DecodedEvent, @Ctx() ctx: HandlerContext): Promise<void> {
    await projectDepartmentQueue(ctx.manager, event);
  }
}
