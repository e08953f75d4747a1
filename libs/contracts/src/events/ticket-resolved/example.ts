import type { TicketResolved } from './schema';

export const ticketResolvedExample: TicketResolved = {
  ticketId: '5b0f8f4e-5d0c-4d7a-9a43-3e6f0c1a2b11',
  region: 'hangzhou',
  resolution: 'answered-by-known-issue',
  reply: 'A fibre cut near Xixi is being repaired; service is expected back by 18:00 today.',
  knownIssueId: 'ki-7f3a2c10',
  intercepted: true,
  resolvedAt: '2026-11-24T02:15:00.120Z',
};
