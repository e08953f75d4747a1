import { customerTimeZone, parseRegionTimeZones } from './customer-time-zone';

describe('the customer time zone', () => {
  it('is the zone configured for the customer\'s region, else the centre\'s', () => {
    const zones = { byRegion: { kashgar: 'Asia/Urumqi' }, fallback: 'Asia/Shanghai' };
    expect(customerTimeZone('kashgar', zones)).toBe('Asia/Urumqi');
    expect(customerTimeZone('hangzhou', zones)).toBe('Asia/Shanghai');
    // Not fooled by names an object already has.
    expect(customerTimeZone('constructor', zones)).toBe('Asia/Shanghai');
  });

  it('reads region=Zone lists, with spaces and an empty value', () => {
    expect(parseRegionTimeZones('')).toEqual({ byRegion: {}, problems: [] });
    expect(parseRegionTimeZones(' kashgar = Asia/Urumqi , lhasa=Asia/Shanghai,')).toEqual({ byRegion: { kashgar: 'Asia/Urumqi', lhasa: 'Asia/Shanghai' }, problems: [] });
  });

  it('names every entry it cannot use', () => {
    expect(parseRegionTimeZones('kashgar,=Asia/Urumqi,lhasa=Mars/Base,hz=Asia/Shanghai,hz=Europe/Berlin').problems).toEqual([
      '"kashgar" is not region=Zone',
      '"=Asia/Urumqi" is not region=Zone',
      '"Mars/Base" (for lhasa) is not an IANA time zone',
      'hz is listed twice',
    ]);
  });
});
