import type { EntityManager } from 'typeorm';
import type { DecodedEvent } from '@switchboard/contracts';

/** Event types this projection keeps (they join the ticket's timeline through read-model.projection.ts too). */
export const APPOINTMENT_APPROVAL_EVENT_TYPES = [
  'appointment.offered',
  'appointment.booked',
  'appointment.rescheduled',
  'appointment.kept',
  'appointment.missed',
  'contact.timed',
  'approval.requested',
  'approval.decided',
  'ticket.suspended',
  'ticket.suspension-ended',
] as const;

// Forward only: an approval's events may arrive in any order after a redelivery.
const RANK = { pending: 1, approved: 2, rejected: 2, ended: 3 } as const;

/**
 * Appointments and approvals in the read model (ADR 0027): the offered and booked windows per
 * assignment (`rm_appointments`), each request and its state (`rm_approvals`).
 */
export async function projectAppointmentsApprovals(m: EntityManager, event: DecodedEvent): Promise<void> {
  if (event.type === 'appointment.offered') {
    const d = event.data;
    await m.query(
      `INSERT INTO rm_appointments (assignment_id, ticket_id, technician_id, region, offered, offer_reason, offered_at) VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7)
       ON CONFLICT (assignment_id) DO UPDATE SET offered = EXCLUDED.offered, offer_reason = EXCLUDED.offer_reason, offered_at = EXCLUDED.offered_at`,
      [d.assignmentId, d.ticketId, d.technicianId, d.region, JSON.stringify(d.slots), d.reason ?? null, d.at],
    );
  } else if (event.type === 'appointment.booked' || event.type === 'appointment.rescheduled') {
    const d = event.data;
    await m.query(
      `INSERT INTO rm_appointments (assignment_id, ticket_id, technician_id, region, slot_from, slot_to, booked_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (assignment_id) DO UPDATE SET slot_from = EXCLUDED.slot_from, slot_to = EXCLUDED.slot_to, booked_at = EXCLUDED.booked_at
       WHERE rm_appointments.booked_at IS NULL OR rm_appointments.booked_at <= EXCLUDED.booked_at`,
      [d.assignmentId, d.ticketId, d.technicianId, d.region, d.slot.from, d.slot.to, d.at],
    );
  } else if (event.type === 'approval.requested') {
    const d = event.data;
    await m.query(
      `INSERT INTO rm_approvals (approval_id, ticket_id, assignment_id, region, kind, state, state_rank, requested_by, requester_kind, slot, reason, note, expected_end_at, requested_at)
       VALUES ($1, $2, $3, $4, $5, 'pending', $6, $7, $8, $9::jsonb, $10, $11, $12, $13)
       ON CONFLICT (approval_id) DO UPDATE SET assignment_id = EXCLUDED.assignment_id, requested_by = EXCLUDED.requested_by, requester_kind = EXCLUDED.requester_kind,
         slot = EXCLUDED.slot, reason = EXCLUDED.reason, note = EXCLUDED.note, expected_end_at = EXCLUDED.expected_end_at, requested_at = EXCLUDED.requested_at`,
      [d.approvalId, d.ticketId, d.assignmentId, d.region, d.kind, RANK.pending, d.requestedBy, d.requesterKind, d.slot ? JSON.stringify(d.slot) : null, d.reason ?? null, d.note ?? null, d.expectedEndAt ?? null, d.at],
    );
  } else if (event.type === 'approval.decided') {
    const d = event.data;
    await m.query(
      `UPDATE rm_approvals SET state = CASE WHEN state_rank < $2 THEN $3 ELSE state END, state_rank = GREATEST(state_rank, $2), decided_by = $4, comment = $5, decided_at = $6
        WHERE approval_id = $1`,
      [d.approvalId, RANK[d.decision], d.decision, d.decidedBy, d.comment ?? null, d.at],
    );
  } else if (event.type === 'ticket.suspension-ended') {
    const d = event.data;
    await m.query(`UPDATE rm_approvals SET state = 'ended', state_rank = $2, ended_by = $3, ended_at = $4 WHERE approval_id = $1`, [d.approvalId, RANK.ended, d.endedBy, d.at]);
  }
  // appointment.kept / missed, contact.timed, ticket.suspended: facts in the timeline only.
}
