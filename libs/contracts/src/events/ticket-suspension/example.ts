import type { TicketSuspended, TicketSuspensionEnded } from './schema';

export const ticketSuspendedExample: TicketSuspended = {
  ticketId: '5b0f8f4e-5d0c-4d7a-9a43-3e6f0c1a2b11',
  approvalId: '7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6',
  region: 'hangzhou',
  reason: 'customer-absent',
  note: 'Customer abroad until Friday; asked to come on Saturday morning.',
  requestedBy: 'tech-hz-0007',
  approvedBy: 'sup-hz-01',
  at: '2026-11-24T03:10:00Z',
  expectedEndAt: '2026-11-28T01:00:00Z',
};

export const ticketSuspensionEndedExample: TicketSuspensionEnded = {
  ticketId: '5b0f8f4e-5d0c-4d7a-9a43-3e6f0c1a2b11',
  approvalId: '7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6',
  region: 'hangzhou',
  endedBy: 'sup-hz-01',
  at: '2026-11-28T01:05:00Z',
};
