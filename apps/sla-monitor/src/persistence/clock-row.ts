import type { EntityManager } from 'typeorm';
import type { AlertSchedule, LadderClock } from '../domain/alert-ladder';
import type { ClockState } from '../domain/clock-pause';
import type { SlaMetric } from '../domain/sla-targets';

/** A row of the `clocks` table as PostgreSQL returns it. */
export interface ClockRow {
  id: string;
  ticket_id: string;
  metric: SlaMetric;
  region: string;
  started_at: Date;
  warn_at: Date;
  due_at: Date;
  state: ClockState;
  stopped_at: Date | null;
  met: boolean | null;
  correlation_id: string | null;
  /** Set while the clock is paused (domain/clock-pause.ts). */
  paused_at: Date | null;
  /** How long it has stood still so far (bigint: a string from pg). */
  paused_ms: string;
  /** Why it stands still (`hold`, `suspension:<approvalId>`); empty unless paused. */
  holds: string[];
  /** The alert ladder's instants (null for clocks from before it: one warning). */
  schedule: AlertSchedule | null;
  policy_id: string | null;
  policy_version: number | null;
}

export const CLOCK_COLUMNS = 'id, ticket_id, metric, region, started_at, warn_at, due_at, state, stopped_at, met, correlation_id, paused_at, paused_ms, holds, schedule, policy_id, policy_version';

export const SOURCE = 'switchboard/sla-monitor';

/** A clock row as the alert ladder sees it. */
export const ladderClockOf = (row: Pick<ClockRow, 'warn_at' | 'due_at' | 'schedule'>): LadderClock => ({ warnAt: row.warn_at, dueAt: row.due_at, schedule: row.schedule });

/** The alerts raised for a clock: key → when. */
export async function alertedOf(m: Pick<EntityManager, 'query'>, clockId: string): Promise<Map<string, Date>> {
  const rows: { level: string; alerted_at: Date }[] = await m.query('SELECT level, alerted_at FROM alerts WHERE clock_id = $1', [clockId]);
  return new Map(rows.map((r) => [r.level, r.alerted_at]));
}

