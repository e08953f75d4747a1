import { z } from 'zod';
import { rfc3339 } from '../../envelope';
import { regionCode, slaMetrics, ticketId } from '../common';

export const SLA_CLOCK_STARTED = 'sla.clock-started' as const;

/** The SLA monitor started a clock (subject: ticketId). */
export const slaClockStartedSchema = z.strictObject({ clockId: z.uuid(), ticketId, metric: z.enum(slaMetrics), region: regionCode, startedAt: rfc3339, warnAt: rfc3339, dueAt: rfc3339 });

export type SlaClockStarted = z.infer<typeof slaClockStartedSchema>;
