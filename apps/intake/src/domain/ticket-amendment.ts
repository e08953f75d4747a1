/**
 * Out-of-order updates ("Bad input": an update before its creation is parked and applied, not
 * lost; domain.md §2 "accept everything"): how a caller's `ticket.updated` amends a ticket, in
 * which order parked updates apply, and when a parked update that never met its ticket is refused.
 */

/** The fields a call centre may amend after raising a ticket (a note is added, not replaced). */
export const AMENDABLE_FIELDS = ['summary', 'customerName', 'customerPhone'] as const;
export type AmendableField = (typeof AMENDABLE_FIELDS)[number];

/** For each field, the `updatedAt` of the update that last set it (ISO text, as stored). */
export type FieldStamps = Partial<Record<AmendableField, string>>;

export interface TicketUpdate {
  updatedAt: Date;
  summary?: string;
  customerName?: string;
  customerPhone?: string;
  note?: string;
}

export interface AmendableTicket {
  summary: string;
  customerName: string;
  customerPhone: string;
  stamps: FieldStamps;
}

export interface Amendment {
  /** The fields whose value this update changes. */
  changes: Partial<Record<AmendableField, string>>;
  /** The stamps to store after it. */
  stamps: FieldStamps;
  note?: string;
  /** False when the update changes nothing: every field already has this value or a later one, and no note. */
  changed: boolean;
}

/**
 * Applies an update field by field: a field takes the update's value unless a later update
 * (by the caller's `updatedAt`) already set it, so updates applied in any order end the same.
 */
export function amend(ticket: AmendableTicket, update: TicketUpdate): Amendment {
  const at = update.updatedAt.getTime();
  const changes: Partial<Record<AmendableField, string>> = {};
  const stamps: FieldStamps = { ...ticket.stamps };
  const current: Record<AmendableField, string> = { summary: ticket.summary, customerName: ticket.customerName, customerPhone: ticket.customerPhone };
  for (const field of AMENDABLE_FIELDS) {
    const value = update[field];
    if (value === undefined) continue;
    const stamp = ticket.stamps[field];
    if (stamp !== undefined && Date.parse(stamp) >= at) continue;
    stamps[field] = update.updatedAt.toISOString();
    if (value !== current[field]) changes[field] = value;
  }
  const changed = Object.keys(changes).length > 0 || update.note !== undefined;
  return { changes, stamps, ...(update.note !== undefined ? { note: update.note } : {}), changed };
}

/** Parked updates apply in the caller's order of change, then in the order they arrived. */
export function inApplyOrder<T extends { updatedAt: Date; arrival: number }>(updates: readonly T[]): T[] {
  return [...updates].sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime() || a.arrival - b.arrival);
}

/** The default wait for a ticket that has not arrived: a day, after which the update is refused. */
export const DEFAULT_PARKED_UPDATE_TTL_HOURS = 24;

export const ORPHAN_UPDATE = 'ORPHAN_UPDATE';

/** How long a parked update waits for its `ticket.received`. */
export class ParkedUpdatePolicy {
  constructor(readonly ttlHours: number = DEFAULT_PARKED_UPDATE_TTL_HOURS) {
    if (!(ttlHours > 0)) throw new Error('the parked update TTL must be positive');
  }

  expiresAt(parkedAt: Date): Date {
    return new Date(parkedAt.getTime() + Math.round(this.ttlHours * 3_600_000));
  }

  isOrphan(expiresAt: Date, now: Date): boolean {
    return now.getTime() >= expiresAt.getTime();
  }

  /** The reason given to the sender with `ticket.rejected`. */
  orphanReason(externalId: string): { path: string; code: string; message: string } {
    return {
      path: 'data.externalId',
      code: ORPHAN_UPDATE,
      message: `no ticket with externalId ${externalId} arrived from this source within ${this.ttlHours} h of its update; the update was not applied`,
    };
  }
}
