import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The departments' complaint queues as the API shows them (issue 5, ADR 0030): projected from
 * complaint.received-by-department / complaint.transferred / complaint.replied.
 */
export class ReadModelDepartments1765070000100 implements MigrationInterface {
  name = 'ReadModelDepartments1765070000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rm_department_complaints (
        ticket_id          uuid        PRIMARY KEY,
        region             text        NOT NULL,
        state              text        NOT NULL CHECK (state IN ('held', 'replied')),
        holder             text        NOT NULL,
        chain              text[]      NOT NULL,
        complaint_category text,
        received_at        timestamptz NOT NULL,
        held_since         timestamptz NOT NULL,
        answered_from      text,
        replied_at         timestamptz,
        updated_at         timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX rm_department_complaints_queue ON rm_department_complaints (holder, region, held_since) WHERE state = 'held'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE rm_department_complaints');
  }
}
