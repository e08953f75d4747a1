import { haversineTravel, type GeoPoint, type TravelEstimate } from './route-planning';
import type { TicketKind, TicketService } from './ticket-work';

export interface Skill {
  service: TicketService;
  kinds: readonly TicketKind[];
}

/** A technician as dispatch sees it when choosing: its roster data and how busy it is now. */
export interface TechnicianCandidate {
  technicianId: string;
  name: string;
  phone: string;
  region: string;
  zone: string;
  onDuty: boolean;
  skills: readonly Skill[];
  dailyCapacity: number;
  /** Assignments given and not yet completed. */
  openAssignments: number;
  /** Set when the rest rota or an approved absence keeps the technician off on the ticket's business date. */
  unavailable?: { status: 'resting' | 'absent'; reason: string };
  /** Where the technician is now (home position or last reported); unknown ranks after every known one. */
  position?: GeoPoint;
}

export interface TicketToDispatch {
  ticketId: string;
  kind: TicketKind;
  service: TicketService;
  region: string;
  zone: string;
  /** Where the work is; without it nobody is nearer than anybody (the walking skeleton's ordering). */
  at?: GeoPoint;
}

export type SelectionRule = 'zone-engineer' | 'region-fallback';

export interface ConsideredCandidate {
  technicianId: string;
  zone: string;
  openAssignments: number;
  /** Estimated minutes to the ticket, when both positions are known. */
  travelMinutes?: number;
}

export type Selection =
  | {
      assigned: true;
      technician: TechnicianCandidate;
      rule: SelectionRule;
      /** Every technician that passed the hard rules, best first (the chosen one first). */
      candidates: ConsideredCandidate[];
      explanation: string;
    }
  | { assigned: false; reason: string };

/** Why a technician of the region cannot take this ticket at all; undefined when it can. */
export function exclusionOf(t: TechnicianCandidate, ticket: TicketToDispatch): 'off-duty' | 'resting' | 'absent' | 'not-skilled' | 'at-capacity' | undefined {
  if (!t.onDuty) return 'off-duty';
  if (t.unavailable) return t.unavailable.status;
  if (!isSkilledFor(t, ticket)) return 'not-skilled';
  if (t.openAssignments >= t.dailyCapacity) return 'at-capacity';
  return undefined;
}

export function isSkilledFor(t: Pick<TechnicianCandidate, 'skills'>, ticket: Pick<TicketToDispatch, 'service' | 'kind'>): boolean {
  return t.skills.some((s) => s.service === ticket.service && s.kinds.includes(ticket.kind));
}

/** The default travel estimate for "nearest first": 30 km/h on roads 1.3 × the straight line. */
export const DEFAULT_DISPATCH_TRAVEL: TravelEstimate<GeoPoint> = haversineTravel({ speedKmh: 30 });

/** Minutes from the technician to the ticket; Infinity when either position is unknown. */
export function travelTo(t: Pick<TechnicianCandidate, 'position'>, ticket: Pick<TicketToDispatch, 'at'>, travel: TravelEstimate<GeoPoint>): number {
  return t.position && ticket.at ? travel(t.position, ticket.at) : Infinity;
}

/**
 * Within one tier (zone engineers, or the rest of the region): nearest first, then fewest open
 * assignments (balanced workload), then the id, so the choice is deterministic (domain.md §3).
 * Compares with < and > because two unknown travel times are Infinity.
 */
