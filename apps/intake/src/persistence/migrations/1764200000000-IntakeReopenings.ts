import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A ticket can be reopened after an unsatisfied callback: its state, how often, and its raised priority. */
export class IntakeReopenings1764200000000 implements MigrationInterface {
  name = 'IntakeReopenings1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tickets DROP CONSTRAINT tickets_state_check`);
    await q.query(`ALTER TABLE tickets ADD CONSTRAINT tickets_state_check CHECK (state IN ('accepted', 'reopened'))`);
    await q.query(`ALTER TABLE tickets ADD COLUMN reopen_count integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE tickets ADD COLUMN priority text NOT NULL DEFAULT 'normal' CHECK (priority IN ('normal', 'high', 'urgent'))`);
    await q.query(`ALTER TABLE tickets ADD COLUMN last_reopened_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE tickets DROP COLUMN last_reopened_at');
    await q.query('ALTER TABLE tickets DROP COLUMN priority');
    await q.query('ALTER TABLE tickets DROP COLUMN reopen_count');
    await q.query(`ALTER TABLE tickets DROP CONSTRAINT tickets_state_check`);
    await q.query(`ALTER TABLE tickets ADD CONSTRAINT tickets_state_check CHECK (state IN ('accepted'))`);
  }
}
