import type { SlaClockPaused } from './schema';

export const slaClockPausedExample: SlaClockPaused = {
  clockId: '3f1c2f0e-8d4b-4f57-9a51-2b7a0d6c9e10',
  ticketId: '0b8f8c3e-6a47-5d7e-9a3c-4c0e7b1d2f55',
  metric: 'resolution',
  region: 'hangzhou',
  reason: 'ticket.held: known-issue',
  pausedAt: '2026-11-24T09:30:00Z',
};
