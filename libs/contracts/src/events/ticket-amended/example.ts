import type { TicketAmended } from './schema';

export const ticketAmendedExample: TicketAmended = {
  ticketId: '5b0f8f4e-5d0c-4d7a-9a43-3e6f0c1a2b11',
  region: 'hangzhou',
  changes: { summary: 'Broadband drops every evening since Monday; the router restarts by itself', customer: { phone: '+86 138 0000 7788' } },
  note: 'Customer prefers a call after 18:00',
  updatedBy: 'agent/hz-01/0042',
  updatedAt: '2026-11-24T09:20:00+08:00',
  parked: true,
  amendedAt: '2026-11-24T01:21:00.450Z',
};
