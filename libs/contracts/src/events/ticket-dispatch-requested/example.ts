import type { TicketDispatchRequested } from './schema';

export const ticketDispatchRequestedExample: TicketDispatchRequested = {
  ticketId: '5b0f8f4e-5d0c-4d7a-9a43-3e6f0c1a2b11',
  region: 'hangzhou',
  class: 'general',
  priority: 47,
  reason: 'accepted',
  requestedAt: '2026-11-24T02:15:00.120Z',
};
