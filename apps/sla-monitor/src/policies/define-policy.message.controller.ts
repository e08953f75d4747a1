import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { Envelope, SlaPolicyDefine } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { OnEvent } from '@switchboard/platform';
import { DefinePolicyHandler } from './define-policy.handler';

@Controller()
export class DefinePolicyMessageController {
  constructor(private readonly handler: DefinePolicyHandler) {}

  @OnEvent('sla-policy.define')
  async onDefine(@Payload() command: Envelope<'sla-policy.define', SlaPolicyDefine>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.handler.handle(command, ctx);
  }
}
