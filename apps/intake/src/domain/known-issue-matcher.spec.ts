import { areaMatch, findKnownIssue, isActiveAt, type KnownIssue, type TicketForKnownIssue } from './known-issue-matcher';

const at = new Date('2026-11-24T10:00:00Z');
const issue = (over: Partial<KnownIssue> = {}): KnownIssue => ({
  knownIssueId: 'ki-1',
  kind: 'outage',
  state: 'open',
  area: { region: 'hangzhou', county: 'xihu', zones: ['xihu-07'], cells: [] },
  services: ['broadband'],
  startsAt: new Date('2026-11-24T08:00:00Z'),
  explanation: 'A fibre cut near Xixi is being repaired.',
  ...over,
});
const ticket = (over: Partial<TicketForKnownIssue> = {}): TicketForKnownIssue => ({
  kind: 'repair',
  service: 'broadband',
  location: { region: 'hangzhou', county: 'xihu', zone: 'xihu-07' },
  at,
  ...over,
});

describe('known-issue matcher (domain.md §2 一次性答复)', () => {
  it('answers a repair or complaint whose service and place lie inside an active issue', () => {
    expect(findKnownIssue(ticket(), [issue()])).toMatchObject({ issue: { knownIssueId: 'ki-1' }, match: 'zone' });
    expect(findKnownIssue(ticket({ kind: 'complaint' }), [issue()])?.issue.knownIssueId).toBe('ki-1');
  });

  it('never answers an install or a move: they are new work, not faults', () => {
    expect(findKnownIssue(ticket({ kind: 'install' }), [issue()])).toBeUndefined();
    expect(findKnownIssue(ticket({ kind: 'move' }), [issue()])).toBeUndefined();
  });

  it('needs an affected service', () => {
    expect(findKnownIssue(ticket({ service: 'mobile' }), [issue()])).toBeUndefined();
    expect(findKnownIssue(ticket({ service: 'mobile' }), [issue({ services: ['iptv', 'mobile'] })])).toBeDefined();
  });

  it('needs the place: region, county when named, and a listed zone or cell', () => {
    expect(findKnownIssue(ticket({ location: { region: 'ningbo', county: 'xihu', zone: 'xihu-07' } }), [issue()])).toBeUndefined();
    expect(findKnownIssue(ticket({ location: { region: 'hangzhou', county: 'binjiang', zone: 'xihu-07' } }), [issue()])).toBeUndefined();
    expect(findKnownIssue(ticket({ location: { region: 'hangzhou', county: 'xihu', zone: 'xihu-08' } }), [issue()])).toBeUndefined();
  });

  it('covers the whole county or region when the issue lists no zone and no cell', () => {
    const wholeCounty = issue({ area: { region: 'hangzhou', county: 'xihu', zones: [], cells: [] } });
    const wholeRegion = issue({ area: { region: 'hangzhou', zones: [], cells: [] } });
    expect(areaMatch(wholeCounty.area, { region: 'hangzhou', county: 'xihu', zone: 'any' })).toBe('county');
    expect(areaMatch(wholeCounty.area, { region: 'hangzhou', county: 'gongshu', zone: 'any' })).toBeUndefined();
    expect(areaMatch(wholeRegion.area, { region: 'hangzhou', county: 'gongshu', zone: 'any' })).toBe('region');
  });

  it('matches a radio cell listed by the issue, even outside its zones', () => {
    const cells = { region: 'hangzhou', zones: ['xihu-07'], cells: ['460-00-1234-5678'] };
    expect(areaMatch(cells, { region: 'hangzhou', county: 'xihu', zone: 'xihu-99', cellId: '460-00-1234-5678' })).toBe('cell');
    expect(areaMatch(cells, { region: 'hangzhou', county: 'xihu', zone: 'xihu-99', cellId: '460-00-1234-0000' })).toBeUndefined();
    expect(areaMatch({ ...cells, zones: [] }, { region: 'hangzhou', county: 'xihu', zone: 'xihu-07' })).toBeUndefined();
  });

  it('is active only while open and inside its window; an open-ended window lasts until closed', () => {
    expect(isActiveAt(issue(), at)).toBe(true);
    expect(isActiveAt(issue({ startsAt: new Date('2026-11-24T10:00:01Z') }), at)).toBe(false);
    expect(isActiveAt(issue({ endsAt: new Date('2026-11-24T10:00:00Z') }), at)).toBe(false);
    expect(isActiveAt(issue({ endsAt: new Date('2026-11-24T10:00:01Z') }), at)).toBe(true);
    expect(isActiveAt(issue({ state: 'closed' }), at)).toBe(false);
    expect(findKnownIssue(ticket(), [issue({ state: 'closed' })])).toBeUndefined();
  });

  it('prefers an outage, then the most specific area, then the latest started, when several match', () => {
    const region = issue({ knownIssueId: 'coverage-region', kind: 'weak-coverage-planned', area: { region: 'hangzhou', zones: [], cells: [] } });
    const zone = issue({ knownIssueId: 'maintenance-zone', kind: 'planned-maintenance' });
    const cell = issue({ knownIssueId: 'maintenance-cell', kind: 'planned-maintenance', area: { region: 'hangzhou', zones: [], cells: ['c-1'] } });
    const outageRegion = issue({ knownIssueId: 'outage-region', area: { region: 'hangzhou', zones: [], cells: [] } });
    const inCell = ticket({ location: { region: 'hangzhou', county: 'xihu', zone: 'xihu-07', cellId: 'c-1' } });

    expect(findKnownIssue(inCell, [region, zone, cell])?.issue.knownIssueId).toBe('maintenance-cell');
    expect(findKnownIssue(inCell, [region, zone])?.issue.knownIssueId).toBe('maintenance-zone');
    expect(findKnownIssue(inCell, [region, zone, cell, outageRegion])?.issue.knownIssueId).toBe('outage-region');
    const later = issue({ knownIssueId: 'later', kind: 'planned-maintenance', startsAt: new Date('2026-11-24T09:00:00Z') });
    expect(findKnownIssue(inCell, [zone, later])?.issue.knownIssueId).toBe('later');
  });
});
