import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The KPI windows behind `GET /v1/kpis` (issue 8, ADR 0025): the latest record of each window from scoring.kpis.v3. */
export class ReadModelKpis1765010000100 implements MigrationInterface {
  name = 'ReadModelKpis1765010000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rm_kpi_windows (
        region       text        NOT NULL,
        scope_type   text        NOT NULL,
        scope_id     text        NOT NULL,
        period       text        NOT NULL,
        window_start date        NOT NULL,
        window_end   date        NOT NULL,
        time_zone    text        NOT NULL,
        kpis         jsonb       NOT NULL,
        revision     integer     NOT NULL,
        updated_at   timestamptz NOT NULL,
        PRIMARY KEY (region, scope_type, scope_id, period, window_start)
      )`);
    await q.query(`CREATE INDEX rm_kpi_windows_by_scope ON rm_kpi_windows (scope_type, period, window_start)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE rm_kpi_windows');
  }
}
