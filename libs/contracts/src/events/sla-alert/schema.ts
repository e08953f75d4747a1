import { z } from 'zod';
import { rfc3339 } from '../../envelope';
import { regionCode, slaMetrics, ticketId } from '../common';

/** Events (sla.alerts.v1): sla.warning at 80 % of the target, sla.breached at 100 %; exactly once per clock and level (subject: ticketId). */
export const slaAlertSchema = z.strictObject({ clockId: z.uuid(), ticketId, metric: z.enum(slaMetrics), region: regionCode, dueAt: rfc3339, at: rfc3339 });

export type SlaAlert = z.infer<typeof slaAlertSchema>;

export const SLA_WARNING = 'sla.warning' as const;
export const SLA_BREACHED = 'sla.breached' as const;
