import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { makeEvent, type EventMeta, type TicketHeld } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import type { CellPosition, WindowComplaint } from '../domain/incident-detector';
import type { CustomerTier, Service, TicketKind } from '../domain/ticket-triage';
import { INTAKE_CONFIG, type IntakeConfig } from '../intake.config';

/** The new complaint, as the accept handler has just inserted it. */
export interface NewComplaint {
  ticketId: string;
  region: string;
  complaintCategory: string;
  cellId: string;
  reportedAt: Date;
}

export type Grouping = { grouped: false } | { grouped: true; incidentId: string; how: 'opened' | 'joined' };

/**
 * The important-complaint rule at the edge (domain.md §2): under a transaction-scoped advisory
 * lock per (region, category) — so two intake replicas never both open an incident for the same
 * complaints — a new complaint joins an open incident of its cells, or, with the ungrouped
 * complaints of the rolling window read from Postgres, opens one. Opening holds every child:
 * the earlier ones get a raised `ticket.triaged` and `ticket.held`; the new one is held by the
 * accept handler after its own triage.
 */
@Injectable()
export class IncidentGrouping {
  constructor(@Inject(INTAKE_CONFIG) private readonly config: IntakeConfig) {}

  /**
   * `later`: tickets of the same run that come after this complaint (a run is inserted before it is
   * announced): they do not exist yet for this complaint, as when the run is accepted one by one.
   */
  async group(c: NewComplaint, ctx: HandlerContext, meta: Omit<EventMeta, 'subject'>, now: Date, later: readonly string[] = []): Promise<Grouping> {
    const m = ctx.manager;
    const detector = this.config.incidents;
    await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`incident|${c.region}|${c.complaintCategory}`]);

    const open = await m.query<{ incident_id: string; cells: string[] }[]>(
      `SELECT incident_id, cells FROM incidents WHERE region = $1 AND complaint_category = $2 AND state = 'open' ORDER BY opened_at, incident_id`,
      [c.region, c.complaintCategory],
    );
    const openCells = open.flatMap((i) => i.cells);
    if (open.length > 0) {
      const cells = await loadCells(m, [c.cellId, ...openCells]);
      const joined = detector.join(c.cellId, open.map((i) => ({ incidentId: i.incident_id, cells: i.cells })), cells);
      if (joined) {
        await m.query(`UPDATE incidents SET cells = $2 WHERE incident_id = $1`, [joined.incidentId, joined.cells]);
        await m.query(`INSERT INTO incident_children (ticket_id, incident_id, joined_at) VALUES ($1, $2, $3)`, [c.ticketId, joined.incidentId, now]);
        await ctx.emit({
          envelope: makeEvent(
            'incident.joined',
            { incidentId: joined.incidentId, ticketId: c.ticketId, region: c.region, cellId: c.cellId, cells: joined.cells, joinedAt: now.toISOString() },
            { ...meta, subject: c.ticketId },
          ),
        });
        return { grouped: true, incidentId: joined.incidentId, how: 'joined' };
      }
    }

    // The window: complaints of this region and category reported within a window of this one, not yet grouped, not completed.
    const lookback = detector.lookbackFrom(c.reportedAt);
    const until = new Date(c.reportedAt.getTime() + detector.windowMs);
    const rows = await m.query<{ ticket_id: string; cell_id: string; reported_at: Date }[]>(
      `SELECT t.ticket_id, t.cell_id, t.reported_at FROM tickets t
        WHERE t.region = $1 AND t.complaint_category = $2 AND t.cell_id IS NOT NULL AND t.kind = 'complaint'
          AND t.reported_at > $3 AND t.reported_at < $4 AND t.ticket_id <> $5 AND NOT (t.ticket_id = ANY($6::uuid[])) AND t.completed_at IS NULL
          AND t.state IN ('accepted', 'reopened')
          AND NOT EXISTS (SELECT 1 FROM incident_children ic WHERE ic.ticket_id = t.ticket_id)
        ORDER BY t.reported_at LIMIT 5000`,
      [c.region, c.complaintCategory, lookback, until, c.ticketId, later],
    );
    const others: WindowComplaint[] = rows.map((r) => ({ ticketId: r.ticket_id, cellId: r.cell_id, reportedAt: new Date(r.reported_at) }));
    const cells = await loadCells(m, [c.cellId, ...others.map((o) => o.cellId)], { withNeighbours: true });
    const detection = detector.detect({ ticketId: c.ticketId, cellId: c.cellId, reportedAt: c.reportedAt }, others, cells);
    if (!detection.open) return { grouped: false };

    const incidentId = `inc-${randomUUID()}`;
    await m.query(
      `INSERT INTO incidents (incident_id, region, complaint_category, cells, state, opened_at) VALUES ($1, $2, $3, $4, 'open', $5)`,
      [incidentId, c.region, c.complaintCategory, detection.cells, now],
    );
    await m.query(
      `INSERT INTO incident_children (ticket_id, incident_id, joined_at) SELECT unnest($1::uuid[]), $2, $3`,
      [detection.ticketIds, incidentId, now],
    );
    await ctx.emit({
      envelope: makeEvent(
        'incident.opened',
        { incidentId, region: c.region, complaintCategory: c.complaintCategory, cells: detection.cells, ticketIds: detection.ticketIds, openedAt: now.toISOString() },
        { ...meta, subject: incidentId },
      ),
    });
    await this.holdEarlierChildren(ctx, detection.ticketIds.filter((id) => id !== c.ticketId), incidentId, meta, now);
    return { grouped: true, incidentId, how: 'opened' };
  }

  /** The complaints grouped before this one were triaged without the incident: raised now, and held. */
  private async holdEarlierChildren(ctx: HandlerContext, ticketIds: string[], incidentId: string, meta: Omit<EventMeta, 'subject'>, now: Date): Promise<void> {
    if (ticketIds.length === 0) return;
    const rows = await ctx.manager.query<
      { ticket_id: string; region: string; customer_tier: CustomerTier; kind: TicketKind; service: Service; repeat_fault: boolean | null; reported_at: Date; accepted_at: Date }[]
    >(
      `SELECT ticket_id, region, customer_tier, kind, service, repeat_fault, reported_at, accepted_at FROM tickets WHERE ticket_id = ANY($1::uuid[]) ORDER BY accepted_at, ticket_id`,
      [ticketIds],
    );
    for (const r of rows) {
      const triage = this.config.triage.triage({
        tier: r.customer_tier,
        kind: r.kind,
        service: r.service,
        repeatFault: r.repeat_fault === true,
        incident: true,
        reportedAt: new Date(r.reported_at),
        acceptedAt: new Date(r.accepted_at),
      });
      await ctx.manager.query(`UPDATE tickets SET triage_class = $2, triage_priority = $3, state = 'held', updated_at = $4 WHERE ticket_id = $1`, [
        r.ticket_id,
        triage.class,
        triage.priority,
        now,
      ]);
      const subject = { ...meta, subject: r.ticket_id };
      const held: TicketHeld = { ticketId: r.ticket_id, region: r.region, reason: 'incident', incidentId, heldAt: now.toISOString() };
      await ctx.emit(
        { envelope: makeEvent('ticket.triaged', { ticketId: r.ticket_id, class: triage.class, priority: triage.priority, reasons: triage.reasons, region: r.region }, subject) },
        { envelope: makeEvent('ticket.held', held, subject) },
      );
    }
  }
}

/** The cells named, and with `withNeighbours` their listed neighbours too (a neighbour without complaints can link two cells). */
async function loadCells(m: EntityManager, ids: string[], { withNeighbours = false } = {}): Promise<Map<string, CellPosition>> {
  const read = async (wanted: string[]) =>
    m.query<{ cell_id: string; lat: number; lon: number; neighbours: string[] }[]>(`SELECT cell_id, lat, lon, neighbours FROM cells WHERE cell_id = ANY($1::text[])`, [wanted]);
  const cells = new Map<string, CellPosition>();
  const add = (rows: { cell_id: string; lat: number; lon: number; neighbours: string[] }[]) => rows.forEach((r) => cells.set(r.cell_id, { cellId: r.cell_id, lat: r.lat, lon: r.lon, neighbours: r.neighbours }));
  add(await read([...new Set(ids)]));
  if (withNeighbours) {
    const missing = [...new Set([...cells.values()].flatMap((c) => c.neighbours))].filter((id) => !cells.has(id));
    if (missing.length > 0) add(await read(missing));
  }
  return cells;
}
