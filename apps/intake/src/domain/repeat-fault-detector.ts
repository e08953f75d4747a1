import type { services, ticketKinds } from '@switchboard/contracts';

export type TicketKind = (typeof ticketKinds)[number];
export type Service = (typeof services)[number];

/** Operators use 30 days (domain.md §2, seed 002 "重复障碍"). */
export const DEFAULT_REPEAT_FAULT_WINDOW_DAYS = 30;

const DAY_MS = 86_400_000;

/** The new ticket, as intake accepts it. */
export interface NewTicketForRepeatCheck {
  ticketId: string;
  customerId: string;
  service: Service;
  kind: TicketKind;
  acceptedAt: Date;
}

/** An earlier ticket of the customer whose work was completed (its latest completion). */
export interface CompletedTicket {
  ticketId: string;
  customerId: string;
  service: Service;
  kind: TicketKind;
  completedAt: Date;
}

export type RepeatFaultDecision =
  | { repeat: true; previousTicketId: string; daysSinceCompletion: number }
  | { repeat: false; why: 'not-a-repair' | 'no-completed-repair' | 'outside-window' };

/**
 * A repeat fault ("重复障碍", domain.md §2): the same customer line (customer id) and service
 * reporting a fault again within `windowDays` after a **completed repair** of an earlier ticket.
 *
 * Only repairs count, on both sides: a fault is reported with a `repair` ticket, and only a
 * repair's completion promised the fault was gone. Installs and moves are new work, and
 * complaints are measured by their own rules (the important-complaint rule), so none of these
 * make or are a repeat fault. Among several earlier repairs the latest completion decides.
 * A completion is compared with the new ticket's acceptance: a completion at or after it (or
 * one that arrives later) is not a reason for this ticket.
 */
export class RepeatFaultDetector {
  constructor(readonly windowDays: number = DEFAULT_REPEAT_FAULT_WINDOW_DAYS) {
    if (!Number.isFinite(windowDays) || windowDays <= 0) throw new Error(`repeat-fault window must be a positive number of days (got ${windowDays})`);
  }

  detect(ticket: NewTicketForRepeatCheck, completed: readonly CompletedTicket[]): RepeatFaultDecision {
    if (ticket.kind !== 'repair') return { repeat: false, why: 'not-a-repair' };
    const earlier = completed
      .filter(
        (c) =>
          c.ticketId !== ticket.ticketId &&
          c.customerId === ticket.customerId &&
          c.service === ticket.service &&
          c.kind === 'repair' &&
          c.completedAt.getTime() < ticket.acceptedAt.getTime(),
      )
      .sort((a, b) => b.completedAt.getTime() - a.completedAt.getTime());
    const latest = earlier[0];
    if (!latest) return { repeat: false, why: 'no-completed-repair' };
    const elapsedMs = ticket.acceptedAt.getTime() - latest.completedAt.getTime();
    if (elapsedMs > this.windowDays * DAY_MS) return { repeat: false, why: 'outside-window' };
    return { repeat: true, previousTicketId: latest.ticketId, daysSinceCompletion: Math.floor(elapsedMs / DAY_MS) };
  }
}
