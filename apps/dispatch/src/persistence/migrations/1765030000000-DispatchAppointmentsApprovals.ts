import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Appointments and approvals (issue 5, ADR 0027): where the customer is (for travel times), the
 * windows offered for each assignment and the one booked, and the reschedule and suspension
 * requests with their supervisor's decision.
 */
export class DispatchAppointmentsApprovals1765030000000 implements MigrationInterface {
  name = 'DispatchAppointmentsApprovals1765030000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tickets ADD COLUMN lat double precision, ADD COLUMN lon double precision`);
    await q.query(`
      CREATE TABLE appointments (
        assignment_id   uuid        PRIMARY KEY REFERENCES assignments (assignment_id),
        ticket_id       uuid        NOT NULL REFERENCES tickets (ticket_id),
        technician_id   text        NOT NULL,
        service_minutes integer     NOT NULL CHECK (service_minutes > 0),
        offered         jsonb       NOT NULL,
        slot_from       timestamptz,
        slot_to         timestamptz,
        route_seq       double precision,
        offered_at      timestamptz NOT NULL,
        booked_at       timestamptz,
        updated_at      timestamptz NOT NULL,
        CHECK ((slot_from IS NULL) = (slot_to IS NULL))
      )`);
    await q.query(`CREATE INDEX appointments_booked_by_technician ON appointments (technician_id, slot_from) WHERE slot_from IS NOT NULL`);
    await q.query(`CREATE INDEX appointments_ticket ON appointments (ticket_id)`);
    await q.query(`
      CREATE TABLE approvals (
        approval_id     uuid        PRIMARY KEY,
        ticket_id       uuid        NOT NULL REFERENCES tickets (ticket_id),
        assignment_id   uuid        NOT NULL REFERENCES assignments (assignment_id),
        region          text        NOT NULL,
        kind            text        NOT NULL CHECK (kind IN ('reschedule', 'suspension')),
        state           text        NOT NULL CHECK (state IN ('pending', 'approved', 'rejected', 'ended')),
        requested_by    text        NOT NULL,
        requester_kind  text        NOT NULL CHECK (requester_kind IN ('technician', 'customer')),
        slot_from       timestamptz,
        slot_to         timestamptz,
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
    await q.query(`CREATE INDEX approvals_ticket ON approvals (ticket_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE approvals');
    await q.query('DROP TABLE appointments');
    await q.query('ALTER TABLE tickets DROP COLUMN lon, DROP COLUMN lat');
  }
}
