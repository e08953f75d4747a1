import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each pause of a clock as an interval (issue 6): re-attaching a policy measures the business time
 * a clock spent and stood still on its calendar, which `paused_ms` alone cannot tell. Pauses from
 * before this migration have no rows (they count as spent time on re-attachment).
 */
export class SlaClockPauseIntervals1764800000001 implements MigrationInterface {
  name = 'SlaClockPauseIntervals1764800000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE clock_pauses (
        clock_id   uuid        NOT NULL REFERENCES clocks (id),
        paused_at  timestamptz NOT NULL,
        resumed_at timestamptz,
        PRIMARY KEY (clock_id, paused_at),
        CHECK (resumed_at IS NULL OR resumed_at >= paused_at)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE clock_pauses');
  }
}
