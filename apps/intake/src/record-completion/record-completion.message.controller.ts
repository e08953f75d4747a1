import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { AssignmentProgressed, Envelope } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { OnEvent } from '@switchboard/platform';
import { RecordCompletionHandler } from './record-completion.handler';

/** `assignment.completed` on `dispatch.assignments.v1`: the work on a ticket was completed. */
@Controller()
export class RecordCompletionMessageController {
  constructor(private readonly handler: RecordCompletionHandler) {}

  @OnEvent('assignment.completed')
  async onCompleted(@Payload() event: Envelope<'assignment.completed', AssignmentProgressed>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.handler.execute(event, ctx);
  }
}
