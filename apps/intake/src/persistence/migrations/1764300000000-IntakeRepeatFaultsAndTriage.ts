import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Repeat faults and triage (issue 4): when a ticket's work was last completed (from dispatch's
 * `assignment.completed`), whether it is a repeat fault and of which ticket, and its class and
 * priority (0–100) from triage.
 */
export class IntakeRepeatFaultsAndTriage1764300000000 implements MigrationInterface {
  name = 'IntakeRepeatFaultsAndTriage1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tickets ADD COLUMN completed_at timestamptz`);
    await q.query(`ALTER TABLE tickets ADD COLUMN repeat_fault boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE tickets ADD COLUMN repeat_of_ticket_id uuid`);
    await q.query(`ALTER TABLE tickets ADD COLUMN triage_class text CHECK (triage_class IN ('general', 'important'))`);
    await q.query(`ALTER TABLE tickets ADD COLUMN triage_priority integer CHECK (triage_priority BETWEEN 0 AND 100)`);
    await q.query(`CREATE INDEX tickets_customer_service_completed ON tickets (customer_id, service, completed_at DESC) WHERE completed_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX tickets_customer_service_completed');
    await q.query('ALTER TABLE tickets DROP COLUMN triage_priority');
    await q.query('ALTER TABLE tickets DROP COLUMN triage_class');
    await q.query('ALTER TABLE tickets DROP COLUMN repeat_of_ticket_id');
    await q.query('ALTER TABLE tickets DROP COLUMN repeat_fault');
    await q.query('ALTER TABLE tickets DROP COLUMN completed_at');
  }
}
