import { z } from 'zod';
import { rfc3339 } from '../../envelope';
import { id, ticketId } from '../common';

export const COMPLAINT_ATTRIBUTE = 'complaint.attribute' as const;

/** The causes of source 000's complaint table (施工质量, 安全文明, 资源不足). */
export const complaintCauses = ['quality', 'safety-civility', 'resource'] as const;
/** How far the complaint went: general (一般投诉), escalated (投诉升级), severe (严重投诉). */
export const complaintSeverities = ['general', 'escalated', 'severe'] as const;

/**
 * Command (scoring.commands.v1, ADR 0026): a supervisor attributes a complaint about a ticket's
 * work to the technician who caused it, with its cause and severity, for the monthly complaint
 * points (subject: findingId). The same findingId again replaces the earlier finding (its last
 * classification counts); the month is the UTC month of `complainedAt`. No customer data.
 */
export const complaintAttributeSchema = z.strictObject({
  findingId: z.uuid(),
  ticketId,
  technicianId: id,
  cause: z.enum(complaintCauses),
  severity: z.enum(complaintSeverities).default('general'),
  complainedAt: rfc3339,
  /** Who attributed it (the gateway puts the API key's source). */
  attributedBy: z.string().min(1).max(200),
  note: z.string().max(2000).optional(),
});

export type ComplaintAttribute = z.infer<typeof complaintAttributeSchema>;
