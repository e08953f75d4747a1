import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ALL_KPI_COUNTERS, type AllKpiCounters, type AnyKpiCounter, type TicketFacts } from '../domain/kpi-counters-v2';

/** Column of each counter in `kpi_daily` (exhaustive: a new counter needs its column). */
const COLUMN: Record<AnyKpiCounter, string> = {
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
  intercepted: 'intercepted',
  answeredByKnownIssue: 'answered_by_known_issue',
  resolvedRemotely: 'resolved_remotely',
  resolvedWithoutTechnician: 'resolved_without_technician',
  heldKnownIssue: 'held_known_issue',
  heldIncident: 'held_incident',
  heldRemoteSupport: 'held_remote_support',
  withdrawn: 'withdrawn',
  repeatFaultsVip: 'repeat_faults_vip',
  repeatFaultsStandard: 'repeat_faults_standard',
  completedRepairsVip: 'completed_repairs_vip',
  completedRepairsStandard: 'completed_repairs_standard',
};

const columns = ALL_KPI_COUNTERS.map((c) => COLUMN[c]);
const INCREMENT_SQL = `
  INSERT INTO kpi_daily (region, day, ${columns.join(', ')}, updated_at)
  VALUES ($1, $2, ${columns.map((_, i) => `$${i + 3}`).join(', ')}, $${columns.length + 3})
  ON CONFLICT (region, day) DO UPDATE SET
    ${columns.map((c) => `${c} = kpi_daily.${c} + EXCLUDED.${c}`).join(',\n    ')},
    updated_at = EXCLUDED.updated_at
  RETURNING ${ALL_KPI_COUNTERS.map((c) => `${COLUMN[c]} AS "${c}"`).join(', ')}`;

/** The `kpi_daily` rows of the scoring schema and what scoring keeps of tickets, in the caller's transaction. */
@Injectable()
export class KpiDailyRepository {
  /** Adds the counters to their row (created at zero when new) and returns the row's counters after it. */
  async increment(manager: EntityManager, increment: { region: string; date: string; counters: readonly AnyKpiCounter[] }, at: Date): Promise<AllKpiCounters> {
    const deltas = ALL_KPI_COUNTERS.map((c) => increment.counters.filter((n) => n === c).length);
    const rows: Record<AnyKpiCounter, number | string>[] = await manager.query(INCREMENT_SQL, [increment.region, increment.date, ...deltas, at]);
    const row = rows[0]!;
    return Object.fromEntries(ALL_KPI_COUNTERS.map((c) => [c, Number(row[c])])) as AllKpiCounters;
  }

  /** Keeps a ticket's tier and kind (from its `ticket.accepted`). */
  async recordTicket(manager: EntityManager, ticketId: string, facts: TicketFacts, at: Date): Promise<void> {
    await manager.query(`INSERT INTO kpi_tickets (ticket_id, customer_tier, kind, recorded_at) VALUES ($1, $2, $3, $4) ON CONFLICT (ticket_id) DO NOTHING`, [
      ticketId,
      facts.tier,
      facts.kind,
      at,
    ]);
  }

  async ticketFacts(manager: EntityManager, ticketId: string): Promise<TicketFacts | undefined> {
    const [r] = await manager.query<{ customer_tier: TicketFacts['tier']; kind: TicketFacts['kind'] }[]>(`SELECT customer_tier, kind FROM kpi_tickets WHERE ticket_id = $1`, [ticketId]);
    return r ? { tier: r.customer_tier, kind: r.kind } : undefined;
  }

  /** A completion of a ticket scoring does not know yet: counted when its acceptance arrives. */
  async pendCompletion(manager: EntityManager, p: { eventId: string; ticketId: string; region: string; date: string }, at: Date): Promise<void> {
    await manager.query(`INSERT INTO kpi_pending_completions (event_id, ticket_id, region, day, recorded_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (event_id) DO NOTHING`, [
      p.eventId,
      p.ticketId,
      p.region,
      p.date,
      at,
    ]);
  }

  /** Takes (deletes and returns) the completions that waited for this ticket. */
  async takePendingCompletions(manager: EntityManager, ticketId: string): Promise<{ region: string; date: string }[]> {
    const rows = await manager.query<{ region: string; day: string }[]>(
      // In a CTE: TypeORM returns [rows, count] for a bare DELETE … RETURNING.
      `WITH taken AS (DELETE FROM kpi_pending_completions WHERE ticket_id = $1 RETURNING region, to_char(day, 'YYYY-MM-DD') AS day) SELECT * FROM taken`,
      [ticketId],
    );
    return rows.map((r) => ({ region: r.region, date: r.day }));
  }
}
