import type { KnownIssueOpen, TicketReceived } from '@switchboard/contracts';
import type { DemoRegion, DemoZone } from './demo-region';
import type { SeededRandom } from './random';
import { generateTicket } from './ticket-generator';

/** The body of `POST /v1/known-issues` (the gateway chooses the id; the caller is the opener). */
export type KnownIssueBody = Omit<KnownIssueOpen, 'knownIssueId' | 'openedBy'>;

/** The outage scenario's zone: the region's first (xihu-01 in the demo region). */
export function outageZone(region: DemoRegion): DemoZone {
  return region.zones[0]!;
}

/**
 * A broadband and IPTV outage over one zone from `now`, expected to be fixed after `lastsMs`
 * (domain.md §2, "一次性答复"): repairs there are held until it closes, complaints archived.
 */
export function outageKnownIssue(region: DemoRegion, now: Date, lastsMs: number): KnownIssueBody {
  const zone = outageZone(region);
  const fixAt = new Date(now.getTime() + lastsMs);
  return {
    kind: 'outage',
    area: { region: region.region, county: zone.county, zones: [zone.code], cells: [] },
    services: ['broadband', 'iptv'],
    startsAt: now.toISOString(),
    explanation: `A fibre cut in zone ${zone.code} is being repaired; broadband and IPTV there are expected back by ${fixAt.toISOString().slice(11, 16)} UTC.`,
    expectedFixAt: fixAt.toISOString(),
  };
}

/**
 * Customers of the outage zone calling about it: broadband and IPTV repairs and complaints
 * located in the zone, `count` of them, with external ids of their own (`<runId>O`).
 */
export function ticketsInsideOutage(rng: SeededRandom, region: DemoRegion, input: { runId: string; count: number; now: Date }): TicketReceived[] {
  const zone = outageZone(region);
  return Array.from({ length: input.count }, (_, i) => {
    const t = generateTicket(rng, region, { seq: i + 1, runId: `${input.runId}O`, now: input.now });
    const kind = i % 3 === 2 ? 'complaint' : 'repair';
    const service = i % 2 === 0 ? 'broadband' : 'iptv';
    const ticket: TicketReceived = {
      ...t,
      kind,
      service,
      location: { region: region.region, county: zone.county, zone: zone.code, lat: zone.centre.lat, lon: zone.centre.lon },
      summary: kind === 'repair' ? 'No connection since this morning' : 'Service keeps dropping in our street',
    };
    delete ticket.complaintCategory;
    if (kind === 'complaint') ticket.complaintCategory = 'outage in my area';
    return ticket;
  });
}
