import { z } from 'zod';
import { rfc3339 } from '../../envelope';
import { id, regionCode, ticketId } from '../common';

export const APPOINTMENT_OFFERED = 'appointment.offered' as const;
export const APPOINTMENT_BOOK = 'appointment.book' as const;
export const APPOINTMENT_BOOKED = 'appointment.booked' as const;
export const APPOINTMENT_RESCHEDULED = 'appointment.rescheduled' as const;
export const APPOINTMENT_KEPT = 'appointment.kept' as const;
export const APPOINTMENT_MISSED = 'appointment.missed' as const;
export const CONTACT_TIMED = 'contact.timed' as const;

/** An appointment window: the technician arrives (starts the work) between `from` and `to`. */
export const appointmentSlotSchema = z.strictObject({ from: rfc3339, to: rfc3339 });
export type AppointmentSlot = z.infer<typeof appointmentSlotSchema>;

/**
 * Dispatch offers the customer appointment windows the assigned technician can keep (subject:
 * ticketId): inserted into the technician's booked appointments of that day, every one of them
 * stays on time and the shift's end is kept (route-aware insertion, ADR 0027). Empty `slots`: none
 * fits within the horizon (`reason` says so).
 */
export const appointmentOfferedSchema = z.strictObject({
  ticketId,
  assignmentId: z.uuid(),
  technicianId: id,
  region: regionCode,
  slots: z.array(appointmentSlotSchema).max(50),
  reason: z.string().max(200).optional(),
  at: rfc3339,
});

/** Command (dispatch.commands.v1, subject: ticketId): the customer books one of the offered windows (through the call centre). */
export const appointmentBookSchema = z.strictObject({
  ticketId,
  slot: appointmentSlotSchema,
  /** Who booked: `customer` or the call-centre key's source. */
  bookedBy: id.optional(),
});

/** Dispatch booked the window after checking again that the technician can still keep it (subject: ticketId). */
export const appointmentBookedSchema = z.strictObject({
  ticketId,
  assignmentId: z.uuid(),
  technicianId: id,
  region: regionCode,
  slot: appointmentSlotSchema,
  at: rfc3339,
});

/** A supervisor approved a reschedule: the booked window moved (subject: ticketId). */
export const appointmentRescheduledSchema = z.strictObject({
  ticketId,
  assignmentId: z.uuid(),
  technicianId: id,
  region: regionCode,
  approvalId: z.uuid(),
  previous: appointmentSlotSchema.nullable(),
  slot: appointmentSlotSchema,
  at: rfc3339,
});

/**
 * A fact for scoring (domain.md §3 "appointment keeping"): the technician arrived (`arrivedAt`)
 * inside the booked window (`appointment.kept`) or not (`appointment.missed`, with `lateByMinutes`
 * > 0 when late, < 0 when early). Subject: ticketId.
 */
export const appointmentKeepingSchema = z.strictObject({
  ticketId,
  assignmentId: z.uuid(),
  technicianId: id,
  region: regionCode,
  slot: appointmentSlotSchema,
  arrivedAt: rfc3339,
  lateByMinutes: z.number(),
});

/**
 * A fact for scoring (domain.md §3 "contact timeliness", §4 first response within 30 minutes):
 * the technician's first contact with the customer, measured from the assignment (subject: ticketId).
 */
export const contactTimedSchema = z.strictObject({
  ticketId,
  assignmentId: z.uuid(),
  technicianId: id,
  region: regionCode,
  assignedAt: rfc3339,
  contactedAt: rfc3339,
  minutes: z.number().min(0),
  limitMinutes: z.number().int().positive(),
  timely: z.boolean(),
});

export type AppointmentOffered = z.infer<typeof appointmentOfferedSchema>;
export type AppointmentBook = z.infer<typeof appointmentBookSchema>;
export type AppointmentBooked = z.infer<typeof appointmentBookedSchema>;
export type AppointmentRescheduled = z.infer<typeof appointmentRescheduledSchema>;
export type AppointmentKeeping = z.infer<typeof appointmentKeepingSchema>;
export type ContactTimed = z.infer<typeof contactTimedSchema>;
