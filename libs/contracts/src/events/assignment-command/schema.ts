import { z } from 'zod';
import { rfc3339 } from '../../envelope';
import { id, resolutionCodes } from '../common';

/** Commands (dispatch.commands.v1): assignment.accept, assignment.contact, assignment.arrive, assignment.complete (subject: assignmentId). */
export const assignmentCommandSchema = z.strictObject({
  assignmentId: z.uuid(),
  /** The technician acting (from the caller's identity); checked against the assignment. */
  technicianId: id.optional(),
  resolutionCode: z.enum(resolutionCodes).optional(),
  note: z.string().max(2000).optional(),
  at: rfc3339,
});

export type AssignmentCommand = z.infer<typeof assignmentCommandSchema>;

export const ASSIGNMENT_ACCEPT = 'assignment.accept' as const;
export const ASSIGNMENT_CONTACT = 'assignment.contact' as const;
export const ASSIGNMENT_ARRIVE = 'assignment.arrive' as const;
export const ASSIGNMENT_COMPLETE = 'assignment.complete' as const;
