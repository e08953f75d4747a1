import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { makeEvent, type ComplaintReplied, type Envelope } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { LOGGER } from '@switchboard/platform';
import { INTAKE_SOURCE } from '../accept-ticket/accept-ticket.handler';

/**
 * `complaint.replied` (dispatch): a back-office department gave a complaint its final reply (ADR
 * 0030). Intake, which owns the ticket, resolves it the way it resolves every ticket closed without
 * a technician's completion — `ticket.resolved` (replied-by-department) — so the SLA monitor stops
 * the clocks and callback schedules the callback, as for a known issue or a remote resolution.
 * Dispatch already sent the customer the reply by SMS.
 */
@Injectable()
export class DepartmentReplyHandler {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  async execute(event: Envelope<'complaint.replied', ComplaintReplied>, ctx: HandlerContext): Promise<void> {
    const r = event.data;
    // TypeORM answers an UPDATE … RETURNING with [rows, count].
    const [updated] = await ctx.manager.query<[unknown[], number]>(
      `UPDATE tickets SET state = 'resolved', resolved_at = $2, updated_at = $2 WHERE ticket_id = $1 AND state <> 'resolved' RETURNING ticket_id`,
      [r.ticketId, r.at],
    );
    if (updated.length === 0) {
      this.logger.warn({ ticketId: r.ticketId }, 'complaint.replied for a ticket intake does not know or already resolved; nothing to resolve');
      return;
    }
    await ctx.emit({
      envelope: makeEvent(
        'ticket.resolved',
        { ticketId: r.ticketId, region: r.region, resolution: 'replied-by-department', reply: r.reply, intercepted: false, resolvedAt: r.at },
        { source: INTAKE_SOURCE, subject: r.ticketId, time: new Date(r.at), correlationId: event.correlationId ?? event.id, causationId: event.id },
      ),
    });
  }
}
