import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-region, per-day KPI counters (issue 3 §7) and the view BI tools read. No customer data:
 * the counters are the whole row.
 */
export class KpiDaily1795550400000 implements MigrationInterface {
  name = 'KpiDaily1795550400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE kpi_daily (
        region                 text        NOT NULL,
        day                    date        NOT NULL,
        received               integer     NOT NULL DEFAULT 0 CHECK (received >= 0),
        accepted               integer     NOT NULL DEFAULT 0 CHECK (accepted >= 0),
        rejected               integer     NOT NULL DEFAULT 0 CHECK (rejected >= 0),
        assigned               integer     NOT NULL DEFAULT 0 CHECK (assigned >= 0),
        first_response_on_time integer     NOT NULL DEFAULT 0 CHECK (first_response_on_time >= 0),
        first_response_late    integer     NOT NULL DEFAULT 0 CHECK (first_response_late >= 0),
        warned                 integer     NOT NULL DEFAULT 0 CHECK (warned >= 0),
        breached               integer     NOT NULL DEFAULT 0 CHECK (breached >= 0),
        completed              integer     NOT NULL DEFAULT 0 CHECK (completed >= 0),
        surveyed               integer     NOT NULL DEFAULT 0 CHECK (surveyed >= 0),
        satisfied              integer     NOT NULL DEFAULT 0 CHECK (satisfied >= 0),
        updated_at             timestamptz NOT NULL,
        PRIMARY KEY (region, day)
      )`);
    // The versioned face for BI tools: the table may change, kpi_daily_v1 keeps its columns.
    await q.query(`
      CREATE VIEW kpi_daily_v1 AS
      SELECT region, day AS "date", received, accepted, rejected, assigned, first_response_on_time,
             first_response_late, warned, breached, completed, surveyed, satisfied
        FROM kpi_daily`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP VIEW kpi_daily_v1');
    await q.query('DROP TABLE kpi_daily');
  }
}
