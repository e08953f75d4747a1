import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Clocks come in rounds (a reopened ticket gets a fresh resolution clock): one clock per
 * (ticket, metric, round) instead of per (ticket, metric). Existing clocks are round 1.
 */
export class SlaClockRounds1764200000000 implements MigrationInterface {
  name = 'SlaClockRounds1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE clocks ADD COLUMN round integer NOT NULL DEFAULT 1 CHECK (round >= 1)`);
    await q.query(`ALTER TABLE clocks DROP CONSTRAINT clocks_ticket_id_metric_key`);
    await q.query(`ALTER TABLE clocks ADD CONSTRAINT clocks_ticket_metric_round UNIQUE (ticket_id, metric, round)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM alerts WHERE clock_id IN (SELECT id FROM clocks WHERE round > 1)`);
    await q.query(`DELETE FROM clocks WHERE round > 1`);
    await q.query(`ALTER TABLE clocks DROP CONSTRAINT clocks_ticket_metric_round`);
    await q.query(`ALTER TABLE clocks ADD CONSTRAINT clocks_ticket_id_metric_key UNIQUE (ticket_id, metric)`);
    await q.query(`ALTER TABLE clocks DROP COLUMN round`);
  }
}
