import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { AssignmentProgressed, Envelope } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { LOGGER } from '@switchboard/platform';

/**
 * `assignment.completed`: records when the ticket's work was completed (the latest completion of
 * any round), the point repeat faults are measured from.
 */
@Injectable()
export class RecordCompletionHandler {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  async execute(event: Envelope<'assignment.completed', AssignmentProgressed>, ctx: HandlerContext): Promise<void> {
    const { ticketId, at } = event.data;
    // GREATEST ignores NULL: the first completion sets it, a later round's moves it forward, a stale one changes nothing.
    // TypeORM answers an UPDATE … RETURNING with [rows, count].
    const [updated] = await ctx.manager.query<[unknown[], number]>(`UPDATE tickets SET completed_at = GREATEST(completed_at, $2::timestamptz) WHERE ticket_id = $1 RETURNING ticket_id`, [ticketId, at]);
    if (updated.length === 0) this.logger.warn({ ticketId }, 'assignment.completed for a ticket intake does not know; nothing recorded');
  }
}
