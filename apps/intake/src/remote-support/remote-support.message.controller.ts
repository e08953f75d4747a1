import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { Envelope, RemoteSupportRelease, RemoteSupportResolve } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { OnEvent } from '@switchboard/platform';
import { RemoteSupportCommandHandler } from './remote-support-command.handler';

/** Remote support agents' commands from the gateway (`intake.commands.v1`). */
@Controller()
export class RemoteSupportMessageController {
  constructor(private readonly handler: RemoteSupportCommandHandler) {}

  @OnEvent('remote-support.resolve')
  async onResolve(@Payload() command: Envelope<'remote-support.resolve', RemoteSupportResolve>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.handler.execute(command, ctx);
  }

  @OnEvent('remote-support.release')
  async onRelease(@Payload() command: Envelope<'remote-support.release', RemoteSupportRelease>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.handler.execute(command, ctx);
  }
}
