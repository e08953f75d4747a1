import { z } from 'zod';
import { rfc3339 } from '../../envelope';
import { id, regionCode, ticketId } from '../common';
import { appointmentSlotSchema } from '../appointment/schema';
import { suspensionReasons } from '../ticket-suspension/schema';

export const APPROVAL_REQUEST = 'approval.request' as const;
export const APPROVAL_DECIDE = 'approval.decide' as const;
export const APPROVAL_END = 'approval.end' as const;
export const APPROVAL_REQUESTED = 'approval.requested' as const;
export const APPROVAL_DECIDED = 'approval.decided' as const;

/** What needs a supervisor's review (domain.md §3: "改约审核", "挂起审核"). */
export const approvalKinds = ['reschedule', 'suspension'] as const;
export const approvalDecisions = ['approved', 'rejected'] as const;
export const requesterKinds = ['technician', 'customer'] as const;

const request = {
  approvalId: z.uuid(),
  ticketId,
  kind: z.enum(approvalKinds),
  /** The technician's id, or `customer` when the customer asked through the call centre. */
  requestedBy: id,
  requesterKind: z.enum(requesterKinds),
  /** A reschedule: the new window. */
  slot: appointmentSlotSchema.optional(),
  /** A suspension: why, and when work is expected to resume. */
  reason: z.enum(suspensionReasons).optional(),
  expectedEndAt: rfc3339.optional(),
  note: z.string().max(500).optional(),
};

/** What the schema alone cannot say: a reschedule names its new window, a suspension its reason. */
export function checkApprovalRequest(v: { kind: (typeof approvalKinds)[number]; slot?: unknown; reason?: unknown }, ctx: z.RefinementCtx): void {
  if (v.kind === 'reschedule' && v.slot === undefined) ctx.addIssue({ code: 'custom', path: ['slot'], message: 'a reschedule needs the new slot' });
  if (v.kind === 'suspension' && v.reason === undefined) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a suspension needs a reason' });
}

/**
 * Command (dispatch.commands.v1, subject: ticketId): a technician (on their own assignment) or the
 * customer asks for a reschedule or a suspension; it waits for a supervisor's decision.
 */
export const approvalRequestSchema = z.strictObject(request).superRefine(checkApprovalRequest);

/** Command (dispatch.commands.v1, subject: ticketId): a supervisor approves or rejects a pending request, with a comment. */
export const approvalDecideSchema = z.strictObject({
  approvalId: z.uuid(),
  ticketId,
  decision: z.enum(approvalDecisions),
  decidedBy: id,
  comment: z.string().max(500).optional(),
});

/** Command (dispatch.commands.v1, subject: ticketId): a supervisor or the technician ends an approved suspension. */
export const approvalEndSchema = z.strictObject({
  approvalId: z.uuid(),
  ticketId,
  endedBy: id,
});

/** Dispatch recorded a request waiting for a supervisor (subject: ticketId). Nothing changes on the ticket until it is approved. */
export const approvalRequestedSchema = z.strictObject({ ...request, region: regionCode, assignmentId: z.uuid(), at: rfc3339 });

/**
 * A supervisor decided (subject: ticketId). A rejection changes nothing else; an approval is
 * followed by `appointment.rescheduled` (and a new notice to the customer) or `ticket.suspended`.
 */
export const approvalDecidedSchema = z.strictObject({
  approvalId: z.uuid(),
  ticketId,
  region: regionCode,
  kind: z.enum(approvalKinds),
  decision: z.enum(approvalDecisions),
  decidedBy: id,
  comment: z.string().max(500).optional(),
  at: rfc3339,
});

export type ApprovalKind = (typeof approvalKinds)[number];
export type ApprovalRequest = z.infer<typeof approvalRequestSchema>;
export type ApprovalDecide = z.infer<typeof approvalDecideSchema>;
export type ApprovalEnd = z.infer<typeof approvalEndSchema>;
export type ApprovalRequested = z.infer<typeof approvalRequestedSchema>;
export type ApprovalDecided = z.infer<typeof approvalDecidedSchema>;
