import type { EntityManager } from 'typeorm';
import type { TechnicianRegister, TicketAccepted } from '@switchboard/contracts';
import { AssignmentLifecycle, type AssignmentSnapshot, type AssignmentState } from '../domain/assignment-lifecycle';
import type { Skill, TechnicianCandidate } from '../domain/technician-selector';
import type { DispatchRequest, DispatchTicketState, OpenAssignment } from '../domain/dispatch-interception';
import { byDispatchPriority, type Reopening, type TicketPriority } from '../domain/reopened-dispatch';
import type { TicketKind, TicketService } from '../domain/ticket-work';

/** A ticket dispatch has to place, with what the notice on dispatch needs. */
export interface DispatchTicket {
  ticketId: string;
  kind: TicketKind;
  service: TicketService;
  region: string;
  zone: string;
  contactPhone: string;
  correlationId: string | null;
  /** Set when the ticket was reopened after an unsatisfied callback. */
  reopen?: Reopening;
  /** Intake's sorting, from its `ticket.dispatch-requested` (absent for tickets from before issue 4). */
  request?: DispatchRequest;
}

export interface AssignmentRow extends AssignmentSnapshot {
  assignmentId: string;
  ticketId: string;
  region: string;
}

interface TicketRecord {
  ticket_id: string;
  kind: TicketKind;
  service: TicketService;
  region: string;
  zone: string;
  contact_phone: string;
  correlation_id: string | null;
  reopen_count: number;
  priority: TicketPriority;
  dispatch_class: DispatchRequest['class'] | null;
  dispatch_priority: number | null;
}

const toTicket = (r: TicketRecord): DispatchTicket => ({
  ticketId: r.ticket_id,
  kind: r.kind,
  service: r.service,
  region: r.region,
  zone: r.zone,
  contactPhone: r.contact_phone,
  correlationId: r.correlation_id,
  ...(r.reopen_count > 0 ? { reopen: { count: r.reopen_count, priority: r.priority } } : {}),
  ...(r.dispatch_class !== null && r.dispatch_priority !== null ? { request: { class: r.dispatch_class, priority: r.dispatch_priority } } : {}),
});

const TICKET_COLUMNS = 'ticket_id, kind, service, region, zone, contact_phone, correlation_id, reopen_count, priority, dispatch_class, dispatch_priority';

