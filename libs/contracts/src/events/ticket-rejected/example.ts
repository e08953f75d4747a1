import type { TicketRejected } from './schema';

export const ticketRejectedExample: TicketRejected = {
  source: 'call-centre/hz-01',
  externalId: 'HZ-2026-000124',
  inboundEventId: '0d7c1a52-4f8e-4b7e-8a55-7b3f2f5c9e01',
  reasons: [{ path: 'data.service', code: 'invalid_value', message: 'Invalid option: expected one of "broadband"|"fixed"|"mobile"|"iptv"' }],
};
