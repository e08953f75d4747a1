import type { TicketTriaged } from './schema';

export const ticketTriagedExample: TicketTriaged = {
  ticketId: '5b0f8f4e-5d0c-4d7a-9a43-3e6f0c1a2b11',
  class: 'general',
  priority: 47,
  reasons: ['tier standard +0', 'kind repair +20', 'service broadband +5', 'repeat fault +20', 'age 2h +2'],
  region: 'hangzhou',
};
