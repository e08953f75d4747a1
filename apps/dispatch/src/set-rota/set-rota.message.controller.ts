import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { Envelope, RotaSet } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { OnEvent } from '@switchboard/platform';
import { SetRotaHandler } from './set-rota.handler';

/** `rota.set` commands on `dispatch.commands.v1`. */
@Controller()
export class SetRotaMessageController {
  constructor(private readonly handler: SetRotaHandler) {}

  @OnEvent('rota.set')
  async onSet(@Payload() command: Envelope<'rota.set', RotaSet>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.handler.execute(command, ctx);
  }
}
