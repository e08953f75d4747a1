import { z } from 'zod';
import { rfc3339 } from '../../envelope';
import { regionCode, slaMetrics, ticketId } from '../common';

export const SLA_CLOCK_PAUSED = 'sla.clock-paused' as const;

/**
 * A running SLA clock stopped counting for a while (subject: ticketId): no warning or breach until
 * it resumes. Issue 4: a ticket held for an outage (`known-issue`) or an incident; `reason` names
 * the cause, e.g. `ticket.held: known-issue` (other suspensions may follow).
 */
export const slaClockPausedSchema = z.strictObject({
  clockId: z.uuid(),
  ticketId,
  metric: z.enum(slaMetrics),
  region: regionCode,
  reason: z.string().min(1).max(200),
  pausedAt: rfc3339,
});

export type SlaClockPaused = z.infer<typeof slaClockPausedSchema>;
