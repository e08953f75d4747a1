import type { EntityManager } from 'typeorm';
import type { KnownIssueOpen, channels, services, ticketKinds } from '@switchboard/contracts';
import type { KnownIssue } from '../domain/known-issue-matcher';

interface KnownIssueRow {
  known_issue_id: string;
  kind: KnownIssue['kind'];
  state: KnownIssue['state'];
  region: string;
  county: string | null;
  zones: string[];
  cells: string[];
  services: KnownIssue['services'][number][];
  starts_at: Date;
  ends_at: Date | null;
  explanation: string;
  expected_fix_at: Date | null;
}

/** An open ticket intake may answer, with what the answer and the notice need. */
export interface AnswerableTicket {
  ticketId: string;
  kind: (typeof ticketKinds)[number];
  service: (typeof services)[number];
  channel: (typeof channels)[number];
  phone: string;
  region: string;
  county: string;
  zone: string;
  cellId?: string | undefined;
}

interface TicketRow {
  ticket_id: string;
  kind: AnswerableTicket['kind'];
  service: AnswerableTicket['service'];
  channel: AnswerableTicket['channel'];
  customer_phone: string;
  region: string;
  county: string;
  zone: string;
  cell_id: string | null;
}

const ISSUE_COLUMNS = 'known_issue_id, kind, state, region, county, zones, cells, services, starts_at, ends_at, explanation, expected_fix_at';
const TICKET_COLUMNS = 'ticket_id, kind, service, channel, customer_phone, region, county, zone, cell_id';

function toIssue(r: KnownIssueRow): KnownIssue {
  return {
    knownIssueId: r.known_issue_id,
    kind: r.kind,
    state: r.state,
    area: { region: r.region, county: r.county ?? undefined, zones: r.zones, cells: r.cells },
    services: r.services,
    startsAt: new Date(r.starts_at),
    endsAt: r.ends_at ? new Date(r.ends_at) : undefined,
    explanation: r.explanation,
    expectedFixAt: r.expected_fix_at ? new Date(r.expected_fix_at) : undefined,
  };
}

function toTicket(r: TicketRow): AnswerableTicket {
  return {
    ticketId: r.ticket_id,
    kind: r.kind,
    service: r.service,
    channel: r.channel,
    phone: r.customer_phone,
    region: r.region,
    county: r.county,
    zone: r.zone,
    ...(r.cell_id !== null ? { cellId: r.cell_id } : {}),
  };
}

/**
 * Intake's known issues in Postgres. A region's known issues and its new tickets are serialised
 * by a transaction-scoped advisory lock: accepting a ticket takes it shared, opening or closing an
 * issue exclusively, so a ticket accepted while an issue opens is either answered on acceptance
 * or swept by the opening — never missed by both.
 */
