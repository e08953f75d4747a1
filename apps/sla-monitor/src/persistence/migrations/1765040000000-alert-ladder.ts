import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pausing right and the alert ladder (issue 6, ADR 0028):
 * - `holds`: why a clock stands still (`hold` for a known-issue or incident hold, `suspension:<approvalId>`
 *   for an approved suspension); it runs again when the last one ends. Paused clocks get `hold`.
 * - `schedule`: the clock's alert instants beyond warn_at/due_at — every warning fraction and every
 *   escalation level — and the calendar they were walked on (null for older clocks: one warning).
 * - `alerts.level` becomes an open key (`warning`, `breached`, `warned:0.5`, `escalated:team-lead`,
 *   `reminder:3`); still one row per clock and key, ever.
 */
export class SlaAlertLadder1765040000000 implements MigrationInterface {
  name = 'SlaAlertLadder1765040000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE clocks ADD COLUMN holds text[] NOT NULL DEFAULT '{}'`);
    await q.query(`UPDATE clocks SET holds = '{hold}' WHERE state = 'paused'`);
    await q.query(`ALTER TABLE clocks ADD COLUMN schedule jsonb`);
    await q.query(`ALTER TABLE alerts DROP CONSTRAINT alerts_level_check`);
    await q.query(`ALTER TABLE alerts ADD CONSTRAINT alerts_level_key CHECK (level ~ '^(warning|breached|warned:[0-9.]+|escalated:[a-z][a-z0-9-]*|reminder:[0-9]+)$')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM alerts WHERE level NOT IN ('warning', 'breached')`);
    await q.query('ALTER TABLE alerts DROP CONSTRAINT alerts_level_key');
    await q.query(`ALTER TABLE alerts ADD CONSTRAINT alerts_level_check CHECK (level IN ('warning', 'breached'))`);
    await q.query('ALTER TABLE clocks DROP COLUMN schedule');
    await q.query('ALTER TABLE clocks DROP COLUMN holds');
  }
}
