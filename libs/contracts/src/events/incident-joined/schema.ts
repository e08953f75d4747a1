import { z } from 'zod';
import { rfc3339 } from '../../envelope';
import { id, regionCode, ticketId } from '../common';

export const INCIDENT_JOINED = 'incident.joined' as const;

/**
 * A later complaint matching an open incident (same category, one of its cells or a cell adjacent
 * to them) joined it as a child (subject: ticketId); it is held with `ticket.held` too.
 */
export const incidentJoinedSchema = z.strictObject({
  incidentId: id,
  ticketId,
  region: regionCode,
  cellId: id,
  /** The incident's cells after joining (a neighbouring cell may have been added, up to INCIDENT_MAX_CELLS). */
  cells: z.array(id).min(1).max(20),
  joinedAt: rfc3339,
});

export type IncidentJoined = z.infer<typeof incidentJoinedSchema>;
