import type { EntityManager } from 'typeorm';
import type { Envelope, KpiWindowUpdated } from '@switchboard/contracts';

/** Keeps the latest revision of each KPI window (a record with an older revision changes nothing). */
export async function projectKpiWindow(manager: EntityManager, event: Envelope<'kpi.window-updated', KpiWindowUpdated>): Promise<void> {
  const d = event.data;
  await manager.query(
    `INSERT INTO rm_kpi_windows AS w (region, scope_type, scope_id, period, window_start, window_end, time_zone, kpis, revision, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (region, scope_type, scope_id, period, window_start) DO UPDATE
       SET window_end = EXCLUDED.window_end, time_zone = EXCLUDED.time_zone, kpis = EXCLUDED.kpis, revision = EXCLUDED.revision, updated_at = EXCLUDED.updated_at
       WHERE w.revision < EXCLUDED.revision`,
    [d.region, d.scopeType, d.scopeId, d.period, d.windowStart, d.windowEnd, d.timeZone, JSON.stringify(d.kpis), d.revision, event.time],
  );
}
