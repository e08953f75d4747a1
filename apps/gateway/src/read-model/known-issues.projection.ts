import type { EntityManager } from 'typeorm';
import type { DecodedEvent } from '@switchboard/contracts';

/** `rm_known_issues` with the number of tickets linked to each (for the API's known-issue view). */
export const KNOWN_ISSUE_VIEW_SQL = `SELECT k.*, (SELECT count(*)::int FROM rm_known_issue_tickets l WHERE l.known_issue_id = k.known_issue_id) AS linked_tickets FROM rm_known_issues k`;

export interface KnownIssueRow {
  known_issue_id: string;
  state: 'open' | 'closed';
  region: string;
  opened: {
    kind: string;
    area: { region: string; county?: string; zones: string[]; cells: string[] };
    services: string[];
    startsAt: string;
    endsAt?: string;
    explanation: string;
    expectedFixAt?: string;
    openedBy: string;
    ticketsSwept: number;
    openedAt: string;
  };
  closed: { closedAt: string; closedBy: string; note?: string; ticketsClosed: number } | null;
  linked_tickets: number;
}

export function presentKnownIssue(r: KnownIssueRow) {
  const o = r.opened;
  return {
    id: r.known_issue_id,
    kind: o.kind,
    state: r.state,
    region: r.region,
    area: o.area,
    services: o.services,
    startsAt: o.startsAt,
    endsAt: o.endsAt ?? null,
    explanation: o.explanation,
    expectedFixAt: o.expectedFixAt ?? null,
    openedBy: o.openedBy,
    openedAt: o.openedAt,
    ticketsSwept: o.ticketsSwept,
    closedAt: r.closed?.closedAt ?? null,
    closedBy: r.closed?.closedBy ?? null,
    note: r.closed?.note ?? null,
    ticketsClosed: r.closed?.ticketsClosed ?? null,
    linkedTickets: r.linked_tickets,
  };
}

/**
 * The known-issue read model: an issue from `known-issue.opened`, closed by `known-issue.closed`
 * (both keyed by the issue id, so they arrive in order), and its linked tickets from
 * `ticket.answered-by-known-issue`.
 */
export async function projectKnownIssues(m: EntityManager, event: DecodedEvent): Promise<void> {
  if (event.type === 'known-issue.opened') {
    const d = event.data;
    await m.query(
      `INSERT INTO rm_known_issues (known_issue_id, region, state, opened_at, opened) VALUES ($1, $2, 'open', $3, $4::jsonb)
       ON CONFLICT (known_issue_id) DO UPDATE SET opened = EXCLUDED.opened, opened_at = EXCLUDED.opened_at`,
      [d.knownIssueId, d.region, d.openedAt, JSON.stringify(d)],
    );
  } else if (event.type === 'known-issue.closed') {
    const d = event.data;
    await m.query(`UPDATE rm_known_issues SET state = 'closed', closed = $2::jsonb WHERE known_issue_id = $1`, [
      d.knownIssueId,
      JSON.stringify({ closedAt: d.closedAt, closedBy: d.closedBy, ...(d.note !== undefined ? { note: d.note } : {}), ticketsClosed: d.ticketsClosed }),
    ]);
  } else if (event.type === 'ticket.answered-by-known-issue') {
    await m.query('INSERT INTO rm_known_issue_tickets (known_issue_id, ticket_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [event.data.knownIssueId, event.data.ticketId]);
  }
}
