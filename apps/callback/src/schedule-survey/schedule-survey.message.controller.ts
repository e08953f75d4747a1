import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { AssignmentProgressed, Envelope, TicketAccepted, TicketResolved } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { OnEvent } from '@switchboard/platform';
import { ScheduleCallbackHandler } from './schedule-callback.handler';

/**
 * Every resolution gets a callback (domain.md §5: callback ratio 100 %): a technician's completion
 * and intake's `ticket.resolved` (answered by a known issue, closed with it or an incident, resolved
 * remotely) alike. The ticket's contact is kept from its acceptance.
 */
@Controller()
export class ScheduleSurveyMessageController {
  constructor(private readonly handler: ScheduleCallbackHandler) {}

  @OnEvent('ticket.accepted')
  async onAccepted(@Payload() event: Envelope<'ticket.accepted', TicketAccepted>, @Ctx() ctx: HandlerContext): Promise<void> {
    const t = event.data;
    await ctx.manager.query(
      `INSERT INTO tickets (ticket_id, region, contact_phone, channel, accepted_at, owner, kind, customer_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (ticket_id) DO NOTHING`,
      [t.ticketId, t.location.region, t.contact.phone, t.channel, new Date(t.acceptedAt), t.owner, t.kind, t.customerId],
    );
  }

  @OnEvent('assignment.completed')
  async onCompleted(@Payload() event: Envelope<'assignment.completed', AssignmentProgressed>, @Ctx() ctx: HandlerContext): Promise<void> {
    const done = event.data;
    // The ticket may not be known yet (its acceptance travels on another topic): the survey is
    // scheduled anyway and goes out once the contact is known.
    await this.handler.schedule(
      { ticketId: done.ticketId, region: done.region, resolvedAt: new Date(done.at), resolution: 'completed', key: `assignment/${done.assignmentId}`, assignmentId: done.assignmentId },
      event,
      ctx,
    );
  }

  @OnEvent('ticket.resolved')
  async onResolved(@Payload() event: Envelope<'ticket.resolved', TicketResolved>, @Ctx() ctx: HandlerContext): Promise<void> {
    const r = event.data;
    await this.handler.schedule(
      { ticketId: r.ticketId, region: r.region, resolvedAt: new Date(r.resolvedAt), resolution: r.resolution, key: `resolved/${r.ticketId}/${r.resolution}/${r.resolvedAt}` },
      event,
      ctx,
    );
  }
}
