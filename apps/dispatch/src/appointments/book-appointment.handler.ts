import { Inject, Injectable } from '@nestjs/common';
import { makeEvent, type AppointmentBook, type Envelope } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { DispatchStore } from '../persistence/dispatch-store';
import { APPOINTMENT_SOURCE, AppointmentPlanner } from './appointment-planner';
import { AppointmentStore, slotOf } from './appointment-store';
import { regionOfTicket, rejectCommand } from './command-rejection';

/**
 * The customer books one of the offered windows (`appointment.book`): dispatch checks again, under
 * the region lock, that the technician can still keep it — another ticket may have taken the room
 * since the offer — and answers `appointment.booked` or `command.rejected` with
 * APPOINTMENT.SLOT_UNAVAILABLE (taken meanwhile), APPOINTMENT.SLOT_NOT_OFFERED, APPOINTMENT.SLOT_IN_PAST,
 * APPOINTMENT.NOT_OFFERED (no appointment for the ticket) or APPOINTMENT.ALREADY_BOOKED (a change needs a reschedule approval).
 */
@Injectable()
export class BookAppointmentHandler {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly planner: AppointmentPlanner,
  ) {}

  async execute(command: Envelope<'appointment.book', AppointmentBook>, ctx: HandlerContext): Promise<void> {
    const c = command.data;
    const now = this.clock.now();
    const region = await regionOfTicket(ctx, c.ticketId);
    if (region !== undefined) await DispatchStore.lockRegion(ctx.manager, region);
    const appt = region === undefined ? undefined : await AppointmentStore.openOfTicketForUpdate(ctx.manager, c.ticketId);
    if (!appt) return rejectCommand(ctx, command, now, c.ticketId, 'APPOINTMENT.NOT_OFFERED', 'no appointment was offered for this ticket (no open install, move or repair assignment)');
    const window = { from: Date.parse(c.slot.from), to: Date.parse(c.slot.to) };
    if (appt.booked) {
      if (appt.booked.from === window.from && appt.booked.to === window.to) return; // a repeat
      return rejectCommand(ctx, command, now, c.ticketId, 'APPOINTMENT.ALREADY_BOOKED', 'the appointment is already booked; moving it is a reschedule, which a supervisor approves (/v1/approvals)');
    }
    const check = await this.planner.check(ctx, appt, window, appt.offered);
    if (!check.ok) return rejectCommand(ctx, command, now, c.ticketId, check.code, check.message);
    await AppointmentStore.book(ctx.manager, appt.assignmentId, window, check.seq, now);
    await ctx.emit({
      envelope: makeEvent(
        'appointment.booked',
        { ticketId: c.ticketId, assignmentId: appt.assignmentId, technicianId: appt.technicianId, region: appt.region, slot: slotOf(window), at: now.toISOString() },
        { source: APPOINTMENT_SOURCE, subject: c.ticketId, time: now, correlationId: command.correlationId ?? command.id, causationId: command.id },
      ),
    });
  }
}
