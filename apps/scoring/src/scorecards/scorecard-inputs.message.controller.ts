import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { Envelope, EventData, EventType } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { OnEvent } from '@switchboard/platform';
import { ScorecardInputsHandler } from './scorecard-inputs.handler';

type In<T extends EventType> = Envelope<T, EventData<T>>;

/**
 * Kafka face of the scorecards' inputs (ADR 0026). Several of these types are counted by the KPI
 * handlers too: the platform runs every controller's handler of a type, in one transaction.
 */
@Controller()
export class ScorecardInputsMessageController {
  constructor(private readonly inputs: ScorecardInputsHandler) {}

  @OnEvent('ticket.accepted')
  onTicketAccepted(@Payload() e: In<'ticket.accepted'>, @Ctx() ctx: HandlerContext): Promise<void> {
    return this.inputs.ticketAccepted(e, ctx);
  }

  @OnEvent('technician.registered')
  onTechnicianRegistered(@Payload() e: In<'technician.registered'>, @Ctx() ctx: HandlerContext): Promise<void> {
    return this.inputs.technicianRegistered(e, ctx);
  }

  @OnEvent('assignment.completed')
  onAssignmentCompleted(@Payload() e: In<'assignment.completed'>, @Ctx() ctx: HandlerContext): Promise<void> {
    return this.inputs.assignmentCompleted(e, ctx);
  }

  @OnEvent('survey.completed')
  onSurveyCompleted(@Payload() e: In<'survey.completed'>, @Ctx() ctx: HandlerContext): Promise<void> {
    return this.inputs.surveyCompleted(e, ctx);
  }

  @OnEvent('callback.closed')
  onCallbackClosed(@Payload() e: In<'callback.closed'>, @Ctx() ctx: HandlerContext): Promise<void> {
    return this.inputs.callbackClosed(e, ctx);
  }

  @OnEvent('sla.clock-stopped')
  onClockStopped(@Payload() e: In<'sla.clock-stopped'>, @Ctx() ctx: HandlerContext): Promise<void> {
    return this.inputs.clockStopped(e, ctx);
  }

  @OnEvent('ticket.repeat-fault-detected')
  onRepeatFault(@Payload() e: In<'ticket.repeat-fault-detected'>, @Ctx() ctx: HandlerContext): Promise<void> {
    return this.inputs.repeatFault(e, ctx);
  }

  @OnEvent('complaint.attribute')
  onComplaintAttribute(@Payload() e: In<'complaint.attribute'>, @Ctx() ctx: HandlerContext): Promise<void> {
    return this.inputs.complaintAttributed(e, ctx);
  }
}
