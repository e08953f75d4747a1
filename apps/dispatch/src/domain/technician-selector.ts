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
}

export interface TicketToDispatch {
  ticketId: string;
  kind: TicketKind;
  service: TicketService;
  region: string;
  zone: string;
}

export type SelectionRule = 'zone-engineer' | 'region-fallback';

export interface ConsideredCandidate {
  technicianId: string;
  zone: string;
  openAssignments: number;
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

/** Fewest open assignments first (balanced workload, domain.md §3), then the id, so the choice is deterministic. */
function byWorkload(a: TechnicianCandidate, b: TechnicianCandidate): number {
  if (a.openAssignments !== b.openAssignments) return a.openAssignments - b.openAssignments;
  return a.technicianId < b.technicianId ? -1 : a.technicianId > b.technicianId ? 1 : 0;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The walking skeleton's slice of rolling dispatch (domain.md §3): only technicians on duty,
 * skilled for the ticket's service and kind, and under their daily capacity may take it; the
 * zone's own engineers come first ("zone priority"), else anyone in the region; among those, the
 * least loaded ("balanced workload"). A technician resting or absent on the ticket's business
 * date (rest-rota.ts) is skipped, and the explanation names who and why.
 */
export class TechnicianSelector {
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

    const zoneEngineers = eligible.filter((t) => t.zone === ticket.zone).sort(byWorkload);
    const others = eligible.filter((t) => t.zone !== ticket.zone).sort(byWorkload);
    const rule: SelectionRule = zoneEngineers.length > 0 ? 'zone-engineer' : 'region-fallback';
    const pool = rule === 'zone-engineer' ? zoneEngineers : others;
    const chosen = pool[0]!;
    const ranked = [...zoneEngineers, ...others];
    const candidates = ranked.map((t) => ({ technicianId: t.technicianId, zone: t.zone, openAssignments: t.openAssignments }));

    const why =
      rule === 'zone-engineer'
        ? `engineer of zone ${ticket.zone}, fewest open assignments among ${plural(zoneEngineers.length, 'zone engineer')}`
        : `no eligible engineer in zone ${ticket.zone}; from zone ${chosen.zone}, fewest open assignments among ${plural(others.length, 'eligible technician')} of region ${ticket.region}`;
    const list = candidates.map((c) => `${c.technicianId} (zone ${c.zone}, ${c.openAssignments} open)`).join(', ');
    const skipped = inRegion.length - eligible.length - offRota.length;
    const skippedText =
      skipped === 0 ? '' : `; not eligible: ${excluded['off-duty']} off duty, ${excluded['not-skilled']} not skilled, ${excluded['at-capacity']} at capacity`;
    const explanation =
      `${rule}: ${chosen.technicianId} — on duty, skilled for ${work}, ` +
      `${chosen.openAssignments} of ${chosen.dailyCapacity} open, ${why}; candidates: ${list}${skippedText}${rotaText}`;
    return { assigned: true, technician: chosen, rule, candidates, explanation };
  }
}
