import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { makeEvent, type Envelope, type TicketAmended, type TicketUpdated } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { amend, inApplyOrder, type FieldStamps } from '../domain/ticket-amendment';
import { INTAKE_CONFIG, type IntakeConfig } from '../intake.config';

export const AMEND_SOURCE = 'switchboard/intake';

export type UpdateOutcome = 'applied' | 'unchanged' | 'parked' | 'duplicate';

export interface TicketRow {
  ticket_id: string;
  region: string;
  summary: string;
  customer_name: string;
  customer_phone: string;
  amended_fields: FieldStamps;
}

/** A stored update, as applied (its data is the `ticket.updated` data). */
export interface StoredUpdate {
  id: string;
  arrival: string;
  updated_at: Date;
  data: TicketUpdated;
  inbound_event_id: string;
  correlation_id: string | null;
}

export const TICKET_COLUMNS = 'ticket_id, region, summary, customer_name, customer_phone, amended_fields';

/**
 * Applies callers' `ticket.updated` to tickets ("events that arrive out of order are parked and
 * applied, not lost", issue 4): an update for a ticket intake knows applies at once; one for a
 * ticket not received yet is parked and applied — in `updatedAt` order — in the transaction that
 * accepts the ticket; the same update again (source, externalId, updatedAt) changes nothing.
 */
@Injectable()
export class TicketAmender {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(INTAKE_CONFIG) private readonly config: IntakeConfig,
  ) {}

  async receive(event: Envelope<'ticket.updated', TicketUpdated>, ctx: HandlerContext): Promise<UpdateOutcome> {
    const u = event.data;
    const now = this.clock.now();
    const [ticket] = await ctx.manager.query<TicketRow[]>(`SELECT ${TICKET_COLUMNS} FROM tickets WHERE source = $1 AND external_id = $2 FOR UPDATE`, [event.source, u.externalId]);
    const correlationId = event.correlationId ?? event.id;
    const [stored] = await ctx.manager.query<StoredUpdate[]>(
      `INSERT INTO ticket_updates (id, source, external_id, updated_at, inbound_event_id, correlation_id, data, state, received_at, expires_at, ticket_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, 'parked', $8, $9, $10)
       ON CONFLICT ON CONSTRAINT ticket_updates_identity DO NOTHING
       RETURNING id, arrival, updated_at, data, inbound_event_id, correlation_id`,
      [randomUUID(), event.source, u.externalId, new Date(u.updatedAt), event.id, correlationId, JSON.stringify(u), now, ticket ? null : this.config.parkedUpdates.expiresAt(now), ticket?.ticket_id ?? null],
    );
    if (!stored) return 'duplicate';
    if (!ticket) return 'parked';
    const result = await applyUpdates(ctx.manager, ticket, [stored], { parked: false, now });
    await ctx.emit(...result.events);
    return result.changed > 0 ? 'applied' : 'unchanged';
  }

  /**
   * Called by the accept handler right after `ticket.accepted`: the updates parked for this
   * (source, externalId) apply now, in the caller's order of change, in the same transaction.
   */
  async applyParked(ctx: HandlerContext, ticket: { ticketId: string; source: string; externalId: string }): Promise<void> {
    const parked = await ctx.manager.query<StoredUpdate[]>(
      `SELECT id, arrival, updated_at, data, inbound_event_id, correlation_id FROM ticket_updates
        WHERE source = $1 AND external_id = $2 AND state = 'parked'
          FOR UPDATE`,
      [ticket.source, ticket.externalId],
    );
    if (parked.length === 0) return;
    const [row] = await ctx.manager.query<TicketRow[]>(`SELECT ${TICKET_COLUMNS} FROM tickets WHERE ticket_id = $1`, [ticket.ticketId]);
    const result = await applyUpdates(ctx.manager, row!, parked, { parked: true, now: this.clock.now() });
    await ctx.emit(...result.events);
  }
}

/**
 * Applies updates to one locked ticket in `updatedAt` order, records each one's outcome and
 * returns the `ticket.amended` events of those that changed something.
 */
export async function applyUpdates(
  m: EntityManager,
  ticket: TicketRow,
  updates: StoredUpdate[],
  opts: { parked: boolean; now: Date },
): Promise<{ events: { envelope: Envelope }[]; changed: number }> {
  let current = { summary: ticket.summary, customerName: ticket.customer_name, customerPhone: ticket.customer_phone, stamps: ticket.amended_fields ?? {} };
  const events: { envelope: Envelope }[] = [];
  const ordered = inApplyOrder(updates.map((u) => ({ ...u, updatedAt: new Date(u.updated_at), arrival: Number(u.arrival) })));
  for (const u of ordered) {
    const d = u.data;
    const amendment = amend(current, {
      updatedAt: u.updatedAt,
      ...(d.summary !== undefined ? { summary: d.summary } : {}),
      ...(d.customer?.name !== undefined ? { customerName: d.customer.name } : {}),
      ...(d.customer?.phone !== undefined ? { customerPhone: d.customer.phone } : {}),
      ...(d.note !== undefined ? { note: d.note } : {}),
    });
    current = {
      summary: amendment.changes.summary ?? current.summary,
      customerName: amendment.changes.customerName ?? current.customerName,
      customerPhone: amendment.changes.customerPhone ?? current.customerPhone,
      stamps: amendment.stamps,
    };
    await m.query(`UPDATE ticket_updates SET state = $2, settled_at = $3, ticket_id = $4, expires_at = NULL WHERE id = $1`, [
      u.id,
      amendment.changed ? 'applied' : 'unchanged',
      opts.now,
      ticket.ticket_id,
    ]);
    if (!amendment.changed) continue;
    const customer = {
      ...(amendment.changes.customerName !== undefined ? { name: amendment.changes.customerName } : {}),
      ...(amendment.changes.customerPhone !== undefined ? { phone: amendment.changes.customerPhone } : {}),
    };
    const amended: TicketAmended = {
      ticketId: ticket.ticket_id,
      region: ticket.region,
      changes: {
        ...(amendment.changes.summary !== undefined ? { summary: amendment.changes.summary } : {}),
        ...(Object.keys(customer).length > 0 ? { customer } : {}),
      },
      ...(amendment.note !== undefined ? { note: amendment.note } : {}),
      ...(d.updatedBy !== undefined ? { updatedBy: d.updatedBy } : {}),
      updatedAt: d.updatedAt,
      parked: opts.parked,
      amendedAt: opts.now.toISOString(),
    };
    events.push({
      envelope: makeEvent('ticket.amended', amended, {
        source: AMEND_SOURCE,
        subject: ticket.ticket_id,
        time: opts.now,
        ...(u.correlation_id ? { correlationId: u.correlation_id } : {}),
        causationId: u.inbound_event_id,
      }),
    });
  }
  await m.query(`UPDATE tickets SET summary = $2, customer_name = $3, customer_phone = $4, amended_fields = $5::jsonb, updated_at = $6 WHERE ticket_id = $1`, [
    ticket.ticket_id,
    current.summary,
    current.customerName,
    current.customerPhone,
    JSON.stringify(current.stamps),
    opts.now,
  ]);
  return { events, changed: events.length };
}
