import { z } from 'zod';
import { rfc3339 } from '../../envelope';
import { id, regionCode } from '../common';

export const INCIDENT_RESOLVED = 'incident.resolved' as const;

/**
 * An incident was resolved (subject: incidentId): each of its children gets `ticket.resolved`
 * (incident-resolved) with the reply and a customer notification.
 */
export const incidentResolvedSchema = z.strictObject({
  incidentId: id,
  region: regionCode,
  reply: z.string().min(1).max(2000),
  resolvedBy: z.string().min(1).max(200),
  /** Children resolved with it (those not already closed otherwise). */
  childrenResolved: z.number().int().min(0),
  resolvedAt: rfc3339,
});

export type IncidentResolved = z.infer<typeof incidentResolvedSchema>;
