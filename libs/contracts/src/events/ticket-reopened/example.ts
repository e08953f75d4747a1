import type { TicketReopened } from './schema';

export const ticketReopenedExample: TicketReopened = {
  ticketId: '5b0f8f4e-5d0c-4d7a-9a43-3e6f0c1a2b11',
  owner: 'agent/hz-01/0042',
  region: 'hangzhou',
  reopenCount: 1,
  reason: 'customer-unsatisfied',
  surveyId: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b',
  kind: 'repair',
  service: 'broadband',
  customerTier: 'standard',
  contact: { name: 'Li Wei', phone: '+86 571 5550 1234' },
  location: { region: 'hangzhou', county: 'xihu', zone: 'xihu-07', lat: 30.259, lon: 120.13 },
  priority: 'high',
  reopenedAt: '2026-11-24T03:41:02Z',
};
