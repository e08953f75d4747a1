import { isTimeZone } from '@switchboard/time';

/**
 * The customer's local time decides their quiet hours (issue 7: "quiet hours in the customer's time
 * zone"). A ticket carries no time zone of its own (the v1 ticket contract has none), so the
 * customer's zone is the zone of the region they are served in — configured per region, for an
 * operator whose regions span several zones — else the centre's.
 */
export interface CustomerTimeZones {
  /** IANA zone by region code. */
  byRegion: Readonly<Record<string, string>>;
  /** For a region not listed. */
  fallback: string;
}

export function customerTimeZone(region: string, zones: CustomerTimeZones): string {
  return Object.hasOwn(zones.byRegion, region) ? zones.byRegion[region]! : zones.fallback;
}

/**
 * Reads `region=Zone,region=Zone` (e.g. `kashgar=Asia/Urumqi,hangzhou=Asia/Shanghai`); empty is no
 * entries. Every problem is named: an entry without `=`, an unknown zone, a region listed twice.
 */
export function parseRegionTimeZones(value: string): { byRegion: Record<string, string>; problems: string[] } {
  const byRegion: Record<string, string> = Object.create(null) as Record<string, string>;
  const problems: string[] = [];
  for (const raw of value.split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const eq = entry.indexOf('=');
    const region = eq > 0 ? entry.slice(0, eq).trim() : '';
    const zone = eq > 0 ? entry.slice(eq + 1).trim() : '';
    if (region === '' || zone === '') problems.push(`"${entry}" is not region=Zone`);
    // (isTimeZone narrows `zone` to never when false: the message quotes the entry's own text.)
    else if (!isTimeZone(zone)) problems.push(`"${entry.slice(eq + 1).trim()}" (for ${region}) is not an IANA time zone`);
    else if (byRegion[region] !== undefined) problems.push(`${region} is listed twice`);
    else byRegion[region] = zone;
  }
  return { byRegion, problems };
}