/** Dispatch's SQL, on the transaction of the handler that calls it (unqualified names: the search_path is `dispatch`). */
export const DispatchStore = {
  /**
   * Serializes the work on one region's roster and waiting tickets until the transaction ends: no
   * technician goes over capacity, and a ticket accepted while a technician registers is never
   * left waiting because each missed the other.
   */
  async lockRegion(m: EntityManager, region: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('switchboard.dispatch.region'), hashtext($1))`, [region]);
  },

  /** Records an accepted ticket as pending (placed once intake asks: `ticket.dispatch-requested`); false when dispatch already knows it. */
  async insertTicket(m: EntityManager, t: TicketAccepted, correlationId: string, now: Date): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      `INSERT INTO tickets (ticket_id, source, external_id, kind, service, customer_tier, contact_name, contact_phone,
         region, county, zone, reported_at, accepted_at, correlation_id, state, received_at, updated_at, lat, lon)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 'pending', $15, $15, $16, $17)
       ON CONFLICT (ticket_id) DO NOTHING
       RETURNING ticket_id`,
      [
        t.ticketId,
        t.source,
        t.externalId,
        t.kind,
        t.service,
        t.customerTier,
        t.contact.name,
        t.contact.phone,
        t.location.region,
        t.location.county,
        t.location.zone,
        t.reportedAt,
        t.acceptedAt,
        correlationId,
        now,
        t.location.lat ?? null,
        t.location.lon ?? null,
      ],
    );
    return rows.length > 0;
  },

  async waitingTickets(m: EntityManager, region: string): Promise<DispatchTicket[]> {
    const rows = await m.query<TicketRecord[]>(`SELECT ${TICKET_COLUMNS} FROM tickets WHERE region = $1 AND state = 'waiting' ORDER BY accepted_at, ticket_id`, [region]);
    return byDispatchPriority(rows.map(toTicket));
  },

  /**
   * Puts a completed ticket back to waiting for its `reopenCount`-th reopening, with its raised
   * priority; undefined when dispatch does not know the ticket or has already taken this reopening.
   */
  async reopenTicket(m: EntityManager, ticketId: string, reopenCount: number, priority: TicketPriority, now: Date): Promise<DispatchTicket | undefined> {
    const rows = await m.query<TicketRecord[]>(
      // In a CTE: TypeORM returns [rows, count] for a bare UPDATE … RETURNING.
      `WITH reopened AS (
         UPDATE tickets SET state = 'waiting', reopen_count = $2, priority = $3, unassignable_reason = NULL, updated_at = $4
          WHERE ticket_id = $1 AND reopen_count < $2
          RETURNING ${TICKET_COLUMNS})
       SELECT * FROM reopened`,
      [ticketId, reopenCount, priority, now],
    );
    return rows[0] ? toTicket(rows[0]) : undefined;
  },

  async markUnassignable(m: EntityManager, ticketId: string, reason: string, now: Date): Promise<void> {
    await m.query(`UPDATE tickets SET unassignable_reason = $2, updated_at = $3 WHERE ticket_id = $1`, [ticketId, reason, now]);
  },

  /** The region's technicians with their open (neither completed nor withdrawn) assignments. */
  async roster(m: EntityManager, region: string): Promise<TechnicianCandidate[]> {
    const rows = await m.query<
      { technician_id: string; name: string; phone: string; region: string; zone: string; on_duty: boolean; skills: Skill[]; daily_capacity: number; open: number }[]
    >(
      `SELECT t.technician_id, t.name, t.phone, t.region, t.zone, t.on_duty, t.skills, t.daily_capacity,
              (SELECT count(*) FROM assignments a WHERE a.technician_id = t.technician_id AND a.state NOT IN ('completed', 'withdrawn'))::int AS open
       FROM technicians t WHERE t.region = $1`,
      [region],
    );
    return rows.map((r) => ({
      technicianId: r.technician_id,
      name: r.name,
      phone: r.phone,
      region: r.region,
      zone: r.zone,
      onDuty: r.on_duty,
      skills: r.skills,
      dailyCapacity: r.daily_capacity,
      openAssignments: r.open,
    }));
  },

  async upsertTechnician(m: EntityManager, t: TechnicianRegister, now: Date): Promise<void> {
    await m.query(
      `INSERT INTO technicians (technician_id, name, phone, employer, region, county, zone, group_code, skills, lat, lon,
         on_duty, daily_capacity, registered_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12, $13, $14, $14)
       ON CONFLICT (technician_id) DO UPDATE SET
         name = EXCLUDED.name, phone = EXCLUDED.phone, employer = EXCLUDED.employer, region = EXCLUDED.region,
         county = EXCLUDED.county, zone = EXCLUDED.zone, group_code = EXCLUDED.group_code, skills = EXCLUDED.skills,
         lat = EXCLUDED.lat, lon = EXCLUDED.lon, on_duty = EXCLUDED.on_duty, daily_capacity = EXCLUDED.daily_capacity,
         updated_at = EXCLUDED.updated_at`,
      [
        t.technicianId,
        t.name,
        t.phone,
        t.employer,
        t.region,
        t.county,
        t.zone,
        t.group,
        JSON.stringify(t.skills),
        t.position?.lat ?? null,
        t.position?.lon ?? null,
        t.onDuty,
        t.dailyCapacity,
        now,
      ],
    );
  },

  async insertAssignment(
    m: EntityManager,
    a: { assignmentId: string; ticketId: string; technicianId: string; region: string; zone: string; rule: string; candidates: unknown; explanation: string },
    now: Date,
  ): Promise<void> {
    await m.query(
      `INSERT INTO assignments (assignment_id, ticket_id, technician_id, region, zone, state, rule, candidates, explanation, assigned_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $10, $6, $7::jsonb, $8, $9, $9)`,
      [a.assignmentId, a.ticketId, a.technicianId, a.region, a.zone, a.rule, JSON.stringify(a.candidates), a.explanation, now, AssignmentLifecycle.initial],
    );
    await m.query(`UPDATE tickets SET state = 'assigned', unassignable_reason = NULL, updated_at = $2 WHERE ticket_id = $1`, [a.ticketId, now]);
  },

  /** The assignment, locked for the rest of the transaction. */
  async assignmentForUpdate(m: EntityManager, assignmentId: string): Promise<AssignmentRow | undefined> {
    const rows = await m.query<{ assignment_id: string; ticket_id: string; technician_id: string; region: string; state: AssignmentState; accepted: boolean; withdrawal_reason: string | null }[]>(
      `SELECT assignment_id, ticket_id, technician_id, region, state, accepted_at IS NOT NULL AS accepted, withdrawal_reason
       FROM assignments WHERE assignment_id = $1 FOR UPDATE`,
      [assignmentId],
    );
    const r = rows[0];
    return r
      ? { assignmentId: r.assignment_id, ticketId: r.ticket_id, technicianId: r.technician_id, region: r.region, state: r.state, accepted: r.accepted, withdrawalReason: r.withdrawal_reason }
      : undefined;
  },

  /** Moves an assignment to its next state, stamping the step's time (the technician's `at`). */
  async progressAssignment(
    m: EntityManager,
    assignmentId: string,
    to: AssignmentState,
    at: string,
    resolutionCode: string | undefined,
    now: Date,
  ): Promise<void> {
    const stamp = STAMP_COLUMN[to];
    await m.query(
      `UPDATE assignments SET state = $2, ${stamp} = $3, resolution_code = COALESCE($4, resolution_code), updated_at = $5 WHERE assignment_id = $1`,
      [assignmentId, to, at, resolutionCode ?? null, now],
    );
  },

  async completeTicket(m: EntityManager, ticketId: string, now: Date): Promise<void> {
    await m.query(`UPDATE tickets SET state = 'completed', updated_at = $2 WHERE ticket_id = $1`, [ticketId, now]);
  },

  /** A ticket's state and its open assignment (if any), both locked for the rest of the transaction. */
  async ticketForUpdate(m: EntityManager, ticketId: string): Promise<{ state: DispatchTicketState; region: string; open: OpenAssignment | undefined } | undefined> {
    const [t] = await m.query<{ state: DispatchTicketState; region: string }[]>(`SELECT state, region FROM tickets WHERE ticket_id = $1 FOR UPDATE`, [ticketId]);
    if (!t) return undefined;
    const [a] = await m.query<{ assignment_id: string; technician_id: string; state: AssignmentState }[]>(
      `SELECT assignment_id, technician_id, state FROM assignments
        WHERE ticket_id = $1 AND state NOT IN ('completed', 'withdrawn') ORDER BY assigned_at DESC LIMIT 1 FOR UPDATE`,
      [ticketId],
    );
    return { state: t.state, region: t.region, open: a ? { assignmentId: a.assignment_id, technicianId: a.technician_id, state: a.state } : undefined };
  },

  /** Puts a pending or held ticket in the waiting queue with intake's sorting; returns it to place. */
  async requestDispatch(m: EntityManager, ticketId: string, request: DispatchRequest, now: Date): Promise<DispatchTicket> {
    const rows = await m.query<TicketRecord[]>(
      `WITH requested AS (
         UPDATE tickets SET state = 'waiting', dispatch_class = $2, dispatch_priority = $3, dispatch_requested_at = $4, hold_reason = NULL, updated_at = $4
          WHERE ticket_id = $1
          RETURNING ${TICKET_COLUMNS})
       SELECT * FROM requested`,
      [ticketId, request.class, request.priority, now],
    );
    return toTicket(rows[0]!);
  },

  /** Intake held (`held`, with its reason) or closed (`closed`, with the resolution) the ticket. */
  async interceptTicket(m: EntityManager, ticketId: string, to: DispatchTicketState, why: { holdReason?: string; resolution?: string }, now: Date): Promise<void> {
    await m.query(
      `UPDATE tickets SET state = $2, hold_reason = COALESCE($3, hold_reason), closed_resolution = COALESCE($4, closed_resolution),
              unassignable_reason = NULL, updated_at = $5
        WHERE ticket_id = $1`,
      [ticketId, to, why.holdReason ?? null, why.resolution ?? null, now],
    );
  },

  /** Takes an open assignment back: it no longer counts in its technician's load. */
  async withdrawAssignment(m: EntityManager, assignmentId: string, reason: string, now: Date): Promise<void> {
    await m.query(`UPDATE assignments SET state = 'withdrawn', withdrawn_at = $2, withdrawal_reason = $3, updated_at = $2 WHERE assignment_id = $1`, [assignmentId, now, reason]);
  },
};

// A fixed map, never input: safe to put in the SQL text.
const STAMP_COLUMN: Record<AssignmentState, string> = {
  assigned: 'assigned_at',
  accepted: 'accepted_at',
  contacted: 'contacted_at',
  'on-site': 'arrived_at',
  completed: 'completed_at',
  withdrawn: 'withdrawn_at',
};
