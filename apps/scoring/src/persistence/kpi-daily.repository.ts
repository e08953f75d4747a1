import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { KPI_COUNTERS, type KpiCounter, type KpiCounters, type KpiIncrement } from '../domain/kpi-counters';

/** Column of each counter in `kpi_daily` (exhaustive: a new counter needs its column). */
const COLUMN: Record<KpiCounter, string> = {
  received: 'received',
  accepted: 'accepted',
  rejected: 'rejected',
  assigned: 'assigned',
  firstResponseOnTime: 'first_response_on_time',
  firstResponseLate: 'first_response_late',
  warned: 'warned',
  breached: 'breached',
  completed: 'completed',
  surveyed: 'surveyed',
  satisfied: 'satisfied',
};

const columns = KPI_COUNTERS.map((c) => COLUMN[c]);
const INCREMENT_SQL = `
  INSERT INTO kpi_daily (region, day, ${columns.join(', ')}, updated_at)
  VALUES ($1, $2, ${columns.map((_, i) => `$${i + 3}`).join(', ')}, $${columns.length + 3})
  ON CONFLICT (region, day) DO UPDATE SET
    ${columns.map((c) => `${c} = kpi_daily.${c} + EXCLUDED.${c}`).join(',\n    ')},
    updated_at = EXCLUDED.updated_at
  RETURNING ${KPI_COUNTERS.map((c) => `${COLUMN[c]} AS "${c}"`).join(', ')}`;

/** The `kpi_daily` rows of the scoring schema, in the caller's transaction. */
@Injectable()
export class KpiDailyRepository {
  /** Adds the increment to its row (created at zero when new) and returns the row's counters after it. */
  async increment(manager: EntityManager, increment: KpiIncrement, at: Date): Promise<KpiCounters> {
    const deltas = KPI_COUNTERS.map((c) => increment.counters.filter((n) => n === c).length);
    const rows: Record<KpiCounter, number | string>[] = await manager.query(INCREMENT_SQL, [increment.region, increment.date, ...deltas, at]);
    const row = rows[0]!;
    return Object.fromEntries(KPI_COUNTERS.map((c) => [c, Number(row[c])])) as KpiCounters;
  }
}
