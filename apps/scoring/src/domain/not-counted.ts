import type { EventType } from '@switchboard/contracts';

/**
 * Event types no KPI record counts — not the v1/v2 daily counters (kpi-counters*.ts), not the KPI
 * windows (kpi-facts.ts): commands, the facts of other services' own workflows (appointments,
 * approvals, departments, the SLA ladder's reminders) and scoring's own records. Each exhaustive
 * map spreads this, so a new event type is still a decision, made here once when it counts nowhere.
 * Still to come as KPIs: escalations by level (`sla.escalated`), measured contact timeliness and
 * appointment keeping (`contact.timed`, `appointment.kept|missed`).
 */
export const NOT_COUNTED = {
  'sla.warned': 'ignored',
  'sla.reminder': 'ignored',
  'sla.escalated': 'ignored',
  'ticket.suspended': 'ignored',
  'ticket.suspension-ended': 'ignored',
  'survey.email-reply': 'ignored',
  'customer.set-contact-preferences': 'ignored',
  'appointment.offered': 'ignored',
  'appointment.book': 'ignored',
  'appointment.booked': 'ignored',
  'appointment.rescheduled': 'ignored',
  'appointment.kept': 'ignored',
  'appointment.missed': 'ignored',
  'contact.timed': 'ignored',
  'approval.request': 'ignored',
  'approval.requested': 'ignored',
  'approval.decide': 'ignored',
  'approval.decided': 'ignored',
  'approval.end': 'ignored',
  // A department's reply is counted from intake's ticket.resolved (replied-by-department).
  'complaint.received-by-department': 'ignored',
  'complaint.transfer': 'ignored',
  'complaint.transferred': 'ignored',
  'complaint.reply': 'ignored',
  'complaint.replied': 'ignored',
  'build-plan.load': 'ignored',
  'build-plan.loaded': 'ignored',
  // Scorecards have their own inputs (scorecards/); the KPI windows are scoring's own output.
  'complaint.attribute': 'ignored',
  'scorecards.close-month': 'ignored',
  'scorecard.published': 'ignored',
  'kpi.window-updated': 'ignored',
  'kpi.warning': 'ignored',
} as const satisfies Partial<Record<EventType, 'ignored'>>;
