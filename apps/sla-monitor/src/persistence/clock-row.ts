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
}

export const CLOCK_COLUMNS = 'id, ticket_id, metric, region, started_at, warn_at, due_at, state, stopped_at, met, correlation_id, paused_at, paused_ms';

export const SOURCE = 'switchboard/sla-monitor';
