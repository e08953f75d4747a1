import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Intake's sorting of a ticket (issue 4): whether it is a repeat fault, its class and priority (0–100). */
export class ReadModelTriage1764300000100 implements MigrationInterface {
  name = 'ReadModelTriage1764300000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rm_tickets ADD COLUMN repeat_fault boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE rm_tickets ADD COLUMN "class" text`);
    await q.query(`ALTER TABLE rm_tickets ADD COLUMN priority integer`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE rm_tickets DROP COLUMN priority');
    await q.query('ALTER TABLE rm_tickets DROP COLUMN "class"');
    await q.query('ALTER TABLE rm_tickets DROP COLUMN repeat_fault');
  }
}
