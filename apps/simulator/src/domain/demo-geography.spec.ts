import { cellRowSchema, ticketReceivedSchema } from '@switchboard/contracts';
import { CELLS_PER_ZONE, demoAreasCsv, demoCellsCsv, stormComplaints, STORM_COMPLAINTS } from './demo-geography';
import { DEMO_REGION } from './demo-region';

describe('the demo geography and the storm scenario', () => {
  it('lists every demo zone under its county', () => {
    const lines = demoAreasCsv(DEMO_REGION).trim().split('\n');
    expect(lines[0]).toBe('region,county,zone');
    expect(lines.slice(1)).toEqual(DEMO_REGION.zones.map((z) => `hangzhou,${z.county},${z.code}`));
  });

  it('gives each zone the twelve cells the ticket generator uses, each with its two ring neighbours', () => {
    const rows = demoCellsCsv(DEMO_REGION).trim().split('\n').slice(1).map((l) => l.split(','));
    expect(rows).toHaveLength(DEMO_REGION.zones.length * CELLS_PER_ZONE);
    const first = rows.find((r) => r[0] === 'HZ-xihu-01-C1')!;
    expect(first[4]).toBe('HZ-xihu-01-C12;HZ-xihu-01-C2');
    for (const [cellId, region, lat, lon, neighbours] of rows) {
      expect(cellRowSchema.safeParse({ cellId, region, lat: Number(lat), lon: Number(lon), neighbours: neighbours!.split(';') }).success).toBe(true);
    }
  });

  it('raises more than five valid complaints of one category from three adjacent cells', () => {
    const storm = stormComplaints(DEMO_REGION, 'r1', new Date('2026-11-24T06:00:00Z'));
    expect(storm).toHaveLength(STORM_COMPLAINTS);
    expect(storm.every((t) => ticketReceivedSchema.safeParse(t).success)).toBe(true);
    expect(new Set(storm.map((t) => t.complaintCategory))).toEqual(new Set(['weak-coverage']));
    expect(new Set(storm.map((t) => t.location.cellId))).toEqual(new Set(['HZ-xihu-01-C1', 'HZ-xihu-01-C2', 'HZ-xihu-01-C3']));
  });
});
