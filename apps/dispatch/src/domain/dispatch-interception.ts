import type { holdReasons, ticketClasses, ticketResolutions } from '@switchboard/contracts';
import type { AssignmentState } from './assignment-lifecycle';

/**
 * Intake decides which tickets reach a technician (issue 4, interception): dispatch keeps every
 * accepted ticket but places only those intake asks it to (`ticket.dispatch-requested`).
 *
 *   pending ──dispatch-requested──▶ waiting ──placed──▶ assigned ──completed──▶ completed
 *      │                              │  ▲                 │
 *      └──────held──────▶ held ◀──held┘  └─(withdrawn)─────┘ (held before the technician is on site)
 *                          └──dispatch-requested──▶ waiting
 *   any open state ──resolved──▶ closed (an open assignment is withdrawn)
 */
export type DispatchTicketState = 'pending' | 'waiting' | 'assigned' | 'held' | 'completed' | 'closed';
export type HoldReason = (typeof holdReasons)[number];
export type TicketResolution = (typeof ticketResolutions)[number];
export type TicketClass = (typeof ticketClasses)[number];

/** Intake's sorting of a ticket it asked dispatch to place (`ticket.dispatch-requested`). */
export interface DispatchRequest {
  class: TicketClass;
  /** 0–100, higher first. */
  priority: number;
}

/** An assignment still open: not completed, not withdrawn. */
export interface OpenAssignment {
  assignmentId: string;
  technicianId: string;
  state: AssignmentState;
}

export type DispatchRequestDecision = { kind: 'place' } | { kind: 'ignore'; why: string };

/**
 * A dispatch request places a ticket dispatch keeps but has not been asked to place yet
 * (pending), or one intake held and now releases; anything else is a repeat or comes too late.
 */
export function decideDispatchRequest(state: DispatchTicketState | undefined): DispatchRequestDecision {
  switch (state) {
    case undefined:
      return { kind: 'ignore', why: 'dispatch does not know the ticket' };
    case 'pending':
    case 'held':
      return { kind: 'place' };
    case 'waiting':
    case 'assigned':
      return { kind: 'ignore', why: `the ticket is already ${state}` };
    case 'completed':
    case 'closed':
      return { kind: 'ignore', why: `the ticket is ${state}` };
  }
}

export type InterceptionDecision =
  | { kind: 'ignore'; why: string }
  /** The ticket moves to `to`; `withdraw` is the open assignment to take back, if any. */
  | { kind: 'apply'; to: DispatchTicketState; withdraw?: OpenAssignment }
  /** The technician is already on site: the work goes on and the ticket stays assigned. */
  | { kind: 'keep-on-site'; assignment: OpenAssignment };

/**
 * `ticket.held`: a ticket not yet placed, or placed with a technician who has not reached the
 * site, is held (the assignment withdrawn); once on site the technician finishes the job.
 */
export function decideHold(state: DispatchTicketState | undefined, open: OpenAssignment | undefined): InterceptionDecision {
  switch (state) {
    case undefined:
      return { kind: 'ignore', why: 'dispatch does not know the ticket' };
    case 'held':
      return { kind: 'ignore', why: 'the ticket is already held' };
    case 'completed':
    case 'closed':
      return { kind: 'ignore', why: `the ticket is ${state}` };
    case 'pending':
    case 'waiting':
      return { kind: 'apply', to: 'held' };
    case 'assigned':
      if (!open) return { kind: 'apply', to: 'held' };
      if (open.state === 'on-site') return { kind: 'keep-on-site', assignment: open };
      return { kind: 'apply', to: 'held', withdraw: open };
  }
}

/** `ticket.resolved`: intake closed the ticket without a technician; whatever is still open is withdrawn. */
export function decideResolve(state: DispatchTicketState | undefined, open: OpenAssignment | undefined): InterceptionDecision {
  switch (state) {
    case undefined:
      return { kind: 'ignore', why: 'dispatch does not know the ticket' };
    case 'completed':
    case 'closed':
      return { kind: 'ignore', why: `the ticket is already ${state}` };
    case 'pending':
    case 'waiting':
    case 'held':
    case 'assigned':
      return open ? { kind: 'apply', to: 'closed', withdraw: open } : { kind: 'apply', to: 'closed' };
  }
}

/** The reason an `assignment.withdrawn` carries: the lifecycle event and its reason. */
export function withdrawalReason(cause: { type: 'ticket.held'; reason: HoldReason } | { type: 'ticket.resolved'; resolution: TicketResolution }): string {
  return cause.type === 'ticket.held' ? `ticket.held: ${cause.reason}` : `ticket.resolved: ${cause.resolution}`;
}

/** Intake's sorting in the assignment's decision, so the timeline says why the ticket went when it did. */
export function explainRequested(explanation: string, request: DispatchRequest | undefined): string {
  if (!request) return explanation;
  return `${request.class}, priority ${request.priority} — ${explanation}`;
}
