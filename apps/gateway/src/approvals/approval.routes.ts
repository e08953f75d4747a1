import { z } from 'zod';
import { appointmentSlotSchema, approvalDecisions, approvalKinds, checkApprovalRequest, id as codeId, rfc3339, suspensionReasons } from '@switchboard/contracts';
import type { ApiRoute } from '../http/api-routes';

/**
 * Appointments (`/v1/tickets/{id}/appointment`) and approvals (`/v1/approvals`) — issue 5, ADR 0027.
 * Spread into `ApiRoutes`.
 */

const errorBody = z.object({ error: z.string(), message: z.string(), reasons: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional() });
const commandSent = { commandId: z.uuid(), status: z.literal('sent') };
const slot = z.object({ from: z.string(), to: z.string() });
const uuidParams = z.strictObject({ id: z.uuid() });

export const approvalView = z
  .object({
    approvalId: z.uuid(),
    ticketId: z.uuid(),
    assignmentId: z.uuid(),
    region: z.string(),
    kind: z.enum(approvalKinds),
    state: z.enum(['pending', 'approved', 'rejected', 'ended']),
    requestedBy: z.string(),
    requesterKind: z.string(),
    slot: slot.nullable(),
    reason: z.string().nullable(),
    note: z.string().nullable(),
    expectedEndAt: z.string().nullable(),
    requestedAt: z.string(),
    decidedBy: z.string().nullable(),
    comment: z.string().nullable(),
    decidedAt: z.string().nullable(),
    endedBy: z.string().nullable(),
    endedAt: z.string().nullable(),
  })
  .meta({ id: 'Approval' });

export const requestApprovalBody = z
  .strictObject({
    ticketId: z.uuid(),
    kind: z.enum(approvalKinds),
    technicianId: codeId.optional().describe("A technician asking on their own assignment; omitted: the customer asks (through the call centre). Another technician's assignment: 403."),
    slot: appointmentSlotSchema.optional().describe('A reschedule: the new window (one dispatch would offer: `GET /v1/tickets/{id}/appointment` lists them).'),
    reason: z.enum(suspensionReasons).optional().describe('A suspension: why.'),
    expectedEndAt: rfc3339.optional().describe('A suspension: when work is expected to resume (informative).'),
    note: z.string().max(500).optional(),
  })
  .superRefine(checkApprovalRequest);

