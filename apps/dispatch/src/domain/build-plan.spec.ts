import { listReply, matchListEntry, type ListEntry } from './build-plan';

const plan = (target: 'cell' | 'zone', targetId: string, region = 'hangzhou', extra: Partial<ListEntry> = {}): ListEntry => ({
  list: 'build-plan',
  target,
  targetId,
  region,
  plannedYear: 2027,
  plannedQuarter: 2,
  ...extra,
});
const none = (target: 'cell' | 'zone', targetId: string, region = 'hangzhou'): ListEntry => ({ list: 'no-investment', target, targetId, region });

describe('matchListEntry', () => {
  it("matches the complaint's cell", () => {
    expect(matchListEntry([plan('cell', 'HZ-C-1')], { region: 'hangzhou', zone: 'xihu-01', cellId: 'HZ-C-1' })).toMatchObject({ targetId: 'HZ-C-1' });
  });

  it("matches the complaint's zone when its cell is not listed or it has none", () => {
    const entries = [none('zone', 'xihu-01')];
    expect(matchListEntry(entries, { region: 'hangzhou', zone: 'xihu-01', cellId: 'HZ-C-9' })).toMatchObject({ list: 'no-investment' });
    expect(matchListEntry(entries, { region: 'hangzhou', zone: 'xihu-01' })).toMatchObject({ list: 'no-investment' });
  });

  it('prefers the cell entry to the zone entry', () => {
    const entries = [none('zone', 'xihu-01'), plan('cell', 'HZ-C-1')];
    expect(matchListEntry(entries, { region: 'hangzhou', zone: 'xihu-01', cellId: 'HZ-C-1' })).toMatchObject({ list: 'build-plan', target: 'cell' });
  });

  it('prefers a build-plan entry to a no-investment one for the same target', () => {
    const entries = [none('cell', 'HZ-C-1'), plan('cell', 'HZ-C-1')];
    expect(matchListEntry(entries, { region: 'hangzhou', zone: 'z', cellId: 'HZ-C-1' })).toMatchObject({ list: 'build-plan' });
  });

  it('ignores entries of another region and unlisted places', () => {
    expect(matchListEntry([plan('zone', 'xihu-01', 'ningbo')], { region: 'hangzhou', zone: 'xihu-01' })).toBeUndefined();
    expect(matchListEntry([plan('zone', 'xihu-02')], { region: 'hangzhou', zone: 'xihu-01', cellId: null })).toBeUndefined();
    expect(matchListEntry([], { region: 'hangzhou', zone: 'xihu-01' })).toBeUndefined();
  });
});

describe('listReply', () => {
  it("names the plan's quarter and year, or only the year", () => {
    expect(listReply(plan('cell', 'c'))).toContain('Q2 2027');
    expect(listReply(plan('zone', 'z', 'hangzhou', { plannedQuarter: undefined }))).toContain('build plan for 2027;');
  });

  it('says no investment is planned, with the note', () => {
    expect(listReply({ ...none('zone', 'z'), note: 'reservoir area' })).toMatch(/no network investment is planned for your area at present \(reservoir area\)/);
  });
});
