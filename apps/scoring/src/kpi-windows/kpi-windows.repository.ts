import { Injectable } from '@nestjs/common';
import type { KpiName, KpiPeriod, KpiScopeType } from '@switchboard/contracts';
import type { EntityManager } from 'typeorm';
import type { TechnicianScopes, TicketScopes } from '../domain/kpi-scopes';


/** A counted fact as stored: the scope parts it reached so far (`region`, `ticket`, `technician`, `crew`). */
export interface FactRow {
  eventId: string;
  kpi: KpiName;
  ticketId: string;
  technicianId: string | null;
  region: string;
  at: Date;
  numerator: number;
  denominator: number;
  applied: string[];
}

export interface WindowKey {
  region: string;
  scopeType: KpiScopeType;
  scopeId: string;
  period: KpiPeriod;
  start: string;
}

export interface ValueDelta extends WindowKey {
  end: string;
  kpi: KpiName;
  numerator: number;
  denominator: number;
}

export interface ValueRow extends WindowKey {
  end: string;
  kpi: KpiName;
  numerator: number;
  denominator: number;
  warned: boolean;
}

const VALUE_COLUMNS = `region, scope_type AS "scopeType", scope_id AS "scopeId", period, to_char(window_start, 'YYYY-MM-DD') AS start, to_char(window_end, 'YYYY-MM-DD') AS "end", kpi, numerator, denominator, warned`;

function valueRow(r: Record<string, unknown>): ValueRow {
  return { ...(r as unknown as ValueRow), numerator: Number(r.numerator), denominator: Number(r.denominator) };
}

