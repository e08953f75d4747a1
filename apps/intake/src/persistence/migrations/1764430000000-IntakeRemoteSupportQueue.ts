import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Remote pre-handling (issue 4): the tickets held in the remote support queue, until an agent
 * resolves or releases them or `hold_until` passes (then the expiry poller releases them).
 */
export class IntakeRemoteSupportQueue1764430000000 implements MigrationInterface {
  name = 'IntakeRemoteSupportQueue1764430000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE remote_support_queue (
        ticket_id        uuid        PRIMARY KEY REFERENCES tickets (ticket_id),
        region           text        NOT NULL,
        triage_class     text        NOT NULL,
        triage_priority  integer     NOT NULL,
        held_at          timestamptz NOT NULL,
        hold_until       timestamptz NOT NULL,
        state            text        NOT NULL CHECK (state IN ('held', 'resolved', 'released', 'expired')),
        correlation_id   text,
        closed_at        timestamptz,
        closed_by        text,
        resolution_code  text,
        note             text,
        command_id       text
      )`);
    // The expiry poller's scan: held tickets by the end of their hold.
    await q.query(`CREATE INDEX remote_support_queue_due ON remote_support_queue (hold_until) WHERE state = 'held'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE remote_support_queue');
  }
}