export function byTravelThenWorkload(a: { travel: number; t: TechnicianCandidate }, b: { travel: number; t: TechnicianCandidate }): number {
  if (a.travel < b.travel) return -1;
  if (a.travel > b.travel) return 1;
  if (a.t.openAssignments !== b.t.openAssignments) return a.t.openAssignments - b.t.openAssignments;
  return a.t.technicianId < b.t.technicianId ? -1 : a.t.technicianId > b.t.technicianId ? 1 : 0;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The walking skeleton's slice of rolling dispatch (domain.md §3): only technicians on duty,
 * skilled for the ticket's service and kind, and under their daily capacity may take it; the
 * zone's own engineers come first ("zone priority"), else anyone in the region; among those, the
 * nearest ("nearest first", when the ticket and the technician have positions), then the least
 * loaded ("balanced workload"). A technician resting or absent on the ticket's business
 * date (rest-rota.ts) is skipped, and the explanation names who and why.
 * TechnicianIndex (technician-index.ts) gives the same first candidates without the scan.
 */
export class TechnicianSelector {
  constructor(private readonly travel: TravelEstimate<GeoPoint> = DEFAULT_DISPATCH_TRAVEL) {}

  select(ticket: TicketToDispatch, roster: readonly TechnicianCandidate[]): Selection {
    const inRegion = roster.filter((t) => t.region === ticket.region);
    const excluded = { 'off-duty': 0, resting: 0, absent: 0, 'not-skilled': 0, 'at-capacity': 0 };
    const eligible: TechnicianCandidate[] = [];
    const offRota: string[] = [];
    for (const t of inRegion) {
      const why = exclusionOf(t, ticket);
      if (why) excluded[why]++;
      else eligible.push(t);
      if (why === 'resting' || why === 'absent') offRota.push(`${t.technicianId} ${why} (${t.unavailable!.reason})`);
    }
    const rotaText = offRota.length === 0 ? '' : `; skipped: ${offRota.join(', ')}`;
    const work = `${ticket.service}/${ticket.kind}`;

    if (eligible.length === 0) {
      const roster =
        inRegion.length === 0
          ? `no technician is registered in region ${ticket.region}`
          : `region ${ticket.region} has ${plural(inRegion.length, 'technician')}: ${excluded['off-duty']} off duty, ${excluded['not-skilled']} not skilled for ${work}, ${excluded['at-capacity']} at capacity${rotaText}`;
      return { assigned: false, reason: `no on-duty technician skilled for ${work} with capacity left in zone ${ticket.zone} or region ${ticket.region} (${roster})` };
    }

    const timed = eligible.map((t) => ({ t, travel: travelTo(t, ticket, this.travel) }));
    const zoneEngineers = timed.filter((c) => c.t.zone === ticket.zone).sort(byTravelThenWorkload);
    const others = timed.filter((c) => c.t.zone !== ticket.zone).sort(byTravelThenWorkload);
    const rule: SelectionRule = zoneEngineers.length > 0 ? 'zone-engineer' : 'region-fallback';
    const pool = rule === 'zone-engineer' ? zoneEngineers : others;
    const first = pool[0]!;
    const chosen = first.t;
    const candidates = [...zoneEngineers, ...others].map(consideredCandidate);
    const ordering = Number.isFinite(first.travel) ? `nearest (${first.travel.toFixed(1)} min), then fewest open assignments` : 'fewest open assignments';

    const why =
      rule === 'zone-engineer'
        ? `engineer of zone ${ticket.zone}, ${ordering} among ${plural(zoneEngineers.length, 'zone engineer')}`
        : `no eligible engineer in zone ${ticket.zone}; from zone ${chosen.zone}, ${ordering} among ${plural(others.length, 'eligible technician')} of region ${ticket.region}`;
    const list = candidates.map(describeCandidate).join(', ');
    const skipped = inRegion.length - eligible.length - offRota.length;
    const skippedText =
      skipped === 0 ? '' : `; not eligible: ${excluded['off-duty']} off duty, ${excluded['not-skilled']} not skilled, ${excluded['at-capacity']} at capacity`;
    const explanation =
      `${rule}: ${chosen.technicianId} — on duty, skilled for ${work}, ` +
      `${chosen.openAssignments} of ${chosen.dailyCapacity} open, ${why}; candidates: ${list}${skippedText}${rotaText}`;
    return { assigned: true, technician: chosen, rule, candidates, explanation };
  }
}

export function consideredCandidate(c: { t: TechnicianCandidate; travel: number }): ConsideredCandidate {
  const base = { technicianId: c.t.technicianId, zone: c.t.zone, openAssignments: c.t.openAssignments };
  return Number.isFinite(c.travel) ? { ...base, travelMinutes: Math.round(c.travel * 10) / 10 } : base;
}

export function describeCandidate(c: ConsideredCandidate): string {
  const away = c.travelMinutes === undefined ? '' : `, ${c.travelMinutes} min`;
  return `${c.technicianId} (zone ${c.zone}, ${c.openAssignments} open${away})`;
}
