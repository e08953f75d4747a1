import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { Envelope, SlaPolicyVersioned } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { OnEvent } from '@switchboard/platform';
import { projectSlaPolicy } from './sla-policies.projection';

/** Keeps the SLA policies view (`GET /v1/sla-policies`) up to date. */
@Controller()
export class SlaPoliciesMessageController {
  @OnEvent('sla-policy.versioned')
  async apply(@Payload() event: Envelope<'sla-policy.versioned', SlaPolicyVersioned>, @Ctx() ctx: HandlerContext): Promise<void> {
    await projectSlaPolicy(ctx.manager, event);
  }
}
