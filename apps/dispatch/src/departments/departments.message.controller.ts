import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { BuildPlanLoad, ComplaintReply, ComplaintTransfer, Envelope, TicketAccepted } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { OnEvent } from '@switchboard/platform';
import { DepartmentCommandsHandler } from './department-commands.handler';
import { DepartmentDesk } from './department-desk';

/**
 * The departments' Kafka side (ADR 0030): complaint facts from `ticket.accepted` (beside
 * assign-ticket's handler, in the same transaction), and the commands on `dispatch.commands.v1`.
 */
@Controller()
export class DepartmentsMessageController {
  constructor(
    private readonly desk: DepartmentDesk,
    private readonly handler: DepartmentCommandsHandler,
  ) {}

  @OnEvent('ticket.accepted')
  async onAccepted(@Payload() event: Envelope<'ticket.accepted', TicketAccepted>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.desk.recordFacts(event.data, ctx.manager);
  }

  @OnEvent('complaint.transfer')
  async onTransfer(@Payload() command: Envelope<'complaint.transfer', ComplaintTransfer>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.handler.transfer(command, ctx);
  }

  @OnEvent('complaint.reply')
  async onReply(@Payload() command: Envelope<'complaint.reply', ComplaintReply>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.handler.reply(command, ctx);
  }

  @OnEvent('build-plan.load')
  async onLoad(@Payload() command: Envelope<'build-plan.load', BuildPlanLoad>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.handler.loadBuildPlan(command, ctx);
  }
}
