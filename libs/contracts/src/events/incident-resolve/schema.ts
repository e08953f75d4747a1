import { z } from 'zod';
import { id } from '../common';

export const INCIDENT_RESOLVE = 'incident.resolve' as const;

/**
 * Command (intake.commands.v1, subject: incidentId): resolve an open incident with one reply that
 * each child's customer is told. Resolving a resolved incident changes nothing.
 */
export const incidentResolveSchema = z.strictObject({
  incidentId: id,
  reply: z.string().min(1).max(2000),
  /** Who resolved it (the gateway caller). */
  resolvedBy: z.string().min(1).max(200),
});

export type IncidentResolve = z.infer<typeof incidentResolveSchema>;
