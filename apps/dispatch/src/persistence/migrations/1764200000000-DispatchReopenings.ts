import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A ticket reopened after an unsatisfied callback waits again, with how often it was reopened and its raised priority. */
export class DispatchReopenings1764200000000 implements MigrationInterface {
  name = 'DispatchReopenings1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tickets ADD COLUMN reopen_count integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE tickets ADD COLUMN priority text NOT NULL DEFAULT 'normal' CHECK (priority IN ('normal', 'high', 'urgent'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE tickets DROP COLUMN priority');
    await q.query('ALTER TABLE tickets DROP COLUMN reopen_count');
  }
}
