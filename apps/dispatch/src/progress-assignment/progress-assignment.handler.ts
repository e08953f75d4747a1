import { Inject, Injectable } from '@nestjs/common';
import { makeEvent, type AssignmentCommand, type Envelope } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { DISPATCH_SOURCE, TicketDispatcher } from '../assign-ticket/ticket-dispatcher';
import { AssignmentLifecycle, type AssignmentAction } from '../domain/assignment-lifecycle';
import { DispatchStore } from '../persistence/dispatch-store';
import { AppointmentStore, slotOf } from '../appointments/appointment-store';
import { endSuspensionsOf } from '../approvals/approvals.handler';
import { DispatchConfig } from '../config/dispatch-config';
import { appointmentKeeping, contactTimeliness } from '../domain/appointment-slots';

export type AssignmentCommandType = 'assignment.accept' | 'assignment.contact' | 'assignment.arrive' | 'assignment.complete';

export const ACTION_OF: Record<AssignmentCommandType, AssignmentAction> = {
  'assignment.accept': 'accept',
  'assignment.contact': 'contact',
  'assignment.arrive': 'arrive',
  'assignment.complete': 'complete',
};

/**
 * A technician's step on an assignment (accept, contact, arrive, complete): the
 * AssignmentLifecycle decides; a valid step is recorded and announced, a repeat changes nothing,
 * a refused one is answered with `command.rejected` and its stable code. A completion frees the
 * technician's capacity, so the region's waiting tickets are tried again.
 */
@Injectable()
export class ProgressAssignmentHandler {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly dispatcher: TicketDispatcher,
    private readonly config: DispatchConfig,
  ) {}

  async execute(command: Envelope<AssignmentCommandType, AssignmentCommand>, ctx: HandlerContext): Promise<void> {
    const c = command.data;
    const now = this.clock.now();
    const assignment = await DispatchStore.assignmentForUpdate(ctx.manager, c.assignmentId);
    const decision = AssignmentLifecycle.decide(assignment, {
      action: ACTION_OF[command.type],
      ...(c.technicianId !== undefined ? { technicianId: c.technicianId } : {}),
      ...(c.resolutionCode !== undefined ? { resolutionCode: c.resolutionCode } : {}),
    });
    const meta = {
      source: DISPATCH_SOURCE,
      subject: assignment?.ticketId ?? c.assignmentId,
      time: now,
      correlationId: command.correlationId ?? command.id,
      causationId: command.id,
    };

    switch (decision.kind) {
      case 'repeat':
        return;
      case 'refused':
        await ctx.emit({
          envelope: makeEvent(
            'command.rejected',
            {
              commandId: command.id,
              commandType: command.type,
              code: decision.code,
              message: decision.message,
              ...(assignment ? { ticketId: assignment.ticketId } : {}),
            },
            meta,
          ),
        });
        return;
      case 'transition': {
        const a = assignment!;
        const completing = decision.to === 'completed';
        await DispatchStore.progressAssignment(ctx.manager, a.assignmentId, decision.to, c.at, completing ? c.resolutionCode : undefined, now);
        await ctx.emit({
          envelope: makeEvent(
            decision.event,
            {
              ticketId: a.ticketId,
              assignmentId: a.assignmentId,
              technicianId: a.technicianId,
              region: a.region,
              at: c.at,
              ...(completing && c.resolutionCode !== undefined ? { resolutionCode: c.resolutionCode } : {}),
              ...(c.note !== undefined ? { note: c.note } : {}),
            },
            meta,
          ),
        });
        await this.recordFacts(ctx, a, decision.to, c.at, meta);
        if (completing) {
          await DispatchStore.completeTicket(ctx.manager, a.ticketId, now);
          // Completed while suspended: the suspension ends with it (endedBy `system`).
          await endSuspensionsOf(ctx, a.ticketId, now, command);
          await DispatchStore.lockRegion(ctx.manager, a.region);
          await this.dispatcher.retryWaiting(ctx, a.region, command);
        }
        return;
      }
    }
  }

  /**
   * Facts for scoring (ADR 0027): the first contact's timeliness against CONTACT_LIMIT_MINUTES
   * (`contact.timed`), and on arrival whether the booked window was kept (`appointment.kept` /
   * `appointment.missed`; nothing when no window was booked).
   */
  private async recordFacts(ctx: HandlerContext, a: { assignmentId: string; ticketId: string; technicianId: string; region: string }, to: string, at: string, meta: Parameters<typeof makeEvent>[2]): Promise<void> {
    const base = { ticketId: a.ticketId, assignmentId: a.assignmentId, technicianId: a.technicianId, region: a.region };
    if (to === 'contacted') {
      const [row] = await ctx.manager.query<{ assigned_at: Date }[]>(`SELECT assigned_at FROM assignments WHERE assignment_id = $1`, [a.assignmentId]);
      const assignedAt = new Date(row!.assigned_at);
      const t = contactTimeliness(assignedAt.getTime(), Date.parse(at), this.config.contactLimitMinutes);
      await ctx.emit({
        envelope: makeEvent('contact.timed', { ...base, assignedAt: assignedAt.toISOString(), contactedAt: at, minutes: t.minutes, limitMinutes: this.config.contactLimitMinutes, timely: t.timely }, meta),
      });
    }
    if (to === 'on-site') {
      const window = await AppointmentStore.bookedWindowOf(ctx.manager, a.assignmentId);
      if (!window) return;
      const k = appointmentKeeping(window, Date.parse(at));
      await ctx.emit({ envelope: makeEvent(k.kept ? 'appointment.kept' : 'appointment.missed', { ...base, slot: slotOf(window), arrivedAt: at, lateByMinutes: k.lateByMinutes }, meta) });
    }
  }
}
