import { z } from 'zod';
import { rfc3339 } from '../../envelope';
import { id, regionCode, resolutionCodes, ticketId } from '../common';

/** Events (dispatch.assignments.v1): assignment.accepted, assignment.contacted (the first response), assignment.arrived, assignment.completed (with resolutionCode) (subject: ticketId). */
export const assignmentProgressedSchema = z.strictObject({
  ticketId,
  assignmentId: z.uuid(),
  technicianId: id,
  region: regionCode,
  at: rfc3339,
  resolutionCode: z.enum(resolutionCodes).optional(),
  note: z.string().max(2000).optional(),
});

export type AssignmentProgressed = z.infer<typeof assignmentProgressedSchema>;

export const ASSIGNMENT_ACCEPTED = 'assignment.accepted' as const;
export const ASSIGNMENT_CONTACTED = 'assignment.contacted' as const;
export const ASSIGNMENT_ARRIVED = 'assignment.arrived' as const;
export const ASSIGNMENT_COMPLETED = 'assignment.completed' as const;