/** Scoring's KPI window tables (migration 1795560000000), set-based, in the caller's transaction. */
@Injectable()
export class KpiWindowsRepository {
  /** Records a ticket's county/service/tier once (the first acceptance or reopening wins); true when it became known now. */
  async recordTicket(m: EntityManager, ticketId: string, s: { county: string | null; service: string; tier: string; kind: string }, at: Date): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      `INSERT INTO kpi_ticket_scopes (ticket_id, known, county, service, customer_tier, kind, recorded_at) VALUES ($1, true, $2, $3, $4, $5, $6)
       ON CONFLICT (ticket_id) DO UPDATE SET known = true, county = EXCLUDED.county, service = EXCLUDED.service, customer_tier = EXCLUDED.customer_tier, kind = EXCLUDED.kind
         WHERE NOT kpi_ticket_scopes.known
       RETURNING ticket_id`,
      [ticketId, s.county, s.service, s.tier, s.kind, at],
    );
    return rows.length > 0;
  }

  /** Records a ticket's technician once (its first assignment to arrive); true when set now. */
  async recordTicketTechnician(m: EntityManager, ticketId: string, technicianId: string, at: Date): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      `INSERT INTO kpi_ticket_scopes (ticket_id, technician_id, recorded_at) VALUES ($1, $2, $3)
       ON CONFLICT (ticket_id) DO UPDATE SET technician_id = EXCLUDED.technician_id WHERE kpi_ticket_scopes.technician_id IS NULL
       RETURNING ticket_id`,
      [ticketId, technicianId, at],
    );
    return rows.length > 0;
  }

  /** A technician's group and employer (the latest registration; facts already counted keep theirs). */
  async recordTechnician(m: EntityManager, technicianId: string, s: TechnicianScopes, at: Date): Promise<void> {
    await m.query(
      `INSERT INTO kpi_technician_scopes (technician_id, crew_group, employer, recorded_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (technician_id) DO UPDATE SET crew_group = EXCLUDED.crew_group, employer = EXCLUDED.employer, recorded_at = EXCLUDED.recorded_at`,
      [technicianId, s.group, s.employer, at],
    );
  }

  async ticketScopes(m: EntityManager, ticketIds: readonly string[]): Promise<Map<string, TicketScopes>> {
    if (ticketIds.length === 0) return new Map();
    const rows = await m.query<{ ticket_id: string; known: boolean; county: string | null; service: string | null; customer_tier: string | null; technician_id: string | null }[]>(
      `SELECT ticket_id, known, county, service, customer_tier, technician_id FROM kpi_ticket_scopes WHERE ticket_id = ANY($1::uuid[])`,
      [[...new Set(ticketIds)]],
    );
    return new Map(rows.map((r) => [r.ticket_id, { known: r.known, county: r.county, service: r.service, tier: r.customer_tier, technicianId: r.technician_id }]));
  }

  async technicianScopes(m: EntityManager, technicianIds: readonly string[]): Promise<Map<string, TechnicianScopes>> {
    if (technicianIds.length === 0) return new Map();
    const rows = await m.query<{ technician_id: string; crew_group: string; employer: string }[]>(
      `SELECT technician_id, crew_group, employer FROM kpi_technician_scopes WHERE technician_id = ANY($1::text[])`,
      [[...new Set(technicianIds)]],
    );
    return new Map(rows.map((r) => [r.technician_id, { group: r.crew_group, employer: r.employer }]));
  }

  /** The facts not yet in every scope, of a ticket or of a technician, locked for this transaction. */
  async openFacts(m: EntityManager, by: { ticketId: string } | { technicianId: string }): Promise<FactRow[]> {
    const [column, value] = 'ticketId' in by ? ['ticket_id', by.ticketId] : ['technician_id', by.technicianId];
    const rows = await m.query<Record<string, unknown>[]>(
      `SELECT event_id AS "eventId", kpi, ticket_id AS "ticketId", technician_id AS "technicianId", region, at, numerator, denominator, applied
         FROM kpi_facts WHERE ${column} = $1 AND NOT complete ORDER BY at, event_id, kpi FOR UPDATE`,
      [value],
    );
    return rows.map((r) => ({ ...(r as unknown as FactRow), at: new Date(r.at as string | Date) }));
  }

  async insertFacts(m: EntityManager, facts: readonly (FactRow & { complete: boolean })[]): Promise<void> {
    if (facts.length === 0) return;
    await m.query(
      `INSERT INTO kpi_facts (event_id, kpi, ticket_id, technician_id, region, at, numerator, denominator, applied, complete)
       SELECT f.event_id, f.kpi, f.ticket_id, f.technician_id, f.region, f.at, f.numerator, f.denominator, string_to_array(f.applied, ','), f.complete
         FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::timestamptz[], $7::int[], $8::int[], $9::text[], $10::boolean[])
           AS f(event_id, kpi, ticket_id, technician_id, region, at, numerator, denominator, applied, complete)
       ON CONFLICT (event_id, kpi) DO NOTHING`,
      [
        facts.map((f) => f.eventId),
        facts.map((f) => f.kpi),
        facts.map((f) => f.ticketId),
        facts.map((f) => f.technicianId),
        facts.map((f) => f.region),
        facts.map((f) => f.at.toISOString()),
        facts.map((f) => f.numerator),
        facts.map((f) => f.denominator),
        facts.map((f) => f.applied.join(',')),
        facts.map((f) => f.complete),
      ],
    );
  }

  async updateFacts(m: EntityManager, facts: readonly (FactRow & { complete: boolean })[]): Promise<void> {
    if (facts.length === 0) return;
    await m.query(
      `UPDATE kpi_facts f SET technician_id = u.technician_id, applied = string_to_array(u.applied, ','), complete = u.complete
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::boolean[]) AS u(event_id, kpi, technician_id, applied, complete)
        WHERE f.event_id = u.event_id AND f.kpi = u.kpi`,
      [facts.map((f) => f.eventId), facts.map((f) => f.kpi), facts.map((f) => f.technicianId), facts.map((f) => f.applied.join(',')), facts.map((f) => f.complete)],
    );
  }

  /** Appends what an event adds to the windows (one row per window and KPI), for the publisher. */
  async appendDeltas(m: EntityManager, eventId: string, deltas: readonly (ValueDelta & { contributions: number })[]): Promise<void> {
    if (deltas.length === 0) return;
    await m.query(
      `INSERT INTO kpi_window_deltas (event_id, region, scope_type, scope_id, period, window_start, window_end, kpi, numerator, denominator, contributions)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::date[], $8::text[], $9::int[], $10::int[], $11::int[])`,
      [
        eventId,
        deltas.map((d) => d.region),
        deltas.map((d) => d.scopeType),
        deltas.map((d) => d.scopeId),
        deltas.map((d) => d.period),
        deltas.map((d) => d.start),
        deltas.map((d) => d.end),
        deltas.map((d) => d.kpi),
        deltas.map((d) => d.numerator),
        deltas.map((d) => d.denominator),
        deltas.map((d) => d.contributions),
      ],
    );
  }

  /** Takes (deletes and returns) up to `limit` appended deltas, oldest first. */
  async takeDeltas(m: EntityManager, limit: number): Promise<(ValueDelta & { seq: number; eventId: string; contributions: number })[]> {
    const rows = await m.query<Record<string, unknown>[]>(
      // In a CTE: TypeORM returns [rows, count] for a bare DELETE … RETURNING.
      `WITH taken AS (
         DELETE FROM kpi_window_deltas WHERE seq IN (SELECT seq FROM kpi_window_deltas ORDER BY seq LIMIT $1)
         RETURNING seq, event_id, region, scope_type, scope_id, period, window_start, window_end, kpi, numerator, denominator, contributions)
       SELECT seq, event_id AS "eventId", region, scope_type AS "scopeType", scope_id AS "scopeId", period, to_char(window_start, 'YYYY-MM-DD') AS start,
              to_char(window_end, 'YYYY-MM-DD') AS "end", kpi, numerator, denominator, contributions
         FROM taken ORDER BY seq`,
      [limit],
    );
    return rows.map((r) => ({
      ...(r as unknown as ValueDelta & { eventId: string }),
      seq: Number(r.seq),
      numerator: Number(r.numerator),
      denominator: Number(r.denominator),
      contributions: Number(r.contributions),
    }));
  }

  /** Adds the deltas (one per window and KPI) and returns the rows after it. */
  async addToWindows(m: EntityManager, deltas: readonly ValueDelta[]): Promise<ValueRow[]> {
    if (deltas.length === 0) return [];
    const rows = await m.query<Record<string, unknown>[]>(
      `INSERT INTO kpi_window_values AS w (region, scope_type, scope_id, period, window_start, kpi, window_end, numerator, denominator)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::text[], $7::date[], $8::bigint[], $9::bigint[])
       ON CONFLICT (region, scope_type, scope_id, period, window_start, kpi) DO UPDATE
         SET numerator = w.numerator + EXCLUDED.numerator, denominator = w.denominator + EXCLUDED.denominator
       RETURNING ${VALUE_COLUMNS}`,
      [
        deltas.map((d) => d.region),
        deltas.map((d) => d.scopeType),
        deltas.map((d) => d.scopeId),
        deltas.map((d) => d.period),
        deltas.map((d) => d.start),
        deltas.map((d) => d.kpi),
        deltas.map((d) => d.end),
        deltas.map((d) => d.numerator),
        deltas.map((d) => d.denominator),
      ],
    );
    return rows.map(valueRow);
  }

  async setWarned(m: EntityManager, rows: readonly ValueRow[], warned: boolean): Promise<void> {
    if (rows.length === 0) return;
    await m.query(
      `UPDATE kpi_window_values w SET warned = $7
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::text[]) AS u(region, scope_type, scope_id, period, window_start, kpi)
        WHERE w.region = u.region AND w.scope_type = u.scope_type AND w.scope_id = u.scope_id AND w.period = u.period AND w.window_start = u.window_start AND w.kpi = u.kpi`,
      [rows.map((r) => r.region), rows.map((r) => r.scopeType), rows.map((r) => r.scopeId), rows.map((r) => r.period), rows.map((r) => r.start), rows.map((r) => r.kpi), warned],
    );
  }

  /** Adds each window's number of contributions to its revision; returns each window's new one by key. */
  async bumpRevisions(m: EntityManager, windows: readonly (WindowKey & { contributions: number })[]): Promise<Map<string, number>> {
    if (windows.length === 0) return new Map();
    const rows = await m.query<(WindowKey & { revision: number })[]>(
      `INSERT INTO kpi_window_revisions AS r (region, scope_type, scope_id, period, window_start, revision)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::int[])
       ON CONFLICT (region, scope_type, scope_id, period, window_start) DO UPDATE SET revision = r.revision + EXCLUDED.revision
       RETURNING region, scope_type AS "scopeType", scope_id AS "scopeId", period, to_char(window_start, 'YYYY-MM-DD') AS start, revision`,
      [windows.map((w) => w.region), windows.map((w) => w.scopeType), windows.map((w) => w.scopeId), windows.map((w) => w.period), windows.map((w) => w.start), windows.map((w) => w.contributions)],
    );
    return new Map(rows.map((r) => [windowKeyOf(r), Number(r.revision)]));
  }

  /** Every KPI row of these windows. */
  async windowValues(m: EntityManager, windows: readonly WindowKey[]): Promise<ValueRow[]> {
    if (windows.length === 0) return [];
    const rows = await m.query<Record<string, unknown>[]>(
      // A join on the primary key's columns: an index lookup per window.
      `SELECT w.region, w.scope_type AS "scopeType", w.scope_id AS "scopeId", w.period, to_char(w.window_start, 'YYYY-MM-DD') AS start,
              to_char(w.window_end, 'YYYY-MM-DD') AS "end", w.kpi, w.numerator, w.denominator, w.warned
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[]) AS u(region, scope_type, scope_id, period, window_start)
         JOIN kpi_window_values w ON w.region = u.region AND w.scope_type = u.scope_type AND w.scope_id = u.scope_id AND w.period = u.period AND w.window_start = u.window_start`,
      [windows.map((w) => w.region), windows.map((w) => w.scopeType), windows.map((w) => w.scopeId), windows.map((w) => w.period), windows.map((w) => w.start)],
    );
    return rows.map(valueRow);
  }
}

/** The window's key, also the Kafka key of its records: `region|scopeType|scopeId|period|windowStart`. */
export function windowKeyOf(w: WindowKey): string {
  return `${w.region}|${w.scopeType}|${w.scopeId}|${w.period}|${w.start}`;
}
