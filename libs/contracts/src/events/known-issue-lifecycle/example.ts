import { knownIssueOpenExample } from '../known-issue-command/example';
import type { KnownIssueClosed, KnownIssueOpened } from './schema';

export const knownIssueOpenedExample: KnownIssueOpened = {
  ...knownIssueOpenExample,
  region: 'hangzhou',
  ticketsSwept: 3,
  openedAt: '2026-11-24T01:42:10.000Z',
};

export const knownIssueClosedExample: KnownIssueClosed = {
  knownIssueId: 'ki-7f3a2c10',
  region: 'hangzhou',
  note: 'The fibre was spliced at 17:20; please restart your modem if the light is still red.',
  closedBy: 'noc/hangzhou',
  ticketsClosed: 12,
  closedAt: '2026-11-24T09:25:00.000Z',
};
