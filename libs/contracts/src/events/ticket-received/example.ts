import type { TicketReceived } from './schema';

export const ticketReceivedExample: TicketReceived = {
  externalId: 'HZ-2026-000123',
  channel: 'phone',
  kind: 'repair',
  service: 'broadband',
  customer: { id: 'C-88001', name: 'Li Wei', phone: '+86 571 5550 1234', tier: 'standard' },
  location: { region: 'hangzhou', county: 'xihu', zone: 'xihu-07', lat: 30.259, lon: 120.13 },
  summary: 'Broadband drops every evening since Monday',
  reportedAt: '2026-11-24T09:12:00+08:00',
  receivedBy: 'agent/hz-01/0042',
};
