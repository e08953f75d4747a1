import type { MigrationInterface, QueryRunner } from 'typeorm';

const NEW_COUNTERS = [
  'intercepted',
  'answered_by_known_issue',
  'resolved_remotely',
  'resolved_without_technician',
  'held_known_issue',
  'held_incident',
  'held_remote_support',
  'withdrawn',
  'repeat_faults_vip',
  'repeat_faults_standard',
  'completed_repairs_vip',
  'completed_repairs_standard',
];

/**
 * The KPI record v2 (issue 4, ADR 0014): the counters of intake's interception, holds,
 * withdrawals and repeat faults by tier beside the v1 ones; what scoring keeps of a ticket to
 * count its completed repairs by tier (tier and kind only: nothing that names the customer); and
 * `kpi_daily_v2`, the view BI reads. `kpi_daily_v1` keeps its columns.
 *
 * (Its timestamp follows the scoring schema's first migration, 1795550400000: TypeORM runs them in
 * timestamp order.)
 */
export class KpiInterception1795550442001 implements MigrationInterface {
  name = 'KpiInterception1795550442001';

  async up(q: QueryRunner): Promise<void> {
    for (const c of NEW_COUNTERS) await q.query(`ALTER TABLE kpi_daily ADD COLUMN ${c} integer NOT NULL DEFAULT 0 CHECK (${c} >= 0)`);
    await q.query(`
      CREATE TABLE kpi_tickets (
        ticket_id     uuid        PRIMARY KEY,
        customer_tier text        NOT NULL,
        kind          text        NOT NULL,
        recorded_at   timestamptz NOT NULL
      )`);
    // A completion that arrived before its ticket's acceptance (another topic): counted when the ticket is known.
    await q.query(`
      CREATE TABLE kpi_pending_completions (
        event_id    uuid        PRIMARY KEY,
        ticket_id   uuid        NOT NULL,
        region      text        NOT NULL,
        day         date        NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX kpi_pending_completions_ticket ON kpi_pending_completions (ticket_id)`);
    await q.query(`
      CREATE VIEW kpi_daily_v2 AS
      SELECT region, day AS "date", received, accepted, rejected, assigned, first_response_on_time,
             first_response_late, warned, breached, completed, surveyed, satisfied,
             intercepted, answered_by_known_issue, resolved_remotely, resolved_without_technician,
             held_known_issue, held_incident, held_remote_support, withdrawn,
             repeat_faults_vip, completed_repairs_vip, repeat_faults_standard, completed_repairs_standard,
             round(intercepted::numeric / NULLIF(accepted, 0), 4) AS interception_rate,
             round(repeat_faults_vip::numeric / NULLIF(completed_repairs_vip, 0), 4) AS repeat_report_rate_vip,
             round(repeat_faults_standard::numeric / NULLIF(completed_repairs_standard, 0), 4) AS repeat_report_rate_standard
        FROM kpi_daily`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP VIEW kpi_daily_v2');
    await q.query('DROP TABLE kpi_pending_completions');
    await q.query('DROP TABLE kpi_tickets');
    for (const c of NEW_COUNTERS) await q.query(`ALTER TABLE kpi_daily DROP COLUMN ${c}`);
  }
}
