import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { DecodedEvent } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { OnEvent } from '@switchboard/platform';
import { projectRota, ROTA_EVENT_TYPES } from './rota.projection';

/** Keeps the rest rota view (`GET /v1/technicians/rota`) up to date. */
@Controller()
export class RotaMessageController {
  @OnEvent(...ROTA_EVENT_TYPES)
  async apply(@Payload() event: DecodedEvent, @Ctx() ctx: HandlerContext): Promise<void> {
    await projectRota(ctx.manager, event);
  }
}
