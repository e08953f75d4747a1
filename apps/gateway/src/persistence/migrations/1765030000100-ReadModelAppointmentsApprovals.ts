import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Appointments and approvals as the API shows them (issue 5, ADR 0027): the windows offered and
 * the one booked per assignment, and each reschedule or suspension request with its state.
 */
export class ReadModelAppointmentsApprovals1765030000100 implements MigrationInterface {
  name = 'ReadModelAppointmentsApprovals1765030000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rm_appointments (
        assignment_id uuid        PRIMARY KEY,
        ticket_id     uuid        NOT NULL,
        technician_id text        NOT NULL,
        region        text        NOT NULL,
        offered       jsonb       NOT NULL DEFAULT '[]',
        offer_reason  text,
        slot_from     timestamptz,
        slot_to       timestamptz,
        offered_at    timestamptz,
        booked_at     timestamptz
      )`);
    await q.query(`CREATE INDEX rm_appointments_ticket ON rm_appointments (ticket_id)`);
    await q.query(`
      CREATE TABLE rm_approvals (
        approval_id     uuid        PRIMARY KEY,
        ticket_id       uuid        NOT NULL,
        assignment_id   uuid        NOT NULL,
        region          text        NOT NULL,
        kind            text        NOT NULL,
        state           text        NOT NULL,
        state_rank      integer     NOT NULL,
        requested_by    text        NOT NULL,
        requester_kind  text        NOT NULL,
        slot            jsonb,
        reason          text,
        note            text,
        expected_end_at timestamptz,
        requested_at    timestamptz NOT NULL,
        decided_by      text,
        comment         text,
        decided_at      timestamptz,
        ended_by        text,
        ended_at        timestamptz
      )`);
    await q.query(`CREATE INDEX rm_approvals_by_state ON rm_approvals (state, region, requested_at)`);
    await q.query(`CREATE INDEX rm_approvals_ticket ON rm_approvals (ticket_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE rm_approvals');
    await q.query('DROP TABLE rm_appointments');
  }
}
