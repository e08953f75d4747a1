import type { KnownIssueClose, KnownIssueOpen } from './schema';

export const knownIssueOpenExample: KnownIssueOpen = {
  knownIssueId: 'ki-7f3a2c10',
  kind: 'outage',
  area: { region: 'hangzhou', county: 'xihu', zones: ['xihu-07', 'xihu-08'], cells: [] },
  services: ['broadband', 'iptv'],
  startsAt: '2026-11-24T01:30:00Z',
  explanation: 'A fibre cut near Xixi is being repaired; service is expected back by 18:00 today.',
  expectedFixAt: '2026-11-24T10:00:00Z',
  openedBy: 'noc/hangzhou',
};

export const knownIssueCloseExample: KnownIssueClose = {
  knownIssueId: 'ki-7f3a2c10',
  note: 'The fibre was spliced at 17:20; please restart your modem if the light is still red.',
  closedBy: 'noc/hangzhou',
};
