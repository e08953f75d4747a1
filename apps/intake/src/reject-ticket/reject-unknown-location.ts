import { randomUUID } from 'node:crypto';
import { makeEvent, type Envelope, type TicketReceived, type TicketRejected, type ValidationReason } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { INTAKE_SOURCE } from '../accept-ticket/accept-ticket.handler';

/**
 * A valid `ticket.received` whose region, county, zone or cell intake does not know (domain.md §2
 * "rejected, not guessed"): recorded like an invalid submission (once per inbound message) and
 * answered with `ticket.rejected`, one reason per field; no ticket is created.
 */
export async function rejectUnknownLocation(event: Envelope<'ticket.received', TicketReceived>, reasons: ValidationReason[], ctx: HandlerContext, now: Date): Promise<void> {
  const t = event.data;
  const recorded = await ctx.manager.query<{ id: string }[]>(
    `INSERT INTO rejected_submissions (id, inbound_topic, inbound_partition, inbound_offset, source, external_id, inbound_event_id, region, reasons, rejected_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10)
     ON CONFLICT (inbound_topic, inbound_partition, inbound_offset) DO NOTHING
     RETURNING id`,
    [randomUUID(), ctx.message.topic, ctx.message.partition, ctx.message.offset, event.source, t.externalId, event.id, t.location.region, JSON.stringify(reasons), now],
  );
  if (recorded.length === 0) return;
  const data: TicketRejected = { source: event.source.slice(0, 200), externalId: t.externalId, inboundEventId: event.id, region: t.location.region, reasons };
  await ctx.emit({
    envelope: makeEvent('ticket.rejected', data, {
      source: INTAKE_SOURCE,
      subject: t.externalId,
      time: now,
      correlationId: (event.correlationId ?? event.id).slice(0, 200),
      causationId: event.id,
    }),
  });
}
