import type { TicketReceived } from '@switchboard/contracts';
import type { DemoRegion, DemoZone } from './demo-region';

/** Radio cells per zone: the ticket generator names them `HZ-<zone>-C1` … `HZ-<zone>-C12`. */
export const CELLS_PER_ZONE = 12;

export const cellIdOf = (zone: DemoZone, n: number): string => `HZ-${zone.code}-C${n}`;

/** The region's zones as the gateway's `/v1/areas` CSV (region,county,zone). */
export function demoAreasCsv(region: DemoRegion): string {
  return ['region,county,zone', ...region.zones.map((z) => `${region.region},${z.county},${z.code}`)].join('\n') + '\n';
}

/**
 * The region's radio cells as the gateway's `/v1/cells` CSV: each zone's twelve cells on a small
 * ring around its centre, each the neighbour of the cells before and after it on the ring.
 */
export function demoCellsCsv(region: DemoRegion): string {
  const lines = ['cellId,region,lat,lon,neighbours'];
  for (const zone of region.zones) {
    for (let n = 1; n <= CELLS_PER_ZONE; n++) {
      const angle = (2 * Math.PI * (n - 1)) / CELLS_PER_ZONE;
      const lat = Math.round((zone.centre.lat + 0.006 * Math.sin(angle)) * 1e5) / 1e5;
      const lon = Math.round((zone.centre.lon + 0.006 * Math.cos(angle)) * 1e5) / 1e5;
      const before = cellIdOf(zone, n === 1 ? CELLS_PER_ZONE : n - 1);
      const after = cellIdOf(zone, n === CELLS_PER_ZONE ? 1 : n + 1);
      lines.push(`${cellIdOf(zone, n)},${region.region},${lat},${lon},${before};${after}`);
    }
  }
  return lines.join('\n') + '\n';
}

/** More complaints than the incident rule's default "more than 5". */
export const STORM_COMPLAINTS = 8;

/**
 * A storm of mobile complaints (domain.md §2 important complaint): `count` complaints of one
 * category from three adjacent cells of the region's first zone, all reported now.
 */
export function stormComplaints(region: DemoRegion, runId: string, now: Date, count = STORM_COMPLAINTS): TicketReceived[] {
  const zone = region.zones[0]!;
  return Array.from({ length: count }, (_, i) => ({
    externalId: `STORM-${runId}-${i + 1}`,
    channel: 'phone',
    kind: 'complaint',
    service: 'mobile',
    customer: { id: `C-STORM-${runId}-${i + 1}`, name: `Storm caller ${i + 1} (demo)`, phone: `+86 555 0900 ${String(i + 1).padStart(4, '0')}`, tier: 'standard' },
    location: { region: region.region, county: zone.county, zone: zone.code, cellId: cellIdOf(zone, (i % 3) + 1), lat: zone.centre.lat, lon: zone.centre.lon },
    summary: 'No mobile signal since the storm this afternoon',
    complaintCategory: 'weak-coverage',
    reportedAt: now.toISOString(),
  }));
}
