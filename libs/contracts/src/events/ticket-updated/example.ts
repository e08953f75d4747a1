import type { TicketUpdated } from './schema';

export const ticketUpdatedExample: TicketUpdated = {
  externalId: 'HZ-2026-000123',
  updatedAt: '2026-11-24T09:20:00+08:00',
  summary: 'Broadband drops every evening since Monday; the router restarts by itself',
  customer: { phone: '+86 138 0000 7788' },
  note: 'Customer prefers a call after 18:00',
  updatedBy: 'agent/hz-01/0042',
};
