import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { makeEvent, Topics, type Envelope, type RemoteSupportRelease, type RemoteSupportResolve } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { decideRemoteSupportCommand, remotelyResolvedNotice, type RemoteSupportState } from '../domain/remote-support';
import type { Service, TicketKind } from '../domain/ticket-triage';
import { dispatchRequest, REMOTE_SUPPORT_SOURCE, RemoteSupportQueue, type ExpiringEntry } from './remote-support-queue';

type RemoteSupportCommandEnvelope = Envelope<'remote-support.resolve', RemoteSupportResolve> | Envelope<'remote-support.release', RemoteSupportRelease>;

interface QueueRow extends ExpiringEntry {
  state: RemoteSupportState;
  hold_until: Date;
  kind: TicketKind;
  service: Service;
  customer_phone: string;
}

/**
 * An agent's command on a held ticket (intake.commands.v1): `remote-support.resolve` closes it
 * without a technician — `ticket.resolved` (resolved-remotely, intercepted) and a customer notice —
 * and `remote-support.release` hands it to dispatch (`ticket.dispatch-requested`). A ticket no
 * longer held gets `command.rejected` with a stable code (domain/remote-support.ts).
 */
@Injectable()
export class RemoteSupportCommandHandler {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  async execute(command: RemoteSupportCommandEnvelope, ctx: HandlerContext): Promise<void> {
    const { ticketId } = command.data;
    const now = this.clock.now();
    // Locked: the expiry poller skips a row an agent is acting on, and waits for nobody.
    const [row] = await ctx.manager.query<QueueRow[]>(
      `SELECT q.ticket_id, q.region, q.triage_class, q.triage_priority, q.correlation_id, q.state, q.hold_until, t.kind, t.service, t.customer_phone
         FROM remote_support_queue q JOIN tickets t ON t.ticket_id = q.ticket_id
        WHERE q.ticket_id = $1
          FOR UPDATE OF q`,
      [ticketId],
    );
    const verb = command.type === 'remote-support.resolve' ? 'resolve' : 'release';
    const verdict = decideRemoteSupportCommand(row ? { state: row.state, holdUntil: new Date(row.hold_until) } : undefined, verb, now);
    const meta = { source: REMOTE_SUPPORT_SOURCE, subject: ticketId, time: now, correlationId: row?.correlation_id ?? command.correlationId ?? command.id, causationId: command.id };

    if (verdict.do === 'reject') {
      // The hold ran out before the poller saw it: the ticket goes to dispatch now, as it would have.
      const expired = verdict.expire && row ? await RemoteSupportQueue.expire(ctx.manager, [row], now, command.id) : [];
      await ctx.emit(...expired, {
        // The registry puts command.rejected on dispatch's topic; intake's refusals belong with its tickets.
        topic: Topics.TicketsLifecycle,
        envelope: makeEvent('command.rejected', { commandId: command.id, commandType: command.type, code: verdict.code, message: verdict.message, ticketId }, meta),
      });
      return;
    }
    const entry = row!;
    if (command.type === 'remote-support.resolve') {
      const { code, note, agent } = command.data;
      await ctx.manager.query(
        `UPDATE remote_support_queue SET state = 'resolved', closed_at = $2, closed_by = $3, resolution_code = $4, note = $5, command_id = $6 WHERE ticket_id = $1`,
        [ticketId, now, agent, code, note, command.id],
      );
      await ctx.manager.query(`UPDATE tickets SET state = 'resolved', resolved_at = $2, updated_at = $2 WHERE ticket_id = $1`, [ticketId, now]);
      const notice = remotelyResolvedNotice({ kind: entry.kind, service: entry.service, code, note });
      await ctx.emit(
        {
          envelope: makeEvent(
            'ticket.resolved',
            { ticketId, region: entry.region, resolution: 'resolved-remotely', reply: note, code, intercepted: true, resolvedAt: now.toISOString() },
            meta,
          ),
        },
        {
          envelope: makeEvent(
            'notification.requested',
            { notificationId: randomUUID(), ticketId, channel: 'sms', to: entry.customer_phone, template: notice.template, text: notice.text, data: notice.data },
            meta,
          ),
        },
      );
      return;
    }
    const { agent, note } = command.data;
    await ctx.manager.query(`UPDATE remote_support_queue SET state = 'released', closed_at = $2, closed_by = $3, note = $4, command_id = $5 WHERE ticket_id = $1`, [
      ticketId,
      now,
      agent,
      note ?? null,
      command.id,
    ]);
    await ctx.manager.query(`UPDATE tickets SET state = 'accepted', updated_at = $2 WHERE ticket_id = $1 AND state = 'held'`, [ticketId, now]);
    await ctx.emit({ envelope: makeEvent('ticket.dispatch-requested', dispatchRequest(entry, 'released-by-remote-support', now), meta) });
  }
}
