import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { AssignmentCommand, Envelope } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { OnEvent } from '@switchboard/platform';
import { ProgressAssignmentHandler } from './progress-assignment.handler';

/** The technician's commands on an assignment, on `dispatch.commands.v1` (subject: assignmentId). */
@Controller()
export class ProgressAssignmentMessageController {
  constructor(private readonly handler: ProgressAssignmentHandler) {}

  @OnEvent('assignment.accept')
  async onAccept(@Payload() command: Envelope<'assignment.accept', AssignmentCommand>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.handler.execute(command, ctx);
  }

  @OnEvent('assignment.contact')
  async onContact(@Payload() command: Envelope<'assignment.contact', AssignmentCommand>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.handler.execute(command, ctx);
  }

  @OnEvent('assignment.arrive')
  async onArrive(@Payload() command: Envelope<'assignment.arrive', AssignmentCommand>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.handler.execute(command, ctx);
  }

  @OnEvent('assignment.complete')
  async onComplete(@Payload() command: Envelope<'assignment.complete', AssignmentCommand>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.handler.execute(command, ctx);
  }
}
