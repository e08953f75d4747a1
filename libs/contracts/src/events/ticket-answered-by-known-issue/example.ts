import type { TicketAnsweredByKnownIssue } from './schema';

export const ticketAnsweredByKnownIssueExample: TicketAnsweredByKnownIssue = {
  ticketId: '5b0f8f4e-5d0c-4d7a-9a43-3e6f0c1a2b11',
  region: 'hangzhou',
  knownIssueId: 'ki-7f3a2c10',
  knownIssueKind: 'outage',
  explanation: 'A fibre cut near Xixi is being repaired; service is expected back by 18:00 today.',
  expectedFixAt: '2026-11-24T10:00:00Z',
  outcome: 'held-until-fixed',
  swept: false,
  answeredAt: '2026-11-24T02:15:00.120Z',
};
