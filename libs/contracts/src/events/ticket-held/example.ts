import type { TicketHeld } from './schema';

export const ticketHeldExample: TicketHeld = {
  ticketId: '5b0f8f4e-5d0c-4d7a-9a43-3e6f0c1a2b11',
  region: 'hangzhou',
  reason: 'known-issue',
  knownIssueId: 'ki-7f3a2c10',
  heldAt: '2026-11-24T02:15:00.120Z',
};
