import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { ApprovalDecide, ApprovalEnd, ApprovalRequest, Envelope } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { OnEvent } from '@switchboard/platform';
import { ApprovalsHandler } from './approvals.handler';

/** Reschedule and suspension reviews on `dispatch.commands.v1` (subject: ticketId). */
@Controller()
export class ApprovalsMessageController {
  constructor(private readonly handler: ApprovalsHandler) {}

  @OnEvent('approval.request')
  async onRequest(@Payload() command: Envelope<'approval.request', ApprovalRequest>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.handler.request(command, ctx);
  }

  @OnEvent('approval.decide')
  async onDecide(@Payload() command: Envelope<'approval.decide', ApprovalDecide>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.handler.decide(command, ctx);
  }

  @OnEvent('approval.end')
  async onEnd(@Payload() command: Envelope<'approval.end', ApprovalEnd>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.handler.end(command, ctx);
  }
}
