import type { EntityManager } from 'typeorm';
import type { ApprovalRequest } from '@switchboard/contracts';
import type { ApprovalKind, ApprovalState } from '../domain/approval-workflow';

export interface ApprovalRow {
  approvalId: string;
  ticketId: string;
  assignmentId: string;
  region: string;
  kind: ApprovalKind;
  state: ApprovalState;
  requestedBy: string;
  slot: { from: string; to: string } | null;
  reason: string | null;
  note: string | null;
  expectedEndAt: string | null;
}

interface Record {
  approval_id: string;
  ticket_id: string;
  assignment_id: string;
  region: string;
  kind: ApprovalKind;
  state: ApprovalState;
  requested_by: string;
  slot_from: Date | null;
  slot_to: Date | null;
  reason: string | null;
  note: string | null;
  expected_end_at: Date | null;
}

const toRow = (r: Record): ApprovalRow => ({
  approvalId: r.approval_id,
  ticketId: r.ticket_id,
  assignmentId: r.assignment_id,
  region: r.region,
  kind: r.kind,
  state: r.state,
  requestedBy: r.requested_by,
  slot: r.slot_from && r.slot_to ? { from: new Date(r.slot_from).toISOString(), to: new Date(r.slot_to).toISOString() } : null,
  reason: r.reason,
  note: r.note,
  expectedEndAt: r.expected_end_at ? new Date(r.expected_end_at).toISOString() : null,
});

/** Dispatch's SQL for approval requests (ADR 0027), on the caller's transaction. */
export const ApprovalStore = {
  async regionOf(m: EntityManager, approvalId: string): Promise<string | undefined> {
    const [r] = await m.query<{ region: string }[]>(`SELECT region FROM approvals WHERE approval_id = $1`, [approvalId]);
    return r?.region;
  },

  async forUpdate(m: EntityManager, approvalId: string): Promise<ApprovalRow | undefined> {
    const [r] = await m.query<Record[]>(`SELECT * FROM approvals WHERE approval_id = $1 FOR UPDATE`, [approvalId]);
    return r ? toRow(r) : undefined;
  },

  /** The ticket's requests still waiting and whether a suspension is running. */
  async openOfTicket(m: EntityManager, ticketId: string): Promise<{ pendingKinds: ApprovalKind[]; suspended: boolean }> {
    const rows = await m.query<{ kind: ApprovalKind; state: ApprovalState }[]>(`SELECT kind, state FROM approvals WHERE ticket_id = $1 AND state IN ('pending', 'approved')`, [ticketId]);
    return { pendingKinds: rows.filter((r) => r.state === 'pending').map((r) => r.kind), suspended: rows.some((r) => r.kind === 'suspension' && r.state === 'approved') };
  },

  async runningSuspensions(m: EntityManager, ticketId: string): Promise<ApprovalRow[]> {
    const rows = await m.query<Record[]>(`SELECT * FROM approvals WHERE ticket_id = $1 AND kind = 'suspension' AND state = 'approved' FOR UPDATE`, [ticketId]);
    return rows.map(toRow);
  },

  async insert(m: EntityManager, r: ApprovalRequest, a: { assignmentId: string; region: string }, now: Date): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      `INSERT INTO approvals (approval_id, ticket_id, assignment_id, region, kind, state, requested_by, requester_kind, slot_from, slot_to, reason, note, expected_end_at, requested_at)
       VALUES ($1, $2, $3, $4, $5, 'pending', $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (approval_id) DO NOTHING RETURNING approval_id`,
      [r.approvalId, r.ticketId, a.assignmentId, a.region, r.kind, r.requestedBy, r.requesterKind, r.slot?.from ?? null, r.slot?.to ?? null, r.reason ?? null, r.note ?? null, r.expectedEndAt ?? null, now],
    );
    return rows.length > 0;
  },

  async decide(m: EntityManager, approvalId: string, to: ApprovalState, decidedBy: string, comment: string | undefined, now: Date): Promise<void> {
    await m.query(`UPDATE approvals SET state = $2, decided_by = $3, comment = $4, decided_at = $5 WHERE approval_id = $1`, [approvalId, to, decidedBy, comment ?? null, now]);
  },

  async end(m: EntityManager, approvalId: string, endedBy: string, now: Date): Promise<void> {
    await m.query(`UPDATE approvals SET state = 'ended', ended_by = $2, ended_at = $3 WHERE approval_id = $1`, [approvalId, endedBy, now]);
  },
};
