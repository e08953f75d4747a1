import { z } from 'zod';
import { rfc3339 } from '../../envelope';
import { regionCode, slaMetrics, ticketId } from '../common';

export const SLA_CLOCK_STOPPED = 'sla.clock-stopped' as const;

/** The event that fulfils a metric stopped its clock; met says whether before the due time (subject: ticketId). */
export const slaClockStoppedSchema = z.strictObject({ clockId: z.uuid(), ticketId, metric: z.enum(slaMetrics), region: regionCode, dueAt: rfc3339, stoppedAt: rfc3339, met: z.boolean() });

export type SlaClockStopped = z.infer<typeof slaClockStoppedSchema>;
