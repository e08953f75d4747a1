/**
 * Reschedule and suspension reviews (domain.md §3: "改约审核", "挂起审核"; ADR 0027). A technician,
 * on their own open assignment, or the customer asks; a supervisor approves or rejects; only an
 * approved suspension pauses the SLA clocks, and it lasts until someone ends it (or the ticket is
 * completed while suspended).
 *
 *   pending ──approve──▶ approved ──end (suspension only)──▶ ended
 *      └────reject────▶ rejected
 *
 * A decision is taken once: a second one is refused, whatever it says.
 */
export type ApprovalKind = 'reschedule' | 'suspension';
export type ApprovalState = 'pending' | 'approved' | 'rejected' | 'ended';
export type Decision = 'approved' | 'rejected';

export type ApprovalRefusalCode =
  | 'APPROVAL.NOT_FOUND'
  | 'APPROVAL.NO_OPEN_ASSIGNMENT'
  | 'APPROVAL.NOT_YOUR_ASSIGNMENT'
  | 'APPROVAL.NOTHING_TO_RESCHEDULE'
  | 'APPROVAL.ALREADY_PENDING'
  | 'APPROVAL.ALREADY_SUSPENDED'
  | 'APPROVAL.ALREADY_DECIDED'
  | 'APPROVAL.NOT_A_SUSPENSION'
  | 'APPROVAL.NOT_APPROVED'
  | 'APPROVAL.ALREADY_ENDED';

export type Refusal = { ok: false; code: ApprovalRefusalCode; message: string };

export interface TicketForRequest {
  /** The ticket's open assignment (not completed, not withdrawn), if any. */
  open?: { assignmentId: string; technicianId: string };
  /** Whether its appointment is booked (a reschedule moves a booked window). */
  booked: boolean;
  /** The kinds with a request waiting for a decision. */
  pendingKinds: readonly ApprovalKind[];
  /** Whether an approved suspension is running. */
  suspended: boolean;
}

export interface RequestInput {
  kind: ApprovalKind;
  requesterKind: 'technician' | 'customer';
  requestedBy: string;
}

export interface ApprovalSnapshot {
  kind: ApprovalKind;
  state: ApprovalState;
}

const refuse = (code: ApprovalRefusalCode, message: string): Refusal => ({ ok: false, code, message });

export const ApprovalWorkflow = {
  /** May this request be filed? Order: an open assignment, the technician's own, something to reschedule, not twice at once. */
  request(ticket: TicketForRequest, r: RequestInput): { ok: true; assignmentId: string } | Refusal {
    const open = ticket.open;
    if (!open) return refuse('APPROVAL.NO_OPEN_ASSIGNMENT', 'the ticket has no open assignment to reschedule or suspend');
    if (r.requesterKind === 'technician' && r.requestedBy !== open.technicianId) {
      return refuse('APPROVAL.NOT_YOUR_ASSIGNMENT', `the ticket's assignment belongs to technician ${open.technicianId}, not ${r.requestedBy}`);
    }
    if (r.kind === 'reschedule' && !ticket.booked) return refuse('APPROVAL.NOTHING_TO_RESCHEDULE', 'the ticket has no booked appointment yet: book one of the offered slots');
    if (ticket.pendingKinds.includes(r.kind)) return refuse('APPROVAL.ALREADY_PENDING', `a ${r.kind} request for this ticket already waits for a supervisor`);
    if (r.kind === 'suspension' && ticket.suspended) return refuse('APPROVAL.ALREADY_SUSPENDED', 'the ticket is already suspended');
    return { ok: true, assignmentId: open.assignmentId };
  },

  /** A supervisor's decision: only on a pending request, once. */
  decide(a: ApprovalSnapshot | undefined, decision: Decision): { ok: true; to: ApprovalState } | Refusal {
    if (!a) return refuse('APPROVAL.NOT_FOUND', 'no such approval request');
    if (a.state !== 'pending') return refuse('APPROVAL.ALREADY_DECIDED', `the request was already decided (${a.state})`);
    return { ok: true, to: decision };
  },

  /** Ending a suspension: only an approved one that has not ended. */
  end(a: ApprovalSnapshot | undefined): { ok: true; to: 'ended' } | Refusal {
    if (!a) return refuse('APPROVAL.NOT_FOUND', 'no such approval request');
    if (a.kind !== 'suspension') return refuse('APPROVAL.NOT_A_SUSPENSION', 'only a suspension can be ended');
    if (a.state === 'ended') return refuse('APPROVAL.ALREADY_ENDED', 'the suspension has already ended');
    if (a.state !== 'approved') return refuse('APPROVAL.NOT_APPROVED', `only an approved suspension can be ended; this one is ${a.state}`);
    return { ok: true, to: 'ended' };
  },
};
