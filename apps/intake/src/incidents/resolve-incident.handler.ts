import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { makeEvent, type Envelope, type IncidentResolve, type NotificationRequested, type TicketResolved } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { INTAKE_SOURCE } from '../accept-ticket/accept-ticket.handler';

/** The SMS a child's customer gets: the incident's reply, within the notification contract's limit. */
export function incidentReplyText(externalId: string, reply: string): string {
  return `Switchboard: about your complaint ${externalId}: ${reply}`.slice(0, 2000);
}

/**
 * Resolves an open incident (domain.md §2: "resolving the incident resolves its children with one
 * reply each and notifies their customers"): every child not yet resolved gets `ticket.resolved`
 * (incident-resolved) and a customer `notification.requested`, then `incident.resolved`. The
 * incident row is locked, so a second resolve — or a redelivery — finds it resolved and does nothing.
 */
@Injectable()
export class ResolveIncidentHandler {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  async execute(event: Envelope<'incident.resolve', IncidentResolve>, ctx: HandlerContext): Promise<'resolved' | 'not-open'> {
    const m = ctx.manager;
    const { incidentId, reply, resolvedBy } = event.data;
    const now = this.clock.now();
    const [incident] = await m.query<{ region: string; state: string }[]>(`SELECT region, state FROM incidents WHERE incident_id = $1 FOR UPDATE`, [incidentId]);
    if (!incident || incident.state !== 'open') return 'not-open';

    const children = await m.query<{ ticket_id: string; region: string; external_id: string; customer_phone: string }[]>(
      // A CTE: TypeORM returns [rows, count] for a bare UPDATE … RETURNING.
      `WITH resolved AS (
         UPDATE incident_children ic SET resolved_at = $2 FROM tickets t
          WHERE ic.incident_id = $1 AND ic.resolved_at IS NULL AND t.ticket_id = ic.ticket_id
          RETURNING t.ticket_id, t.region, t.external_id, t.customer_phone)
       SELECT * FROM resolved ORDER BY ticket_id`,
      [incidentId, now],
    );
    await m.query(`UPDATE tickets SET state = 'resolved', resolved_at = $2, updated_at = $2 WHERE ticket_id = ANY($1::uuid[])`, [children.map((c) => c.ticket_id), now]);
    await m.query(`UPDATE incidents SET state = 'resolved', resolved_at = $2, resolved_by = $3, reply = $4 WHERE incident_id = $1`, [incidentId, now, resolvedBy, reply]);
    const base = { source: INTAKE_SOURCE, time: now, correlationId: event.correlationId ?? event.id, causationId: event.id };
    for (const child of children) {
      const resolved: TicketResolved = {
        ticketId: child.ticket_id,
        region: child.region,
        resolution: 'incident-resolved',
        reply,
        incidentId,
        intercepted: false,
        resolvedAt: now.toISOString(),
      };
      const notice: NotificationRequested = {
        notificationId: randomUUID(),
        ticketId: child.ticket_id,
        channel: 'sms',
        to: child.customer_phone,
        template: 'incident-resolved',
        text: incidentReplyText(child.external_id, reply),
        data: { incidentId, externalId: child.external_id },
      };
      await ctx.emit(
        { envelope: makeEvent('ticket.resolved', resolved, { ...base, subject: child.ticket_id }) },
        { envelope: makeEvent('notification.requested', notice, { ...base, subject: child.ticket_id }) },
      );
    }
    await ctx.emit({
      envelope: makeEvent(
        'incident.resolved',
        { incidentId, region: incident.region, reply, resolvedBy, childrenResolved: children.length, resolvedAt: now.toISOString() },
        { ...base, subject: incidentId },
      ),
    });
    return 'resolved';
  }
}
