import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { makeEvent, type TicketDispatchRequested } from '@switchboard/contracts';
import type { HandlerContext, OutgoingEvent } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import type { Service, TicketClass, TicketKind } from '../domain/ticket-triage';
import { INTAKE_CONFIG, type IntakeConfig } from '../intake.config';

export const REMOTE_SUPPORT_SOURCE = 'switchboard/intake';

export interface HeldTicket {
  ticketId: string;
  kind: TicketKind;
  service: Service;
  region: string;
  class: TicketClass;
  priority: number;
}

export interface EventMeta {
  correlationId?: string;
  causationId?: string;
}

/** A held row the expiry needs. */
export interface ExpiringEntry {
  ticket_id: string;
  region: string;
  triage_class: TicketClass;
  triage_priority: number;
  correlation_id: string | null;
}

/**
 * The remote support queue (domain.md §2, "预处理"): puts a newly accepted ticket of a configured
 * kind on hold instead of handing it to dispatch, and releases held tickets whose hold has ended.
 */
@Injectable()
export class RemoteSupportQueue {
  constructor(
    @Inject(INTAKE_CONFIG) private readonly config: IntakeConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Called by the accept handler after triage: when the ticket's kind (and service) is configured
   * for remote pre-handling, records it in the queue and emits `ticket.held` (remote-support); the
   * caller then emits no `ticket.dispatch-requested`. False when the ticket goes on to dispatch.
   */
  async holdIfConfigured(ctx: HandlerContext, ticket: HeldTicket, meta: EventMeta): Promise<boolean> {
    const now = this.clock.now();
    const decision = this.config.remoteSupport.decide(ticket, now);
    if (!decision.hold) return false;
    await ctx.manager.query(
      `INSERT INTO remote_support_queue (ticket_id, region, triage_class, triage_priority, held_at, hold_until, state, correlation_id)
       VALUES ($1, $2, $3, $4, $5, $6, 'held', $7)`,
      [ticket.ticketId, ticket.region, ticket.class, ticket.priority, now, decision.holdUntil, meta.correlationId ?? null],
    );
    // Held: while remote support owns it, neither a known issue's sweep nor an incident takes it.
    await ctx.manager.query(`UPDATE tickets SET state = 'held', updated_at = $2 WHERE ticket_id = $1`, [ticket.ticketId, now]);
    await ctx.emit({
      envelope: makeEvent(
        'ticket.held',
        { ticketId: ticket.ticketId, region: ticket.region, reason: 'remote-support', holdUntil: decision.holdUntil.toISOString(), heldAt: now.toISOString() },
        { source: REMOTE_SUPPORT_SOURCE, subject: ticket.ticketId, time: now, ...meta },
      ),
    });
    return true;
  }

  /** Marks held entries expired and returns their `ticket.dispatch-requested` (remote-hold-expired); the rows must be locked. */
  static async expire(m: EntityManager, entries: ExpiringEntry[], now: Date, causationId?: string): Promise<OutgoingEvent[]> {
    if (entries.length === 0) return [];
    await m.query(`UPDATE remote_support_queue SET state = 'expired', closed_at = $2 WHERE ticket_id = ANY($1::uuid[]) AND state = 'held'`, [entries.map((e) => e.ticket_id), now]);
    await m.query(`UPDATE tickets SET state = 'accepted', updated_at = $2 WHERE ticket_id = ANY($1::uuid[]) AND state = 'held'`, [entries.map((e) => e.ticket_id), now]);
    return entries.map((e) => ({
      envelope: makeEvent('ticket.dispatch-requested', dispatchRequest(e, 'remote-hold-expired', now), {
        source: REMOTE_SUPPORT_SOURCE,
        subject: e.ticket_id,
        time: now,
        ...(e.correlation_id ? { correlationId: e.correlation_id } : {}),
        ...(causationId ? { causationId } : {}),
      }),
    }));
  }
}

export function dispatchRequest(e: ExpiringEntry, reason: TicketDispatchRequested['reason'], now: Date): TicketDispatchRequested {
  return { ticketId: e.ticket_id, region: e.region, class: e.triage_class, priority: e.triage_priority, reason, requestedAt: now.toISOString() };
}
