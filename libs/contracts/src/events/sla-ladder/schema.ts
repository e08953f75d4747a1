import { z } from 'zod';
import { rfc3339 } from '../../envelope';
import { regionCode, slaMetrics, ticketId } from '../common';

export const SLA_WARNED = 'sla.warned' as const;
export const SLA_REMINDER = 'sla.reminder' as const;
export const SLA_ESCALATED = 'sla.escalated' as const;

const alertBase = { clockId: z.uuid(), ticketId, metric: z.enum(slaMetrics), region: regionCode, dueAt: rfc3339, at: rfc3339 };

/**
 * One warning fraction of a clock was reached (sla.alerts.v1; subject: ticketId), exactly once per
 * clock and fraction (default 50 % and 80 % of the target). `sla.warning` v1 is still raised at the
 * last fraction for its consumers.
 */
export const slaWarnedSchema = z.strictObject({ ...alertBase, fraction: z.number().gt(0).lt(1), warning: z.int().min(1) });

/**
 * When a person is told (`notifyAt`): the alert instant, or the end of quiet hours on the wall clock
 * of the clock's calendar when it falls inside them. The alert itself is raised at `at`, on time.
 */
const personFacing = { notifyAt: rfc3339, quietHours: z.boolean() };

/** The n-th reminder to the ticket's current handler, an interval after the latest warning or reminder, until the clock stops. */
export const slaReminderSchema = z.strictObject({ ...alertBase, ...personFacing, reminder: z.int().min(1) });

/**
 * An escalation level of the policy's ladder was reached (its signed offset from the target), exactly
 * once per clock and level: who is told (a role) and what dispatch should do (the policy's dispatchAction).
 */
export const slaEscalatedSchema = z.strictObject({
  ...alertBase,
  ...personFacing,
  level: z.string().min(1).max(64),
  notify: z.string().min(1).max(200),
  action: z.enum(['none', 'raise-priority', 'reassign', 'support-team']),
});

export type SlaWarned = z.infer<typeof slaWarnedSchema>;
export type SlaReminder = z.infer<typeof slaReminderSchema>;
export type SlaEscalated = z.infer<typeof slaEscalatedSchema>;
