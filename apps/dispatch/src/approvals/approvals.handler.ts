import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { makeEvent, type ApprovalDecide, type ApprovalEnd, type ApprovalRequest, type Envelope, type TicketSuspended } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { APPOINTMENT_SOURCE, AppointmentPlanner } from '../appointments/appointment-planner';
import { AppointmentStore, slotOf } from '../appointments/appointment-store';
import { regionOfTicket, rejectCommand } from '../appointments/command-rejection';
import { DispatchConfig } from '../config/dispatch-config';
import { ApprovalWorkflow } from '../domain/approval-workflow';
import { appointmentRescheduledNotice } from '../domain/customer-notice';
import { DispatchStore } from '../persistence/dispatch-store';
import { ApprovalStore, type ApprovalRow } from './approval-store';

type Meta = { source: string; subject: string; time: Date; correlationId: string; causationId: string };

/**
 * Reschedule and suspension reviews (ADR 0027, domain/approval-workflow.ts): a request is filed
 * (`approval.requested`) and waits; a supervisor's decision is announced (`approval.decided`) and,
 * when approved, applied — a reschedule moves the booked window after checking the technician can
 * keep the new one (`appointment.rescheduled` and a new SMS to the customer), a suspension is
 * published (`ticket.suspended`, which pauses the SLA resolution clocks) until it is ended
 * (`ticket.suspension-ended`). A rejection changes nothing else. Refusals: `command.rejected`.
 */
