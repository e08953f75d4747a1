import type { AssignmentWithdrawn } from './schema';

export const assignmentWithdrawnExample: AssignmentWithdrawn = {
  ticketId: '5b0f8f4e-5d0c-4d7a-9a43-3e6f0c1a2b11',
  assignmentId: '2c9a1f0e-8b7d-4c6e-9f5a-3b2d1c0e9f8a',
  technicianId: 'tech-hz-0007',
  region: 'hangzhou',
  reason: 'ticket.held: known-issue',
  at: '2026-11-24T02:16:00Z',
};
