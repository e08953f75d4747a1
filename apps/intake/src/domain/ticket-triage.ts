import type { customerTiers, services, ticketClasses, ticketKinds } from '@switchboard/contracts';

export type CustomerTier = (typeof customerTiers)[number];
export type TicketKind = (typeof ticketKinds)[number];
export type Service = (typeof services)[number];
export type TicketClass = (typeof ticketClasses)[number];

/** Points each factor adds to a ticket's priority (0–100, higher first). */
export interface TriageWeights {
  tier: Record<CustomerTier, number>;
  kind: Record<TicketKind, number>;
  service: Record<Service, number>;
  repeatFault: number;
  /** A child of a mass-complaint incident: "the incident handled first" (domain.md §2). */
  incident: number;
  /** Points per full hour between the customer's report and intake's acceptance… */
  agePerHour: number;
  /** …up to this many. */
  ageMax: number;
  /** A priority at or above this makes the ticket `important`; below, `general`. */
  importantMinPriority: number;
}

/**
 * Defaults (domain.md §2 sorting, §3 "customer priority (VIP first)"): the tier weighs most, so
 * a VIP repair (40 + 20 + 5 = 65) is important on its own; complaints and repairs (a customer
 * without service, a time-limited reply) come before installs and moves; a repeat fault adds as
 * much as the kind; an incident's child adds 40, so a complaint grouped under one is important; waiting adds 1 point an hour up to 15. Everything is capped at 100.
 */
export const DEFAULT_TRIAGE_WEIGHTS: TriageWeights = {
  tier: { vip: 40, standard: 0 },
  kind: { complaint: 20, repair: 20, install: 5, move: 5 },
  service: { broadband: 5, fixed: 5, mobile: 5, iptv: 0 },
  repeatFault: 20,
  incident: 40,
  agePerHour: 1,
  ageMax: 15,
  importantMinPriority: 60,
};

export interface TriageInput {
  tier: CustomerTier;
  kind: TicketKind;
  service: Service;
  repeatFault: boolean;
  /** Grouped under a mass-complaint incident; the reason line appears only when true. */
  incident?: boolean;
  reportedAt: Date;
  acceptedAt: Date;
}

export interface Triage {
  class: TicketClass;
  /** 0–100, an integer; higher is handled first. */
  priority: number;
  /** One short line per factor, in a fixed order: tier, kind, service, repeat fault, age. */
  reasons: string[];
}

const HOUR_MS = 3_600_000;

/** Sorting a new ticket (domain.md §2 "general vs important"): a class and a priority with its reasons. */
export class TicketTriage {
  constructor(readonly weights: TriageWeights = DEFAULT_TRIAGE_WEIGHTS) {}

  triage(t: TriageInput): Triage {
    const w = this.weights;
    const hours = Math.max(0, Math.floor((t.acceptedAt.getTime() - t.reportedAt.getTime()) / HOUR_MS));
    const age = Math.min(w.ageMax, hours * w.agePerHour);
    const factors: [string, number][] = [
      [`tier ${t.tier}`, w.tier[t.tier]],
      [`kind ${t.kind}`, w.kind[t.kind]],
      [`service ${t.service}`, w.service[t.service]],
      [t.repeatFault ? 'repeat fault' : 'not a repeat fault', t.repeatFault ? w.repeatFault : 0],
      [`age ${hours}h`, age],
      ...(t.incident ? [['incident member', w.incident] as [string, number]] : []),
    ];
    const sum = factors.reduce((total, [, points]) => total + points, 0);
    const priority = Math.max(0, Math.min(100, Math.round(sum)));
    return {
      class: priority >= w.importantMinPriority ? 'important' : 'general',
      priority,
      reasons: factors.map(([what, points]) => `${what} +${Math.round(points * 100) / 100}`),
    };
  }
}
