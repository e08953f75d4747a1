import type { TicketAccepted } from './schema';

export const ticketAcceptedExample: TicketAccepted = {
  ticketId: '5b0f8f4e-5d0c-4d7a-9a43-3e6f0c1a2b11',
  source: 'call-centre/hz-01',
  externalId: 'HZ-2026-000123',
  channel: 'phone',
  kind: 'repair',
  service: 'broadband',
  customerId: 'C-88001',
  customerTier: 'standard',
  contact: { name: 'Li Wei', phone: '+86 571 5550 1234' },
  location: { region: 'hangzhou', county: 'xihu', zone: 'xihu-07', lat: 30.259, lon: 120.13 },
  reportedAt: '2026-11-24T09:12:00+08:00',
  acceptedAt: '2026-11-24T01:12:03.120Z',
  owner: 'agent/hz-01/0042',
};
