import { z } from 'zod';
import { rfc3339 } from '../../envelope';
import { regionCode, slaMetrics, ticketId } from '../common';

export const SLA_CLOCK_RESUMED = 'sla.clock-resumed' as const;

/**
 * A paused SLA clock counts again (subject: ticketId), its warning and due times moved later by
 * the time it stood still; `pausedMs` is the clock's total paused time so far.
 */
export const slaClockResumedSchema = z.strictObject({
  clockId: z.uuid(),
  ticketId,
  metric: z.enum(slaMetrics),
  region: regionCode,
  resumedAt: rfc3339,
  pausedMs: z.number().int().min(0),
  warnAt: rfc3339,
  dueAt: rfc3339,
});

export type SlaClockResumed = z.infer<typeof slaClockResumedSchema>;
