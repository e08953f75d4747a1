import { z } from 'zod';
import { rfc3339 } from '../../envelope';
import { id, regionCode, ticketId } from '../common';

export const COMPLAINT_RECEIVED_BY_DEPARTMENT = 'complaint.received-by-department' as const;
export const COMPLAINT_TRANSFER = 'complaint.transfer' as const;
export const COMPLAINT_TRANSFERRED = 'complaint.transferred' as const;
export const COMPLAINT_REPLY = 'complaint.reply' as const;
export const COMPLAINT_REPLIED = 'complaint.replied' as const;
export const BUILD_PLAN_LOAD = 'build-plan.load' as const;
export const BUILD_PLAN_LOADED = 'build-plan.loaded' as const;

/**
 * A complaint dispatch routed to the back office (domain.md §3, seed 003): the network optimisation
 * centre, the single receiving and replying interface, received it (subject: ticketId). It holds the
 * ticket until it transfers it (`complaint.transferred`) or replies (`complaint.replied`).
 */
export const complaintReceivedByDepartmentSchema = z.strictObject({
  ticketId,
  region: regionCode,
  /** The receiving department (DEPARTMENT_RECEIVING, `network-optimisation` unless configured). */
  department: id,
  complaintCategory: z.string().min(1).max(100).optional(),
  receivedAt: rfc3339,
});

/**
 * Command (dispatch.commands.v1, subject: ticketId): the department holding a complaint hands it to
 * another. Refused with `command.rejected` — DEPARTMENT.NOT_HOLDER when `byDepartment` does not hold
 * it, DEPARTMENT.BOUNCE_BACK when `toDepartment` already had it (no ticket goes back), …
 */
export const complaintTransferSchema = z.strictObject({
  ticketId,
  /** The department acting: must be the ticket's current holder. */
  byDepartment: id,
  toDepartment: id,
  note: z.string().min(1).max(2000),
  /** Who sent it (the API caller). */
  requestedBy: z.string().min(1).max(200),
});

/** A department handed a complaint to another (subject: ticketId); `chain` is every holder so far, the new one last. */
export const complaintTransferredSchema = z.strictObject({
  ticketId,
  region: regionCode,
  fromDepartment: id,
  toDepartment: id,
  note: z.string().min(1).max(2000),
  chain: z.array(id).min(2),
  requestedBy: z.string().min(1).max(200),
  at: rfc3339,
});

/** Command (dispatch.commands.v1, subject: ticketId): the holding department gives the final reply to the customer. */
export const complaintReplySchema = z.strictObject({
  ticketId,
  byDepartment: id,
  reply: z.string().min(1).max(2000),
  requestedBy: z.string().min(1).max(200),
});

/** Where a final reply came from: a department's answer, or the build-plan / no-investment lists without any transfer. */
export const complaintAnswerSources = ['department', 'build-plan', 'no-investment'] as const;

/**
 * A department gave a complaint its final reply (subject: ticketId). Intake resolves the ticket
 * with it (`ticket.resolved`, replied-by-department): the SLA clocks stop and callback calls back.
 */
export const complaintRepliedSchema = z.strictObject({
  ticketId,
  region: regionCode,
  department: id,
  reply: z.string().min(1).max(2000),
  answeredFrom: z.enum(complaintAnswerSources),
  /** Every department that held it, the replying one last. */
  chain: z.array(id).min(1),
  /** The list entry that answered it, for `build-plan` and `no-investment`. */
  listEntry: z.strictObject({ target: z.enum(['cell', 'zone']), targetId: id, plannedYear: z.number().int().optional(), plannedQuarter: z.number().int().min(1).max(4).optional() }).optional(),
  at: rfc3339,
});

/** One row of the build-plan or the no-investment list (the construction department's register). */
export const buildPlanEntrySchema = z
  .strictObject({
    list: z.enum(['build-plan', 'no-investment']),
    /** What the entry names: a radio cell or a service zone (a site is listed by its cells, `siteId` naming it). */
    target: z.enum(['cell', 'zone']),
    targetId: id,
    siteId: id.optional(),
    region: regionCode,
    /** For `build-plan`: the planned year and, when known, quarter. */
    plannedYear: z.number().int().min(2000).max(2100).optional(),
    plannedQuarter: z.number().int().min(1).max(4).optional(),
    note: z.string().max(500).optional(),
  })
  .refine((e) => e.list === 'no-investment' || e.plannedYear !== undefined, { message: 'a build-plan entry needs plannedYear', path: ['plannedYear'] });

/**
 * Command (dispatch.commands.v1, subject: loadId): load the year's build-plan list and the
 * no-investment list. An entry for the same (list, target, targetId, region) replaces the old one.
 */
export const buildPlanLoadSchema = z.strictObject({
  loadId: z.uuid(),
  entries: z.array(buildPlanEntrySchema).min(1).max(10_000),
  requestedBy: z.string().min(1).max(200),
});

/** The lists were loaded (subject: loadId). */
export const buildPlanLoadedSchema = z.strictObject({
  loadId: z.uuid(),
  buildPlan: z.number().int().min(0),
  noInvestment: z.number().int().min(0),
  loadedAt: rfc3339,
});

export type ComplaintReceivedByDepartment = z.infer<typeof complaintReceivedByDepartmentSchema>;
export type ComplaintTransfer = z.infer<typeof complaintTransferSchema>;
export type ComplaintTransferred = z.infer<typeof complaintTransferredSchema>;
export type ComplaintReply = z.infer<typeof complaintReplySchema>;
export type ComplaintReplied = z.infer<typeof complaintRepliedSchema>;
export type BuildPlanEntry = z.infer<typeof buildPlanEntrySchema>;
export type BuildPlanLoad = z.infer<typeof buildPlanLoadSchema>;
export type BuildPlanLoaded = z.infer<typeof buildPlanLoadedSchema>;
