import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * KPI windows by scope and period (issue 8, ADR 0025): what scoring keeps of tickets and
 * technicians to place a KPI in its scopes (codes only — no names, no phone numbers), each counted
 * fact with the scopes it has reached, the windows' numerators and denominators, and the BI views.
 */
export class KpiWindows1795560000000 implements MigrationInterface {
  name = 'KpiWindows1795560000000';

  async up(q: QueryRunner): Promise<void> {
    // A ticket's scopes: county/service/tier from ticket.accepted (or ticket.reopened), technician from ticket.assigned.
    await q.query(`
      CREATE TABLE kpi_ticket_scopes (
        ticket_id     uuid        PRIMARY KEY,
        known         boolean     NOT NULL DEFAULT false,
        county        text,
        service       text,
        customer_tier text,
        kind          text,
        technician_id text,
        recorded_at   timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE kpi_technician_scopes (
        technician_id text        PRIMARY KEY,
        crew_group    text        NOT NULL,
        employer      text        NOT NULL,
        recorded_at   timestamptz NOT NULL
      )`);
    // Every counted fact (one per event and KPI), with the scope parts it has been added to: region
    // at once; 'ticket' (county, service, tier), 'technician' and 'crew' (group, contractor) when known.
    await q.query(`
      CREATE TABLE kpi_facts (
        event_id      uuid        NOT NULL,
        kpi           text        NOT NULL,
        ticket_id     uuid        NOT NULL,
        technician_id text,
        region        text        NOT NULL,
        at            timestamptz NOT NULL,
        numerator     integer     NOT NULL CHECK (numerator >= 0),
        denominator   integer     NOT NULL CHECK (denominator >= 0),
        applied       text[]      NOT NULL,
        complete      boolean     NOT NULL DEFAULT false,
        PRIMARY KEY (event_id, kpi)
      )`);
    await q.query(`CREATE INDEX kpi_facts_open_ticket ON kpi_facts (ticket_id) WHERE NOT complete`);
    await q.query(`CREATE INDEX kpi_facts_open_technician ON kpi_facts (technician_id) WHERE NOT complete`);
    await q.query(`
      CREATE TABLE kpi_window_values (
        region       text    NOT NULL,
        scope_type   text    NOT NULL,
        scope_id     text    NOT NULL,
        period       text    NOT NULL CHECK (period IN ('day', 'week', 'month')),
        window_start date    NOT NULL,
        kpi          text    NOT NULL,
        window_end   date    NOT NULL,
        numerator    bigint  NOT NULL DEFAULT 0,
        denominator  bigint  NOT NULL DEFAULT 0,
        warned       boolean NOT NULL DEFAULT false,
        PRIMARY KEY (region, scope_type, scope_id, period, window_start, kpi)
      )`);
    // What events added to which window, appended by the consumer and taken by the one publisher.
    await q.query(`
      CREATE TABLE kpi_window_deltas (
        seq          bigserial PRIMARY KEY,
        event_id     uuid      NOT NULL,
        region       text      NOT NULL,
        scope_type   text      NOT NULL,
        scope_id     text      NOT NULL,
        period       text      NOT NULL,
        window_start date      NOT NULL,
        window_end   date      NOT NULL,
        kpi          text      NOT NULL,
        numerator    integer   NOT NULL,
        denominator  integer   NOT NULL,
        -- How many (fact, scope) placements this row sums: a window's revision counts them.
        contributions integer  NOT NULL
      )`);
    await q.query(`
      CREATE TABLE kpi_window_revisions (
        region       text    NOT NULL,
        scope_type   text    NOT NULL,
        scope_id     text    NOT NULL,
        period       text    NOT NULL,
        window_start date    NOT NULL,
        revision     integer NOT NULL,
        PRIMARY KEY (region, scope_type, scope_id, period, window_start)
      )`);
    // The BI face (docs/bi-kpis.md): one row per window and KPI, a view per period and one with all.
    await q.query(`
      CREATE VIEW kpi_windows_v1 AS
      SELECT v.region, v.scope_type, v.scope_id, v.period, v.window_start, v.window_end, v.kpi,
             v.numerator, v.denominator,
             CASE WHEN v.kpi IN ('tickets-accepted', 'sla-warnings', 'sla-breaches', 'escalations') OR v.denominator = 0 THEN NULL
                  ELSE round(v.numerator::numeric / v.denominator, 4) END AS value,
             v.warned AS off_target,
             r.revision
        FROM kpi_window_values v
        JOIN kpi_window_revisions r USING (region, scope_type, scope_id, period, window_start)`);
    for (const p of ['day', 'week', 'month']) {
      await q.query(`CREATE VIEW kpi_${p}_v1 AS SELECT region, scope_type, scope_id, window_start, window_end, kpi, numerator, denominator, value, off_target, revision FROM kpi_windows_v1 WHERE period = '${p}'`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const p of ['day', 'week', 'month']) await q.query(`DROP VIEW kpi_${p}_v1`);
    await q.query('DROP VIEW kpi_windows_v1');
    await q.query('DROP TABLE kpi_window_revisions');
    await q.query('DROP TABLE kpi_window_deltas');
    await q.query('DROP TABLE kpi_window_values');
    await q.query('DROP TABLE kpi_facts');
    await q.query('DROP TABLE kpi_technician_scopes');
    await q.query('DROP TABLE kpi_ticket_scopes');
  }
}
