import type { TicketUnassignable } from './schema';

export const ticketUnassignableExample: TicketUnassignable = { ticketId: '5b0f8f4e-5d0c-4d7a-9a43-3e6f0c1a2b11', region: 'hangzhou', zone: 'xihu-07', reason: 'no on-duty technician with skill broadband/repair in zone xihu-07 or region hangzhou', at: '2026-11-24T01:12:04Z' };
