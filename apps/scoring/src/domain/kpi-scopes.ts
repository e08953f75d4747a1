import type { KpiScopeType } from '@switchboard/contracts';

/** What scoring knows of a ticket (codes only). `known`: its acceptance (or reopening) has arrived. */
export interface TicketScopes {
  known: boolean;
  county: string | null;
  service: string | null;
  tier: string | null;
  technicianId: string | null;
}

export interface TechnicianScopes {
  group: string;
  employer: string;
}

/**
 * A fact reaches its scopes in four parts, each once: `region` (from the event itself, at once),
 * `ticket` (county, service, tier: when the ticket's acceptance is known), `technician` (the
 * event's own technician, else the ticket's from ticket.assigned), `crew` (group and contractor:
 * when the technician's registration is known). Whatever the order events arrive in, each part is
 * added exactly once, so the windows end up the same.
 */
export const SCOPE_PARTS = ['region', 'ticket', 'technician', 'crew'] as const;
export type ScopePart = (typeof SCOPE_PARTS)[number];

export interface PlacedScope {
  scopeType: KpiScopeType;
  scopeId: string;
}

export interface Placement {
  technicianId: string | null;
  /** The parts reached after this placement (those before plus the new). */
  applied: ScopePart[];
  /** The scopes to add the fact to now (the new parts' scopes). */
  scopes: PlacedScope[];
  complete: boolean;
}

/** Where a fact goes now, given what it reached before and what is known of its ticket and technician. */
export function placeFact(
  fact: { region: string; technicianId: string | null; applied: readonly string[] },
  ticket: TicketScopes | undefined,
  technician: (id: string) => TechnicianScopes | undefined,
): Placement {
  const applied = new Set(fact.applied);
  const scopes: PlacedScope[] = [];
  const technicianId = fact.technicianId ?? ticket?.technicianId ?? null;
  if (!applied.has('region')) {
    scopes.push({ scopeType: 'region', scopeId: fact.region });
    applied.add('region');
  }
  if (!applied.has('ticket') && ticket?.known) {
    if (ticket.county) scopes.push({ scopeType: 'county', scopeId: ticket.county });
    if (ticket.service) scopes.push({ scopeType: 'service', scopeId: ticket.service });
    if (ticket.tier) scopes.push({ scopeType: 'tier', scopeId: ticket.tier });
    applied.add('ticket');
  }
  if (technicianId !== null) {
    if (!applied.has('technician')) {
      scopes.push({ scopeType: 'technician', scopeId: technicianId });
      applied.add('technician');
    }
    const crew = technician(technicianId);
    if (!applied.has('crew') && crew) {
      scopes.push({ scopeType: 'group', scopeId: crew.group }, { scopeType: 'contractor', scopeId: crew.employer });
      applied.add('crew');
    }
  }
  const ordered = SCOPE_PARTS.filter((p) => applied.has(p));
  return { technicianId, applied: ordered, scopes, complete: ordered.length === SCOPE_PARTS.length };
}
