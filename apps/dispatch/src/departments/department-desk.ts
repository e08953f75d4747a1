import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { makeEvent, type ComplaintReplied, type Envelope, type TicketAccepted } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import type { EntityManager } from 'typeorm';
import { DISPATCH_SOURCE } from '../assign-ticket/ticket-dispatcher';
import { listReply, matchListEntry, type ListEntry } from '../domain/build-plan';
import { complaintReplyNotice, goesToDepartments, isCoverageComplaint, type DepartmentHolding } from '../domain/department-routing';
import { DepartmentConfig } from './department-config';

interface FactsRow {
  ticket_id: string;
  region: string;
  zone: string;
  cell_id: string | null;
  service: string;
  complaint_category: string;
  contact_phone: string;
}

export interface HoldingRow extends DepartmentHolding {
  ticketId: string;
  region: string;
}

/**
 * The back office's desk (ADR 0030): takes the complaints routing sends to the departments,
 * answers listed coverage complaints from the build-plan lists, and records every reply —
 * `complaint.replied` (intake resolves the ticket with it) and the customer's SMS.
 */
@Injectable()
export class DepartmentDesk {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly config: DepartmentConfig,
  ) {}

  /** Keeps what routing needs of an accepted complaint (ticket.accepted; dispatch's tickets table does not carry it). */
  async recordFacts(t: TicketAccepted, m: EntityManager): Promise<void> {
    if (t.kind !== 'complaint' || !t.complaintCategory) return;
    await m.query(
      `INSERT INTO department_complaint_facts (ticket_id, region, zone, cell_id, service, complaint_category, contact_phone, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (ticket_id) DO NOTHING`,
      [t.ticketId, t.location.region, t.location.zone, t.location.cellId ?? null, t.service, t.complaintCategory, t.contact.phone, this.clock.now()],
    );
  }

  /**
   * A ticket intake asked dispatch to place: true when it is a complaint for the departments — the
   * receiving centre now holds it (or it was answered from the lists) and no technician is sought.
   */
  async receive(ctx: HandlerContext, ticketId: string, cause: Envelope): Promise<boolean> {
    const [facts] = await ctx.manager.query<FactsRow[]>(`SELECT * FROM department_complaint_facts WHERE ticket_id = $1`, [ticketId]);
    if (!facts) return false;
    const ticket = { kind: 'complaint', service: facts.service, complaintCategory: facts.complaint_category };
    if (!goesToDepartments(ticket, this.config.routing)) return false;
    const now = this.clock.now();
    const receiving = this.config.directory.receiving;
    const inserted = await ctx.manager.query<unknown[]>(
      `INSERT INTO department_holdings (ticket_id, region, state, holder, chain, received_at, updated_at) VALUES ($1, $2, 'held', $3, ARRAY[$3], $4, $4)
       ON CONFLICT (ticket_id) DO NOTHING RETURNING ticket_id`,
      [ticketId, facts.region, receiving, now],
    );
    // Already with the departments (a second request, e.g. after a remote hold): it stays where it is.
    if (inserted.length === 0) return true;
    await ctx.emit({
      envelope: makeEvent(
        'complaint.received-by-department',
        { ticketId, region: facts.region, department: receiving, complaintCategory: facts.complaint_category, receivedAt: now.toISOString() },
        this.meta(ticketId, cause),
      ),
    });
    if (isCoverageComplaint(ticket, this.config.routing)) {
      const entry = await this.listed(ctx.manager, facts);
      if (entry) {
        await this.reply(ctx, { ticketId, region: facts.region, state: 'held', holder: receiving, chain: [receiving] }, listReply(entry), entry.list, cause, entry);
      }
    }
    return true;
  }

  /** The holder's final reply: the holding is closed, `complaint.replied` and the customer's SMS go out. */
  async reply(ctx: HandlerContext, h: HoldingRow, reply: string, answeredFrom: ComplaintReplied['answeredFrom'], cause: Envelope, entry?: ListEntry): Promise<void> {
    const now = this.clock.now();
    await ctx.manager.query(`UPDATE department_holdings SET state = 'replied', reply = $2, answered_from = $3, replied_at = $4, updated_at = $4 WHERE ticket_id = $1`, [
      h.ticketId,
      reply,
      answeredFrom,
      now,
    ]);
    const [contact] = await ctx.manager.query<{ contact_phone: string }[]>(`SELECT contact_phone FROM department_complaint_facts WHERE ticket_id = $1`, [h.ticketId]);
    const meta = this.meta(h.ticketId, cause);
    const replied: ComplaintReplied = {
      ticketId: h.ticketId,
      region: h.region,
      department: h.holder,
      reply,
      answeredFrom,
      chain: [...h.chain],
      ...(entry
        ? {
            listEntry: {
              target: entry.target,
              targetId: entry.targetId,
              ...(entry.plannedYear !== undefined ? { plannedYear: entry.plannedYear } : {}),
              ...(entry.plannedQuarter !== undefined ? { plannedQuarter: entry.plannedQuarter } : {}),
            },
          }
        : {}),
      at: now.toISOString(),
    };
    const notice = complaintReplyNotice(reply);
    await ctx.emit(
      { envelope: makeEvent('complaint.replied', replied, meta) },
      ...(contact
        ? [
            {
              envelope: makeEvent(
                'notification.requested',
                { notificationId: randomUUID(), ticketId: h.ticketId, channel: 'sms' as const, to: contact.contact_phone, template: notice.template, text: notice.text, data: { department: h.holder } },
                meta,
              ),
            },
          ]
        : []),
    );
  }

  /** The holding of a ticket, locked for the command deciding on it. */
  async holdingForUpdate(m: EntityManager, ticketId: string): Promise<HoldingRow | undefined> {
    const [row] = await m.query<{ ticket_id: string; region: string; state: 'held' | 'replied'; holder: string; chain: string[] }[]>(
      `SELECT ticket_id, region, state, holder, chain FROM department_holdings WHERE ticket_id = $1 FOR UPDATE`,
      [ticketId],
    );
    return row ? { ticketId: row.ticket_id, region: row.region, state: row.state, holder: row.holder, chain: row.chain } : undefined;
  }

  meta(ticketId: string, cause: Envelope) {
    return { source: DISPATCH_SOURCE, subject: ticketId, time: this.clock.now(), correlationId: cause.correlationId ?? cause.id, causationId: cause.id };
  }

  private async listed(m: EntityManager, facts: FactsRow): Promise<ListEntry | undefined> {
    const rows = await m.query<
      { list: ListEntry['list']; target: ListEntry['target']; target_id: string; region: string; site_id: string | null; planned_year: number | null; planned_quarter: number | null; note: string | null }[]
    >(
      `SELECT list, target, target_id, region, site_id, planned_year, planned_quarter, note FROM build_plan_entries
        WHERE region = $1 AND ((target = 'cell' AND target_id = $2) OR (target = 'zone' AND target_id = $3))`,
      [facts.region, facts.cell_id, facts.zone],
    );
    const entries: ListEntry[] = rows.map((r) => ({
      list: r.list,
      target: r.target,
      targetId: r.target_id,
      region: r.region,
      ...(r.site_id !== null ? { siteId: r.site_id } : {}),
      ...(r.planned_year !== null ? { plannedYear: r.planned_year } : {}),
      ...(r.planned_quarter !== null ? { plannedQuarter: r.planned_quarter } : {}),
      ...(r.note !== null ? { note: r.note } : {}),
    }));
    return matchListEntry(entries, { region: facts.region, zone: facts.zone, cellId: facts.cell_id });
  }
}
