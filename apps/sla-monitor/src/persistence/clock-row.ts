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
  state: 'running' | 'stopped';
  stopped_at: Date | null;
  met: boolean | null;
  correlation_id: string | null;
}

export const CLOCK_COLUMNS = 'id, ticket_id, metric, region, started_at, warn_at, due_at, state, stopped_at, met, correlation_id';

export const SOURCE = 'switchboard/sla-monitor';