export const appointmentRoutes = {
  getAppointment: {
    operationId: 'getAppointment',
    method: 'get',
    path: '/v1/tickets/{id}/appointment',
    tag: 'appointments',
    summary: 'The appointment windows offered for a ticket, and the one booked',
    description:
      "Dispatch offers windows the assigned technician can keep (route-aware: inserted into the technician's booked appointments, each stays on time; `appointment.offered`). " +
      'An empty `offered` with `offerReason`: none fits the horizon.',
    params: uuidParams,
    responses: {
      200: {
        description: "The open assignment's appointment.",
        schema: z.object({ ticketId: z.uuid(), assignmentId: z.uuid(), technicianId: z.string(), offered: z.array(slot), offerReason: z.string().nullable(), booked: slot.nullable() }),
      },
      404: { description: 'No appointment offered for this ticket (yet): not an install, move or repair, or not assigned yet.', schema: errorBody },
    },
  },
  bookAppointment: {
    operationId: 'bookAppointment',
    method: 'post',
    path: '/v1/tickets/{id}/appointment',
    tag: 'appointments',
    summary: 'Book one of the offered windows (the customer, through the call centre)',
    description:
      'Sent to dispatch as `appointment.book` on `dispatch.commands.v1` (202). Dispatch checks again that the technician can still keep the window: ' +
      '`appointment.booked`, or `command.rejected` in the ticket\'s timeline with `APPOINTMENT.SLOT_UNAVAILABLE` (taken meanwhile), `APPOINTMENT.SLOT_IN_PAST` or `APPOINTMENT.SLOT_NOT_OFFERED`. ' +
      'Moving a booked window is a reschedule (`POST /v1/approvals`).',
    params: uuidParams,
    body: z.strictObject({ slot: appointmentSlotSchema }),
    bodyExample: { slot: { from: '2026-11-25T02:00:00Z', to: '2026-11-25T04:00:00Z' } },
    responses: {
      202: { description: 'The command was sent.', schema: z.object({ ...commandSent, ticketId: z.uuid(), slot }) },
      404: { description: 'No appointment offered for this ticket.', schema: errorBody },
      409: { description: '`APPOINTMENT.SLOT_NOT_OFFERED` (not one of the offered windows) or `APPOINTMENT.ALREADY_BOOKED`.', schema: errorBody },
    },
  },
  listApprovals: {
    operationId: 'listApprovals',
    method: 'get',
    path: '/v1/approvals',
    tag: 'approvals',
    summary: 'Reschedule and suspension requests (e.g. those waiting for a supervisor)',
    description: "Newest first; a key scoped to regions sees only its regions' requests.",
    query: z.strictObject({
      state: z.enum(['pending', 'approved', 'rejected', 'ended']).optional(),
      region: codeId.optional(),
      ticketId: z.uuid().optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
    responses: { 200: { description: 'The requests.', schema: z.object({ items: z.array(approvalView) }) } },
  },
  requestApproval: {
    operationId: 'requestApproval',
    method: 'post',
    path: '/v1/approvals',
    tag: 'approvals',
    summary: 'Ask for a reschedule or a suspension (technician on their own assignment, or the customer)',
    description:
      'Sent to dispatch as `approval.request` (202, with the new `approvalId`); dispatch files it (`approval.requested`, state `pending`) or refuses it with ' +
      '`command.rejected` in the timeline (`APPROVAL.ALREADY_PENDING`, `APPROVAL.ALREADY_SUSPENDED`, `APPROVAL.NOTHING_TO_RESCHEDULE`, `APPOINTMENT.SLOT_UNAVAILABLE`, …). ' +
      'Nothing changes on the ticket until a supervisor approves.',
    body: requestApprovalBody,
    bodyExample: { ticketId: '5b0f8f4e-5d0c-4d7a-9a43-3e6f0c1a2b11', kind: 'suspension', technicianId: 'T-XH-01', reason: 'customer-absent', expectedEndAt: '2026-11-28T01:00:00Z', note: 'Customer abroad until Friday.' },
    responses: {
      202: { description: 'The command was sent.', schema: z.object({ ...commandSent, approvalId: z.uuid(), ticketId: z.uuid() }) },
      403: { description: "`APPROVAL.NOT_YOUR_ASSIGNMENT`: a technician asking on another technician's assignment; or a call-centre key naming a technician.", schema: errorBody },
      404: { description: 'No such ticket, or no open assignment on it.', schema: errorBody },
    },
  },
  decideApproval: {
    operationId: 'decideApproval',
    method: 'post',
    path: '/v1/approvals/{id}/decision',
    tag: 'approvals',
    summary: 'A supervisor approves or rejects a pending request, with a comment',
    description:
      'Sent to dispatch as `approval.decide`. Approved: a reschedule moves the booked window (`appointment.rescheduled`, a new SMS notice to the customer) once dispatch ' +
      'checked the technician can still keep it; a suspension is published as `ticket.suspended` (the SLA monitor pauses resolution clocks). Rejected: nothing else changes.',
    params: uuidParams,
    body: z.strictObject({ decision: z.enum(approvalDecisions), comment: z.string().max(500).optional(), supervisorId: codeId.optional().describe("The supervisor deciding; default: the key's source.") }),
    bodyExample: { decision: 'approved', comment: 'Agreed with the customer by phone.' },
    responses: {
      202: { description: 'The command was sent.', schema: z.object({ ...commandSent, approvalId: z.uuid(), ticketId: z.uuid(), decision: z.enum(approvalDecisions) }) },
      404: { description: 'No such request.', schema: errorBody },
      409: { description: '`APPROVAL.ALREADY_DECIDED`.', schema: errorBody },
    },
  },
  endApproval: {
    operationId: 'endApproval',
    method: 'post',
    path: '/v1/approvals/{id}/end',
    tag: 'approvals',
    summary: 'End an approved suspension (supervisor or the technician)',
    description: 'Sent to dispatch as `approval.end`: `ticket.suspension-ended`, and the paused clocks run again. A completed or resolved ticket ends its suspension by itself (`endedBy: system`).',
    params: uuidParams,
    body: z.strictObject({
      technicianId: codeId.optional().describe('The technician of the assignment ending it; another technician: 403.'),
      supervisorId: codeId.optional().describe("The supervisor ending it; default: the key's source."),
    }),
    bodyExample: {},
    responses: {
      202: { description: 'The command was sent.', schema: z.object({ ...commandSent, approvalId: z.uuid(), ticketId: z.uuid() }) },
      403: { description: "`APPROVAL.NOT_YOUR_ASSIGNMENT`.", schema: errorBody },
      404: { description: 'No such request.', schema: errorBody },
      409: { description: '`APPROVAL.NOT_A_SUSPENSION`, `APPROVAL.NOT_APPROVED` or `APPROVAL.ALREADY_ENDED`.', schema: errorBody },
    },
  },
} as const satisfies Record<string, ApiRoute>;