export const KnownIssueStore = {
  /** The shared lock of several regions in one statement (in a fixed order). */
  async lockRegionsShared(m: EntityManager, regions: readonly string[]): Promise<void> {
    if (regions.length === 0) return;
    await m.query(`SELECT pg_advisory_xact_lock_shared(hashtext('intake.known-issues'), hashtext(r)) FROM unnest($1::text[]) AS r`, [[...regions].sort()]);
  },

  async lockRegionExclusive(m: EntityManager, region: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('intake.known-issues'), hashtext($1))`, [region]);
  },

  /** The open issues of several regions, in one statement. */
  async openInRegions(m: EntityManager, regions: readonly string[]): Promise<KnownIssue[]> {
    if (regions.length === 0) return [];
    const rows = await m.query<KnownIssueRow[]>(`SELECT ${ISSUE_COLUMNS} FROM known_issues WHERE region = ANY($1::text[]) AND state = 'open'`, [regions]);
    return rows.map(toIssue);
  },

  async forUpdate(m: EntityManager, knownIssueId: string): Promise<KnownIssue | undefined> {
    const [row] = await m.query<KnownIssueRow[]>(`SELECT ${ISSUE_COLUMNS} FROM known_issues WHERE known_issue_id = $1 FOR UPDATE`, [knownIssueId]);
    return row ? toIssue(row) : undefined;
  },

  async regionOf(m: EntityManager, knownIssueId: string): Promise<string | undefined> {
    const [row] = await m.query<{ region: string }[]>('SELECT region FROM known_issues WHERE known_issue_id = $1', [knownIssueId]);
    return row?.region;
  },

  /** Inserts the issue; false when the id is taken. */
  async insert(m: EntityManager, c: KnownIssueOpen, openedAt: Date): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      `INSERT INTO known_issues (known_issue_id, kind, region, county, zones, cells, services, starts_at, ends_at, explanation, expected_fix_at, opened_by, state, opened_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'open', $13)
       ON CONFLICT (known_issue_id) DO NOTHING RETURNING known_issue_id`,
      [
        c.knownIssueId,
        c.kind,
        c.area.region,
        c.area.county ?? null,
        c.area.zones,
        c.area.cells,
        c.services,
        c.startsAt,
        c.endsAt ?? null,
        c.explanation,
        c.expectedFixAt ?? null,
        c.openedBy,
        openedAt,
      ],
    );
    return rows.length > 0;
  },

  async recordSwept(m: EntityManager, knownIssueId: string, count: number): Promise<void> {
    await m.query('UPDATE known_issues SET tickets_swept = $2 WHERE known_issue_id = $1', [knownIssueId, count]);
  },

  async close(m: EntityManager, knownIssueId: string, closed: { at: Date; by: string; note?: string | undefined; ticketsClosed: number }): Promise<void> {
    await m.query(`UPDATE known_issues SET state = 'closed', closed_at = $2, closed_by = $3, close_note = $4, tickets_closed = $5 WHERE known_issue_id = $1`, [
      knownIssueId,
      closed.at,
      closed.by,
      closed.note ?? null,
      closed.ticketsClosed,
    ]);
  },

  /** Tickets still open in a region (accepted or reopened, not completed, not answered yet), locked for the sweep. */
  /**
   * The region's open tickets a new issue may sweep: not completed, not linked to an issue, and
   * either waiting for dispatch or a technician, or waiting for remote support (`remoteHeld`).
   * Tickets held for an incident are not: the incident answers them.
   */
  async openTicketsIn(m: EntityManager, region: string, kinds: readonly string[], services: readonly string[]): Promise<(AnswerableTicket & { remoteHeld: boolean })[]> {
    const rows = await m.query<(TicketRow & { remote_held: boolean })[]>(
      `SELECT ${TICKET_COLUMNS}, state = 'held' AS remote_held FROM tickets t
        WHERE region = $1 AND completed_at IS NULL AND known_issue_id IS NULL
          AND (state IN ('accepted', 'reopened')
               OR (state = 'held' AND EXISTS (SELECT 1 FROM remote_support_queue q WHERE q.ticket_id = t.ticket_id AND q.state = 'held')))
          AND kind = ANY($2::text[]) AND service = ANY($3::text[])
        ORDER BY accepted_at, ticket_id FOR UPDATE OF t`,
      [region, kinds, services],
    );
    return rows.map((r) => ({ ...toTicket(r), remoteHeld: r.remote_held }));
  },

  /**
   * Closes the remote support queue entries of tickets a known issue answers while they wait;
   * returns the tickets whose entry was still held (an agent or the hold's end may have taken one).
   */
  async closeRemoteHolds(m: EntityManager, ticketIds: readonly string[], knownIssueId: string, at: Date): Promise<Set<string>> {
    if (ticketIds.length === 0) return new Set();
    // TypeORM answers an UPDATE … RETURNING with [rows, count].
    const [rows] = await m.query<[{ ticket_id: string }[], number]>(
      `UPDATE remote_support_queue SET state = 'answered', closed_at = $2, note = $3
        WHERE ticket_id = ANY($1::uuid[]) AND state = 'held' RETURNING ticket_id`,
      [ticketIds, at, `answered by known issue ${knownIssueId}`],
    );
    return new Set(rows.map((r) => r.ticket_id));
  },

  async heldFor(m: EntityManager, knownIssueId: string): Promise<AnswerableTicket[]> {
    const rows = await m.query<TicketRow[]>(`SELECT ${TICKET_COLUMNS} FROM tickets WHERE known_issue_id = $1 AND state = 'held' ORDER BY accepted_at, ticket_id FOR UPDATE`, [
      knownIssueId,
    ]);
    return rows.map(toTicket);
  },

  async markAnswered(m: EntityManager, ticketId: string, knownIssueId: string, outcome: 'archived' | 'held-until-fixed', at: Date): Promise<void> {
    await m.query(
      `UPDATE tickets SET known_issue_id = $2, known_issue_outcome = $3, state = $4, resolved_at = $5, updated_at = $6 WHERE ticket_id = $1`,
      [ticketId, knownIssueId, outcome, outcome === 'held-until-fixed' ? 'held' : 'resolved', outcome === 'archived' ? at : null, at],
    );
  },

  async markResolved(m: EntityManager, ticketId: string, at: Date): Promise<void> {
    await m.query(`UPDATE tickets SET state = 'resolved', resolved_at = $2, updated_at = $2 WHERE ticket_id = $1`, [ticketId, at]);
  },
};
