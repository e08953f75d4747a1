import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { Envelope, KnownIssueClose, KnownIssueOpen } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { OnEvent } from '@switchboard/platform';
import { KnownIssueCommandsHandler } from './known-issue-commands.handler';

/** `known-issue.open` / `known-issue.close` on `intake.commands.v1`, from the gateway. */
@Controller()
export class KnownIssueCommandsMessageController {
  constructor(private readonly handler: KnownIssueCommandsHandler) {}

  @OnEvent('known-issue.open')
  async onOpen(@Payload() command: Envelope<'known-issue.open', KnownIssueOpen>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.handler.open(command, ctx);
  }

  @OnEvent('known-issue.close')
  async onClose(@Payload() command: Envelope<'known-issue.close', KnownIssueClose>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.handler.close(command, ctx);
  }
}
