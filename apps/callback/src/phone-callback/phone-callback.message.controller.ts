import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { CallbackClaim, CallbackRecordOutcome, Envelope } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { OnEvent } from '@switchboard/platform';
import { PhoneCallbackHandler } from './phone-callback.handler';

/** The agents' phone callback queue: claims and call outcomes from the gateway. */
@Controller()
export class PhoneCallbackMessageController {
  constructor(private readonly handler: PhoneCallbackHandler) {}

  @OnEvent('callback.claim')
  async onClaim(@Payload() command: Envelope<'callback.claim', CallbackClaim>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.handler.claim(command, ctx);
  }

  @OnEvent('callback.record-outcome')
  async onOutcome(@Payload() command: Envelope<'callback.record-outcome', CallbackRecordOutcome>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.handler.recordOutcome(command, ctx);
  }
}
