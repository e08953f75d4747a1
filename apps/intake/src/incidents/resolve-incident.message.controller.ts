import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { Envelope, IncidentResolve } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { OnEvent } from '@switchboard/platform';
import { ResolveIncidentHandler } from './resolve-incident.handler';

/** Kafka ingress on `intake.commands.v1`: an operator resolves an incident through the gateway. */
@Controller()
export class ResolveIncidentMessageController {
  constructor(private readonly handler: ResolveIncidentHandler) {}

  @OnEvent('incident.resolve')
  async onResolve(@Payload() event: Envelope<'incident.resolve', IncidentResolve>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.handler.execute(event, ctx);
  }
}
