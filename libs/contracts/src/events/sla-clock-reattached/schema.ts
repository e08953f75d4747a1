import { z } from 'zod';
import { rfc3339 } from '../../envelope';
import { id, regionCode, slaMetrics, ticketId } from '../common';

export const SLA_CLOCK_REATTACHED = 'sla.clock-reattached' as const;

/**
 * A running or paused clock now follows another policy version (an edit of its policy, issue 6):
 * the business time it had spent and the time it stood still are kept; the rest of the new target
 * is spent from `reattachedAt` (subject: ticketId).
 */
export const slaClockReattachedSchema = z.strictObject({
  clockId: z.uuid(),
  ticketId,
  metric: z.enum(slaMetrics),
  region: regionCode,
  policyId: id,
  policyVersion: z.number().int().min(1),
  previousPolicyVersion: z.number().int().min(1),
  reattachedAt: rfc3339,
  /** Business time spent by then, pauses left out. */
  elapsedMs: z.number().int().min(0),
  /** Business time it stood still by then: kept, never spent. */
  pausedMs: z.number().int().min(0),
  warnAt: rfc3339,
  dueAt: rfc3339,
});

export type SlaClockReattached = z.infer<typeof slaClockReattachedSchema>;
