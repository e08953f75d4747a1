import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { Envelope, EventData, EventType } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { OnEvent } from '@switchboard/platform';
import { KpiWindowsHandler } from '../kpi-windows/kpi-windows.handler';
import { CountKpisHandler } from './count-kpis.handler';

type In<T extends EventType> = Envelope<T, EventData<T>>;

/**
 * Kafka face of the KPI counters: one handler per counted event type (the list is
 * `COUNTED_EVENT_TYPES` in domain/kpi-counters-v2.ts; a unit test keeps the two equal). Each event
 * also goes to the KPI windows (kpi-windows/, ADR 0025), in the same transaction.
 */
@Controller()
export class CountKpisMessageController {
  constructor(
    private readonly handler: CountKpisHandler,
    private readonly windows: KpiWindowsHandler,
  ) {}

  private async both<T extends EventType>(event: In<T>, ctx: HandlerContext): Promise<void> {
    await this.handler.handle(event, ctx);
    await this.windows.handle(event, ctx);
  }

  @OnEvent('ticket.accepted')
  onTicketAccepted(@Payload() event: In<'ticket.accepted'>, @Ctx() ctx: HandlerContext): Promise<void> {
    return this.both(event, ctx);
  }

  @OnEvent('ticket.rejected')
  onTicketRejected(@Payload() event: In<'ticket.rejected'>, @Ctx() ctx: HandlerContext): Promise<void> {
    return this.both(event, ctx);
  }

  @OnEvent('ticket.assigned')
  onTicketAssigned(@Payload() event: In<'ticket.assigned'>, @Ctx() ctx: HandlerContext): Promise<void> {
    return this.both(event, ctx);
  }

  @OnEvent('sla.clock-stopped')
  onClockStopped(@Payload() event: In<'sla.clock-stopped'>, @Ctx() ctx: HandlerContext): Promise<void> {
    return this.both(event, ctx);
  }

  @OnEvent('sla.warning')
  onSlaWarning(@Payload() event: In<'sla.warning'>, @Ctx() ctx: HandlerContext): Promise<void> {
    return this.both(event, ctx);
  }

  @OnEvent('sla.breached')
  onSlaBreached(@Payload() event: In<'sla.breached'>, @Ctx() ctx: HandlerContext): Promise<void> {
    return this.both(event, ctx);
  }

  @OnEvent('assignment.completed')
  onAssignmentCompleted(@Payload() event: In<'assignment.completed'>, @Ctx() ctx: HandlerContext): Promise<void> {
    return this.both(event, ctx);
  }

  @OnEvent('survey.completed')
  onSurveyCompleted(@Payload() event: In<'survey.completed'>, @Ctx() ctx: HandlerContext): Promise<void> {
    return this.both(event, ctx);
  }

  // Counted only in the KPI record v2 (issue 4).
  @OnEvent('ticket.repeat-fault-detected')
  onRepeatFault(@Payload() event: In<'ticket.repeat-fault-detected'>, @Ctx() ctx: HandlerContext): Promise<void> {
    return this.both(event, ctx);
  }

  @OnEvent('ticket.held')
  onTicketHeld(@Payload() event: In<'ticket.held'>, @Ctx() ctx: HandlerContext): Promise<void> {
    return this.both(event, ctx);
  }

  @OnEvent('ticket.resolved')
  onTicketResolved(@Payload() event: In<'ticket.resolved'>, @Ctx() ctx: HandlerContext): Promise<void> {
    return this.both(event, ctx);
  }

  @OnEvent('ticket.answered-by-known-issue')
  onAnsweredByKnownIssue(@Payload() event: In<'ticket.answered-by-known-issue'>, @Ctx() ctx: HandlerContext): Promise<void> {
    return this.both(event, ctx);
  }

  @OnEvent('assignment.withdrawn')
  onAssignmentWithdrawn(@Payload() event: In<'assignment.withdrawn'>, @Ctx() ctx: HandlerContext): Promise<void> {
    return this.both(event, ctx);
  }
}
