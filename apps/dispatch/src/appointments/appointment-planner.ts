import { Inject, Injectable } from '@nestjs/common';
import { makeEvent, type Envelope } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { DispatchConfig } from '../config/dispatch-config';
import { checkBooking, localMidnights, needsAppointment, offerSlots, type BookingCheck, type Window } from '../domain/appointment-slots';
import type { TicketKind } from '../domain/ticket-work';
import { AppointmentStore, slotOf, type AppointmentRow } from './appointment-store';

export const APPOINTMENT_SOURCE = 'switchboard/dispatch';

/**
 * Offers and checks appointment windows with the technician's day as a route (ADR 0027,
 * domain/appointment-slots.ts). Only the assigned technician's windows are offered: when none fits
 * the horizon, the offer is empty with its reason (moving the order to another technician is the
 * rolling dispatch's decision, not the appointment's). Callers hold the region lock.
 */
@Injectable()
export class AppointmentPlanner {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly config: DispatchConfig,
  ) {}

  private horizon(now: Date): number[] {
    return localMidnights(now.getTime(), this.config.timeZone, this.config.appointments.horizonDays);
  }

  /** After an assignment: offer windows for an install, move or repair, and say which (`appointment.offered`). */
  async offer(ctx: HandlerContext, a: { ticketId: string; assignmentId: string; technicianId: string; region: string; kind: TicketKind }, cause: Envelope, correlationId: string): Promise<void> {
    if (!needsAppointment(a.kind)) return;
    const now = this.clock.now();
    const policy = this.config.appointments;
    const dayStarts = this.horizon(now);
    const serviceMinutes = policy.serviceMinutes[a.kind];
    const day = await AppointmentStore.technicianDay(ctx.manager, a.technicianId);
    const booked = await AppointmentStore.bookedOf(ctx.manager, a.technicianId, new Date(dayStarts[0]!));
    const at = await AppointmentStore.ticketPlace(ctx.manager, a.ticketId);
    const slots = offerSlots({ now: now.getTime(), dayStarts, day, booked, order: { ticketId: a.ticketId, at, serviceMinutes } }, policy);
    await AppointmentStore.insertOffer(ctx.manager, { assignmentId: a.assignmentId, ticketId: a.ticketId, technicianId: a.technicianId, serviceMinutes, offered: slots }, now);
    await ctx.emit({
      envelope: makeEvent(
        'appointment.offered',
        {
          ticketId: a.ticketId,
          assignmentId: a.assignmentId,
          technicianId: a.technicianId,
          region: a.region,
          slots: slots.map(slotOf),
          ...(slots.length === 0 ? { reason: `no window over the next ${policy.horizonDays} days keeps the technician's booked appointments on time` } : {}),
          at: now.toISOString(),
        },
        { source: APPOINTMENT_SOURCE, subject: a.ticketId, time: now, correlationId, causationId: cause.id },
      ),
    });
  }

  /** Whether the appointment's technician can (still) keep `window`: at booking (`offered` given) and at a reschedule's approval. */
  async check(ctx: HandlerContext, appt: AppointmentRow, window: Window, offered?: readonly Window[]): Promise<BookingCheck> {
    const now = this.clock.now();
    const dayStarts = this.horizon(now);
    const day = await AppointmentStore.technicianDay(ctx.manager, appt.technicianId);
    const booked = await AppointmentStore.bookedOf(ctx.manager, appt.technicianId, new Date(dayStarts[0]!));
    return checkBooking(
      { now: now.getTime(), dayStarts, day, booked, order: { ticketId: appt.ticketId, at: appt.at, serviceMinutes: appt.serviceMinutes }, window, ...(offered ? { offered } : {}) },
      this.config.appointments,
    );
  }
}
