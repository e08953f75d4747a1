import { z } from 'zod';
import { rfc3339 } from '../../envelope';
import { id, regionCode, ticketId } from '../common';

export const TICKET_ASSIGNED = 'ticket.assigned' as const;

/** Dispatch assigned a ticket to a technician (subject: ticketId). */
export const ticketAssignedSchema = z.strictObject({
  ticketId,
  assignmentId: z.uuid(),
  technicianId: id,
  technicianName: z.string(),
  technicianPhone: z.string(),
  region: regionCode,
  zone: id,
  assignedAt: rfc3339,
  /** Why this technician: the rule that decided and the candidates considered. */
  reason: z.strictObject({
    rule: z.enum(['zone-engineer', 'region-fallback']),
    candidates: z.array(z.strictObject({ technicianId: id, zone: id, openAssignments: z.number().int().min(0) })),
    explanation: z.string(),
  }),
});

export type TicketAssigned = z.infer<typeof ticketAssignedSchema>;
