import type { SlaEscalated, SlaReminder, SlaWarned } from './schema';

const base = { clockId: '6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d', ticketId: '5b0f8f4e-5d0c-4d7a-9a43-3e6f0c1a2b11', metric: 'resolution' as const, region: 'hangzhou', dueAt: '2026-11-25T01:30:00Z' };

export const slaWarnedExample: SlaWarned = { ...base, fraction: 0.5, warning: 1, at: '2026-11-24T13:30:00Z' };

/** Raised at 23:00 Shanghai: the handler is told at 08:00, the end of the quiet hours. */
export const slaReminderExample: SlaReminder = { ...base, reminder: 2, at: '2026-11-24T15:00:00Z', notifyAt: '2026-11-25T00:00:00Z', quietHours: true };

export const slaEscalatedExample: SlaEscalated = {
  ...base,
  level: 'team-lead',
  notify: 'team-lead',
  action: 'raise-priority',
  at: '2026-11-25T01:20:00Z',
  notifyAt: '2026-11-25T01:20:00Z',
  quietHours: false,
};
