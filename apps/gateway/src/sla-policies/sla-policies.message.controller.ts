import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { Envelope, SlaClockReattached, SlaPolicyVersioned } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { OnEvent } from '@switchboard/platform';
import { projectSlaPolicy } from './sla-policies.projection';

/** Keeps the SLA policies view (`GET /v1/sla-policies`) and the clocks re-attached to a new version up to date. */
@Controller()
export class SlaPoliciesMessageController {
  @OnEvent('sla-policy.versioned')
  async apply(@Payload() event: Envelope<'sla-policy.versioned', SlaPolicyVersioned>, @Ctx() ctx: HandlerContext): Promise<void> {
    await projectSlaPolicy(ctx.manager, event);
  }

  /** A clock that follows a new policy version shows its new warning and due times. */
  @OnEvent('sla.clock-reattached')
  async reattached(@Payload() event: Envelope<'sla.clock-reattached', SlaClockReattached>, @Ctx() ctx: HandlerContext): Promise<void> {
    await ctx.manager.query(`UPDATE rm_clocks SET warn_at = $2, due_at = $3 WHERE clock_id = $1 AND state <> 'stopped'`, [event.data.clockId, event.data.warnAt, event.data.dueAt]);
  }
}
