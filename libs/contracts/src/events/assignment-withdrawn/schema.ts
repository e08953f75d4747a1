import { z } from 'zod';
import { rfc3339 } from '../../envelope';
import { id, regionCode, ticketId } from '../common';

export const ASSIGNMENT_WITHDRAWN = 'assignment.withdrawn' as const;

/**
 * Dispatch took an open assignment back because intake held or resolved its ticket before the
 * technician reached the site (subject: ticketId). The technician's load drops by one.
 */
export const assignmentWithdrawnSchema = z.strictObject({
  ticketId,
  assignmentId: z.uuid(),
  technicianId: id,
  region: regionCode,
  /** The lifecycle event that caused it: `ticket.held` or `ticket.resolved`, with its reason. */
  reason: z.string().min(1).max(200),
  at: rfc3339,
});

export type AssignmentWithdrawn = z.infer<typeof assignmentWithdrawnSchema>;
