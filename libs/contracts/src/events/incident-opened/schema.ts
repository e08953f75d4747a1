import { z } from 'zod';
import { rfc3339 } from '../../envelope';
import { id, regionCode, ticketId } from '../common';

export const INCIDENT_OPENED = 'incident.opened' as const;

/**
 * Intake found an important (mass) complaint (domain.md §2, source 003): more than
 * INCIDENT_MIN_COMPLAINTS complaints of one category within INCIDENT_MAX_CELLS adjacent radio
 * cells inside a rolling INCIDENT_WINDOW_MINUTES (subject: incidentId). Every child is held
 * (`ticket.held`, reason incident) and handled with the incident.
 */
export const incidentOpenedSchema = z.strictObject({
  incidentId: id,
  region: regionCode,
  complaintCategory: z.string().min(1).max(100),
  /** The adjacent cells the complaints came from. */
  cells: z.array(id).min(1).max(20),
  /** The complaints grouped when it opened. */
  ticketIds: z.array(ticketId).min(1).max(1000),
  openedAt: rfc3339,
});

export type IncidentOpened = z.infer<typeof incidentOpenedSchema>;
