import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { ComplaintReplied, Envelope } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { OnEvent } from '@switchboard/platform';
import { DepartmentReplyHandler } from './department-reply.handler';

/** `complaint.replied` on `dispatch.assignments.v1`: a department answered a complaint; intake resolves the ticket. */
@Controller()
export class DepartmentReplyMessageController {
  constructor(private readonly handler: DepartmentReplyHandler) {}

  @OnEvent('complaint.replied')
  async onReplied(@Payload() event: Envelope<'complaint.replied', ComplaintReplied>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.handler.execute(event, ctx);
  }
}
