import { checkLocation, LocationRejections as C, type KnownLocation } from './location-check';

const here = { region: 'hangzhou', county: 'xihu', zone: 'xihu-07', cellId: 'HZ-1' };
const allKnown: KnownLocation = { areasLoaded: true, regionKnown: true, countyKnown: true, zoneCounty: 'xihu', cellsLoaded: true, cellRegion: 'hangzhou' };
const codes = (known: Partial<KnownLocation>, location = here) => checkLocation(location, { ...allKnown, ...known }).map((r) => `${r.path} ${r.code}`);

describe('checkLocation (domain.md §2: unknown regions, zones or cells are rejected, not guessed)', () => {
  it('accepts a location whose region, county, zone and cell are all loaded', () => {
    expect(codes({})).toEqual([]);
  });

  it('refuses an unknown region with the region as the one reason', () => {
    expect(codes({ regionKnown: false, countyKnown: false, zoneCounty: undefined })).toEqual([`location.region ${C.unknownRegion}`]);
  });

  it('refuses an unknown county and an unknown zone of a known region, one reason each', () => {
    expect(codes({ countyKnown: false, zoneCounty: undefined })).toEqual([`location.county ${C.unknownCounty}`, `location.zone ${C.unknownZone}`]);
  });

  it('refuses a zone that belongs to another county of the region', () => {
    const reasons = checkLocation(here, { ...allKnown, zoneCounty: 'gongshu' });
    expect(reasons).toEqual([{ path: 'location.zone', code: C.zoneNotInCounty, message: 'zone "xihu-07" is in county "gongshu", not "xihu"' }]);
  });

  it('refuses an unknown cell, and a cell of another region', () => {
    expect(codes({ cellRegion: undefined })).toEqual([`location.cellId ${C.unknownCell}`]);
    expect(codes({ cellRegion: 'ningbo' })).toEqual([`location.cellId ${C.cellNotInRegion}`]);
  });

  it('reports the area and the cell together', () => {
    expect(codes({ regionKnown: false, cellRegion: undefined })).toEqual([`location.region ${C.unknownRegion}`, `location.cellId ${C.unknownCell}`]);
  });

  it('checks nothing of a kind of reference data that was never loaded (a fresh install takes tickets)', () => {
    const nothing: KnownLocation = { areasLoaded: false, regionKnown: false, countyKnown: false, zoneCounty: undefined, cellsLoaded: false, cellRegion: undefined };
    expect(checkLocation(here, nothing)).toEqual([]);
    expect(checkLocation(here, { ...nothing, cellsLoaded: true })).toEqual([expect.objectContaining({ code: C.unknownCell })]);
    expect(checkLocation(here, { ...nothing, areasLoaded: true })).toEqual([expect.objectContaining({ code: C.unknownRegion })]);
  });

  it('does not ask for a cell when the ticket names none', () => {
    expect(checkLocation({ region: here.region, county: here.county, zone: here.zone }, { ...allKnown, cellRegion: undefined })).toEqual([]);
  });
});
