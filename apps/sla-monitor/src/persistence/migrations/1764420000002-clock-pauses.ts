import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A clock may be paused (issue 4: a ticket held for an outage or an incident does not breach):
 * `paused_at` while it stands still, `paused_ms` the time it stood still so far (its due times are
 * shifted by each pause on resume). Generic, so later suspensions (issue 6) reuse it.
 */
export class SlaClockPauses1764420000002 implements MigrationInterface {
  name = 'SlaClockPauses1764420000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE clocks DROP CONSTRAINT clocks_state_check`);
    await q.query(`ALTER TABLE clocks ADD CONSTRAINT clocks_state_check CHECK (state IN ('running', 'paused', 'stopped'))`);
    await q.query(`ALTER TABLE clocks DROP CONSTRAINT clocks_check`);
    await q.query(`ALTER TABLE clocks ADD CONSTRAINT clocks_stopped_at CHECK ((state = 'stopped') = (stopped_at IS NOT NULL))`);
    await q.query(`ALTER TABLE clocks ADD COLUMN paused_at timestamptz`);
    await q.query(`ALTER TABLE clocks ADD COLUMN paused_ms bigint NOT NULL DEFAULT 0 CHECK (paused_ms >= 0)`);
    await q.query(`ALTER TABLE clocks ADD CONSTRAINT clocks_paused_at CHECK ((state = 'paused') <= (paused_at IS NOT NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE clocks SET state = 'running' WHERE state = 'paused'`);
    await q.query(`ALTER TABLE clocks DROP CONSTRAINT clocks_paused_at`);
    await q.query('ALTER TABLE clocks DROP COLUMN paused_ms');
    await q.query('ALTER TABLE clocks DROP COLUMN paused_at');
    await q.query(`ALTER TABLE clocks DROP CONSTRAINT clocks_stopped_at`);
    await q.query(`ALTER TABLE clocks ADD CONSTRAINT clocks_check CHECK ((state = 'running') = (stopped_at IS NULL))`);
    await q.query(`ALTER TABLE clocks DROP CONSTRAINT clocks_state_check`);
    await q.query(`ALTER TABLE clocks ADD CONSTRAINT clocks_state_check CHECK (state IN ('running', 'stopped'))`);
  }
}
