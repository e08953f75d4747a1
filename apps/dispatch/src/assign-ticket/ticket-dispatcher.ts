import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { makeEvent, type Envelope } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { DispatchConfig } from '../config/dispatch-config';
import { engineerAssignedNotice } from '../domain/customer-notice';
import { explainRequested } from '../domain/dispatch-interception';
import { explainRedispatch } from '../domain/reopened-dispatch';
import { TechnicianSelector, type TechnicianCandidate } from '../domain/technician-selector';
import { DispatchStore, type DispatchTicket } from '../persistence/dispatch-store';
import { RotaKeeper } from '../rota/rota-keeper';
import { AppointmentPlanner } from '../appointments/appointment-planner';

export const DISPATCH_SOURCE = 'switchboard/dispatch';

export type DispatchAttempt = { assigned: true; assignmentId: string; technicianId: string } | { assigned: false; reason: string };

/**
 * Places tickets with technicians: runs the TechnicianSelector over the region's roster (minus who
 * rests or is absent today, RotaKeeper), records
 * the assignment with its reason, and emits `ticket.assigned` and the customer's notice on
 * dispatch. Callers hold the region lock (DispatchStore.lockRegion).
 */
@Injectable()
export class TicketDispatcher {
  private readonly selector = new TechnicianSelector();

  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly config: DispatchConfig,
    private readonly rota: RotaKeeper,
    private readonly appointments: AppointmentPlanner,
  ) {}

  /**
   * One attempt for one ticket. `roster` is the region's roster as loaded in this transaction; it
   * is updated in place (the chosen technician has one more open assignment), so a caller placing
   * several tickets loads it once.
   */
  async tryAssign(ctx: HandlerContext, ticket: DispatchTicket, roster: TechnicianCandidate[], cause: Envelope): Promise<DispatchAttempt> {
    const selection = this.selector.select(ticket, roster);
    if (!selection.assigned) return { assigned: false, reason: selection.reason };

    const now = this.clock.now();
    const tech = selection.technician;
    const explanation = explainRedispatch(explainRequested(selection.explanation, ticket.request), ticket.reopen);
    const assignmentId = randomUUID();
    await DispatchStore.insertAssignment(
      ctx.manager,
      {
        assignmentId,
        ticketId: ticket.ticketId,
        technicianId: tech.technicianId,
        region: ticket.region,
        zone: ticket.zone,
        rule: selection.rule,
        candidates: selection.candidates,
        explanation,
      },
      now,
    );
    tech.openAssignments++;

    const meta = { source: DISPATCH_SOURCE, subject: ticket.ticketId, time: now, correlationId: ticket.correlationId ?? cause.correlationId ?? cause.id, causationId: cause.id };
    const notice = engineerAssignedNotice({
      kind: ticket.kind,
      service: ticket.service,
      engineerName: tech.name,
      engineerPhone: tech.phone,
      supervisionChannel: this.config.supervisionChannel,
    });
    await ctx.emit(
      {
        envelope: makeEvent(
          'ticket.assigned',
          {
            ticketId: ticket.ticketId,
            assignmentId,
            technicianId: tech.technicianId,
            technicianName: tech.name,
            technicianPhone: tech.phone,
            region: ticket.region,
            zone: ticket.zone,
            assignedAt: now.toISOString(),
            reason: { rule: selection.rule, candidates: selection.candidates, explanation },
          },
          meta,
        ),
      },
      {
        envelope: makeEvent(
          'notification.requested',
          { notificationId: randomUUID(), ticketId: ticket.ticketId, channel: 'sms', to: ticket.contactPhone, template: notice.template, text: notice.text, data: notice.data },
          meta,
        ),
      },
    );
    // Installs, moves and repairs: the windows this technician can keep (ADR 0027).
    await this.appointments.offer(ctx, { ticketId: ticket.ticketId, assignmentId, technicianId: tech.technicianId, region: ticket.region, kind: ticket.kind }, cause, meta.correlationId);
    return { assigned: true, assignmentId, technicianId: tech.technicianId };
  }

  /**
   * Places a ticket that has just come to wait (requested by intake, or reopened); when nobody can take it,
   * says so with `ticket.unassignable` and keeps it waiting for a retry.
   */
  async place(ctx: HandlerContext, ticket: DispatchTicket, cause: Envelope): Promise<DispatchAttempt> {
    const roster = await DispatchStore.roster(ctx.manager, ticket.region);
    await this.rota.markUnavailable(ctx, roster);
    const attempt = await this.tryAssign(ctx, ticket, roster, cause);
    if (attempt.assigned) return attempt;

    const now = this.clock.now();
    await DispatchStore.markUnassignable(ctx.manager, ticket.ticketId, attempt.reason, now);
    await ctx.emit({
      envelope: makeEvent(
        'ticket.unassignable',
        { ticketId: ticket.ticketId, region: ticket.region, zone: ticket.zone, reason: attempt.reason, at: now.toISOString() },
        { source: DISPATCH_SOURCE, subject: ticket.ticketId, time: now, correlationId: ticket.correlationId ?? cause.correlationId ?? cause.id, causationId: cause.id },
      ),
    });
    return attempt;
  }

  /**
   * Tries again, highest priority then oldest first, the tickets of a region that wait for a technician (after one comes
   * on duty or frees capacity). Those still without one keep waiting, silently: their
   * `ticket.unassignable` was already said. Returns how many were placed.
   */
  async retryWaiting(ctx: HandlerContext, region: string, cause: Envelope): Promise<number> {
    const waiting = await DispatchStore.waitingTickets(ctx.manager, region);
    if (waiting.length === 0) return 0;
    const roster = await DispatchStore.roster(ctx.manager, region);
    await this.rota.markUnavailable(ctx, roster);
    let placed = 0;
    for (const ticket of waiting) {
      if ((await this.tryAssign(ctx, ticket, roster, cause)).assigned) placed++;
    }
    return placed;
  }
}
