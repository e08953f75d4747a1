import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { Envelope, EventData, EventType } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { OnEvent } from '@switchboard/platform';
import { KpiWindowsHandler } from './kpi-windows.handler';

type In<T extends EventType> = Envelope<T, EventData<T>>;

/**
 * Kafka face of the KPI windows for the event types the daily counters (count-kpis/) do not listen
 * to; for theirs, CountKpisMessageController hands the event to KpiWindowsHandler too (one handler
 * per event type in a service). A unit test keeps the union equal to KPI_WINDOW_EVENT_TYPES.
 */
@Controller()
export class KpiWindowsMessageController {
  constructor(private readonly handler: KpiWindowsHandler) {}

  @OnEvent('technician.registered', 'callback.closed', 'ticket.reopened', 'ticket.escalated-to-management')
  apply(@Payload() event: In<EventType>, @Ctx() ctx: HandlerContext): Promise<void> {
    return this.handler.handle(event, ctx);
  }
}
