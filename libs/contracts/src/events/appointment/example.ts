import type { AppointmentBook, AppointmentBooked, AppointmentKeeping, AppointmentOffered, AppointmentRescheduled, ContactTimed } from './schema';

const base = { ticketId: '5b0f8f4e-5d0c-4d7a-9a43-3e6f0c1a2b11', assignmentId: '8d7e0a4c-6a1b-4f7e-9c2d-1b3a5c7e9f01', technicianId: 'T-XH-01', region: 'hangzhou' };
const slot = { from: '2026-11-25T01:00:00Z', to: '2026-11-25T03:00:00Z' };

export const appointmentOfferedExample: AppointmentOffered = { ...base, slots: [slot, { from: '2026-11-25T05:00:00Z', to: '2026-11-25T07:00:00Z' }], at: '2026-11-24T03:00:00Z' };
export const appointmentBookExample: AppointmentBook = { ticketId: base.ticketId, slot, bookedBy: 'customer' };
export const appointmentBookedExample: AppointmentBooked = { ...base, slot, at: '2026-11-24T03:05:00Z' };
export const appointmentRescheduledExample: AppointmentRescheduled = {
  ...base,
  approvalId: '7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6',
  previous: slot,
  slot: { from: '2026-11-26T01:00:00Z', to: '2026-11-26T03:00:00Z' },
  at: '2026-11-24T06:00:00Z',
};
export const appointmentKeepingExample: AppointmentKeeping = { ...base, slot, arrivedAt: '2026-11-25T01:40:00Z', lateByMinutes: 0 };
export const contactTimedExample: ContactTimed = {
  ...base,
  assignedAt: '2026-11-24T03:00:00Z',
  contactedAt: '2026-11-24T03:12:00Z',
  minutes: 12,
  limitMinutes: 30,
  timely: true,
};