@Injectable()
export class ApprovalsHandler {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly config: DispatchConfig,
    private readonly planner: AppointmentPlanner,
  ) {}

  private meta(command: Envelope, ticketId: string, now: Date): Meta {
    return { source: APPOINTMENT_SOURCE, subject: ticketId, time: now, correlationId: command.correlationId ?? command.id, causationId: command.id };
  }

  async request(command: Envelope<'approval.request', ApprovalRequest>, ctx: HandlerContext): Promise<void> {
    const r = command.data;
    const now = this.clock.now();
    const region = await regionOfTicket(ctx, r.ticketId);
    if (region === undefined) return rejectCommand(ctx, command, now, r.ticketId, 'APPROVAL.NO_OPEN_ASSIGNMENT', 'dispatch does not know this ticket');
    await DispatchStore.lockRegion(ctx.manager, region);
    const ticket = await DispatchStore.ticketForUpdate(ctx.manager, r.ticketId);
    const appt = await AppointmentStore.openOfTicketForUpdate(ctx.manager, r.ticketId);
    const open = await ApprovalStore.openOfTicket(ctx.manager, r.ticketId);
    const decision = ApprovalWorkflow.request(
      { ...(ticket?.open ? { open: { assignmentId: ticket.open.assignmentId, technicianId: ticket.open.technicianId } } : {}), booked: appt?.booked !== null && appt?.booked !== undefined, ...open },
      { kind: r.kind, requesterKind: r.requesterKind, requestedBy: r.requestedBy },
    );
    if (!decision.ok) return rejectCommand(ctx, command, now, r.ticketId, decision.code, decision.message);
    if (r.kind === 'reschedule' && appt && r.slot) {
      const check = await this.planner.check(ctx, appt, { from: Date.parse(r.slot.from), to: Date.parse(r.slot.to) });
      if (!check.ok) return rejectCommand(ctx, command, now, r.ticketId, check.code, check.message);
    }
    if (!(await ApprovalStore.insert(ctx.manager, r, { assignmentId: decision.assignmentId, region }, now))) return; // the same request again
    await ctx.emit({ envelope: makeEvent('approval.requested', { ...r, region, assignmentId: decision.assignmentId, at: now.toISOString() }, this.meta(command, r.ticketId, now)) });
  }

  async decide(command: Envelope<'approval.decide', ApprovalDecide>, ctx: HandlerContext): Promise<void> {
    const d = command.data;
    const now = this.clock.now();
    const region = await ApprovalStore.regionOf(ctx.manager, d.approvalId);
    if (region !== undefined) await DispatchStore.lockRegion(ctx.manager, region);
    const a = region === undefined ? undefined : await ApprovalStore.forUpdate(ctx.manager, d.approvalId);
    const verdict = ApprovalWorkflow.decide(a, d.decision);
    if (!verdict.ok || !a) return rejectCommand(ctx, command, now, a?.ticketId ?? d.ticketId, verdict.ok ? 'APPROVAL.NOT_FOUND' : verdict.code, verdict.ok ? 'no such approval request' : verdict.message);
    const meta = this.meta(command, a.ticketId, now);
    const decided = makeEvent(
      'approval.decided',
      { approvalId: a.approvalId, ticketId: a.ticketId, region: a.region, kind: a.kind, decision: d.decision, decidedBy: d.decidedBy, ...(d.comment !== undefined ? { comment: d.comment } : {}), at: now.toISOString() },
      meta,
    );
    if (d.decision === 'rejected') {
      await ApprovalStore.decide(ctx.manager, a.approvalId, 'rejected', d.decidedBy, d.comment, now);
      await ctx.emit({ envelope: decided });
      return;
    }
    const ticket = await DispatchStore.ticketForUpdate(ctx.manager, a.ticketId);
    if (ticket?.open?.assignmentId !== a.assignmentId) {
      return rejectCommand(ctx, command, now, a.ticketId, 'APPROVAL.NO_OPEN_ASSIGNMENT', 'the assignment the request was about is no longer open (completed, withdrawn or replaced)');
    }
    if (a.kind === 'reschedule') await this.reschedule(ctx, command, a, d, decided, meta, now);
    else await this.suspend(ctx, a, d, decided, meta, now);
  }

  private async reschedule(ctx: HandlerContext, command: Envelope, a: ApprovalRow, d: ApprovalDecide, decided: Envelope, meta: Meta, now: Date): Promise<void> {
    const appt = await AppointmentStore.openOfTicketForUpdate(ctx.manager, a.ticketId);
    const window = { from: Date.parse(a.slot!.from), to: Date.parse(a.slot!.to) };
    if (!appt) return rejectCommand(ctx, command, now, a.ticketId, 'APPROVAL.NOTHING_TO_RESCHEDULE', 'the ticket has no appointment');
    // Checked again: the technician's day may have filled since the request. The request then stays pending.
    const check = await this.planner.check(ctx, appt, window);
    if (!check.ok) return rejectCommand(ctx, command, now, a.ticketId, check.code, check.message);
    await ApprovalStore.decide(ctx.manager, a.approvalId, 'approved', d.decidedBy, d.comment, now);
    await AppointmentStore.book(ctx.manager, appt.assignmentId, window, check.seq, now);
    const [t] = await ctx.manager.query<{ contact_phone: string; name: string; phone: string }[]>(
      `SELECT t.contact_phone, x.name, x.phone FROM tickets t, technicians x WHERE t.ticket_id = $1 AND x.technician_id = $2`,
      [a.ticketId, appt.technicianId],
    );
    const notice = appointmentRescheduledNotice({
      engineerName: t!.name,
      engineerPhone: t!.phone,
      supervisionChannel: this.config.supervisionChannel,
      from: new Date(window.from),
      to: new Date(window.to),
      timeZone: this.config.timeZone,
    });
    await ctx.emit(
      { envelope: decided },
      {
        envelope: makeEvent(
          'appointment.rescheduled',
          {
            ticketId: a.ticketId,
            assignmentId: appt.assignmentId,
            technicianId: appt.technicianId,
            region: a.region,
            approvalId: a.approvalId,
            previous: appt.booked ? slotOf(appt.booked) : null,
            slot: slotOf(window),
            at: now.toISOString(),
          },
          meta,
        ),
      },
      {
        envelope: makeEvent(
          'notification.requested',
          { notificationId: randomUUID(), ticketId: a.ticketId, channel: 'sms', to: t!.contact_phone, template: notice.template, text: notice.text, data: notice.data },
          meta,
        ),
      },
    );
  }

  private async suspend(ctx: HandlerContext, a: ApprovalRow, d: ApprovalDecide, decided: Envelope, meta: Meta, now: Date): Promise<void> {
    await ApprovalStore.decide(ctx.manager, a.approvalId, 'approved', d.decidedBy, d.comment, now);
    await ctx.emit(
      { envelope: decided },
      {
        envelope: makeEvent(
          'ticket.suspended',
          {
            ticketId: a.ticketId,
            approvalId: a.approvalId,
            region: a.region,
            reason: a.reason as TicketSuspended['reason'],
            ...(a.note !== null ? { note: a.note } : {}),
            requestedBy: a.requestedBy,
            approvedBy: d.decidedBy,
            at: now.toISOString(),
            ...(a.expectedEndAt !== null ? { expectedEndAt: a.expectedEndAt } : {}),
          },
          meta,
        ),
      },
    );
  }

  async end(command: Envelope<'approval.end', ApprovalEnd>, ctx: HandlerContext): Promise<void> {
    const e = command.data;
    const now = this.clock.now();
    const region = await ApprovalStore.regionOf(ctx.manager, e.approvalId);
    if (region !== undefined) await DispatchStore.lockRegion(ctx.manager, region);
    const a = region === undefined ? undefined : await ApprovalStore.forUpdate(ctx.manager, e.approvalId);
    const verdict = ApprovalWorkflow.end(a);
    if (!verdict.ok || !a) return rejectCommand(ctx, command, now, a?.ticketId ?? e.ticketId, verdict.ok ? 'APPROVAL.NOT_FOUND' : verdict.code, verdict.ok ? 'no such approval request' : verdict.message);
    await endSuspension(ctx, a, e.endedBy, now, this.meta(command, a.ticketId, now));
  }
}

/** Ends a running suspension: recorded, and `ticket.suspension-ended` so paused clocks run again. */
export async function endSuspension(ctx: HandlerContext, a: ApprovalRow, endedBy: string, now: Date, meta: Meta): Promise<void> {
  await ApprovalStore.end(ctx.manager, a.approvalId, endedBy, now);
  await ctx.emit({
    envelope: makeEvent('ticket.suspension-ended', { ticketId: a.ticketId, approvalId: a.approvalId, region: a.region, endedBy, at: now.toISOString() }, meta),
  });
}

/** The ticket was completed or resolved while suspended: its running suspensions end, by `system`. */
export async function endSuspensionsOf(ctx: HandlerContext, ticketId: string, now: Date, cause: Envelope): Promise<void> {
  for (const a of await ApprovalStore.runningSuspensions(ctx.manager, ticketId)) {
    await endSuspension(ctx, a, 'system', now, { source: APPOINTMENT_SOURCE, subject: ticketId, time: now, correlationId: cause.correlationId ?? cause.id, causationId: cause.id });
  }
}
