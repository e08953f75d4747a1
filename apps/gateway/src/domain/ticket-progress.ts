/**
 * Where a ticket stands, as the read model shows it. Events about one ticket travel on several
 * topics, so they can arrive out of order: within a round a state only ever moves forward (a late
 * `ticket.accepted` never turns an assigned ticket back into an accepted one).
 *
 * The one move backwards is a reopening (domain.md §5, the unsatisfied loop): `ticket.reopened`
 * starts the ticket's next **round** in state `reopened`, and the states of that round rank above
 * every state of the rounds before. A late event of an earlier round can then never move a
 * reopened ticket, and the new round moves forward again: reopened → assigned → … → closed.
 */
export const TicketStates = ['reopened', 'accepted', 'unassigned', 'assigned', 'acknowledged', 'contacted', 'on-site', 'completed', 'closed'] as const;
export type TicketState = (typeof TicketStates)[number];

const RANK: Record<TicketState, number> = {
  reopened: 0,
  accepted: 1,
  unassigned: 2,
  assigned: 3,
  acknowledged: 4,
  contacted: 5,
  'on-site': 6,
  completed: 7,
  closed: 8,
};

/** Ranks of one round lie below ROUND_SPAN, so every state of round n + 1 outranks every state of round n. */
const ROUND_SPAN = 100;

export function rankOf(state: TicketState): number {
  return RANK[state];
}

/** The rank of a state in a round (1 from acceptance, n + 1 after the n-th reopening): compared to move only forward. */
export function progressRank(state: TicketState, round: number): number {
  if (!Number.isInteger(round) || round < 1) throw new RangeError(`a ticket's round is a whole number ≥ 1, got ${round}`);
  return round * ROUND_SPAN + RANK[state];
}

/** The round a reopening starts: the n-th reopening starts round n + 1. */
export function roundAfterReopening(reopenCount: number): number {
  return reopenCount + 1;
}

/**
 * The round of the n-th assignment (or survey) of a ticket: each round has one assignment placed
 * and one survey after its completion, and one ticket's events on one topic arrive in order.
 */
export function roundOfNth(earlierOfTheTicket: number): number {
  return earlierOfTheTicket + 1;
}

/** The state an event moves a ticket to, if any. */
export function stateAfter(eventType: string, data: { verdict?: string }): TicketState | undefined {
  switch (eventType) {
    case 'ticket.accepted':
      return 'accepted';
    case 'ticket.reopened':
      return 'reopened';
    case 'ticket.unassignable':
      return 'unassigned';
    case 'ticket.assigned':
      return 'assigned';
    case 'assignment.accepted':
      return 'acknowledged';
    case 'assignment.contacted':
      return 'contacted';
    case 'assignment.arrived':
      return 'on-site';
    case 'assignment.completed':
      return 'completed';
    case 'survey.completed':
      // A satisfied customer closes the ticket; an unsatisfied one leaves it completed until intake reopens it.
      return data.verdict === 'satisfied' ? 'closed' : undefined;
    default:
      return undefined;
  }
}

/**
 * Intake's interception (issue 4) shown over the progress above: a ticket intake closed without a
 * technician is `answered` (by a known issue's explanation) or `resolved` (remote support, an
 * incident's reply, the outage's end) for good; a held ticket is `held` until intake hands it to
 * dispatch again — unless its technician was already on site, who finishes the job (dispatch keeps
 * that assignment), so the progress shows.
 */
export const ShownTicketStates = [...TicketStates, 'held', 'answered', 'resolved'] as const;
export type ShownTicketState = (typeof ShownTicketStates)[number];

export interface Interception {
  /** The reason of an active hold (`ticket.held`, until the next `ticket.dispatch-requested`). */
  holdReason: string | null;
  /** `ticket.resolved`'s resolution. */
  resolution: string | null;
}

const PAST_THE_SITE: readonly TicketState[] = ['on-site', 'completed', 'closed'];

/** The state a ticket's view shows: its progress, or intake's interception over it. */
export function shownState(progress: TicketState, interception: Interception): ShownTicketState {
  if (interception.resolution !== null) return interception.resolution === 'answered-by-known-issue' ? 'answered' : 'resolved';
  if (interception.holdReason !== null && !PAST_THE_SITE.includes(progress)) return 'held';
  return progress;
}

/**
 * A withdrawn assignment (intake held or resolved the ticket before the technician got there)
 * takes the ticket's progress back to `accepted` in its round: the next assignment, after a
 * release, is of the same round.
 */
export const PROGRESS_AFTER_WITHDRAWAL: TicketState = 'accepted';

export const AssignmentStates = ['assigned', 'accepted', 'contacted', 'on-site', 'completed', 'withdrawn'] as const;
export type AssignmentState = (typeof AssignmentStates)[number];

export const assignmentActions = ['accept', 'contact', 'arrive', 'complete'] as const;
export type AssignmentAction = (typeof assignmentActions)[number];

export function assignmentStateRank(state: AssignmentState): number {
  return AssignmentStates.indexOf(state) + 1;
}

/** Dispatch decides every transition; the gateway refuses at once only what can never succeed. */
export function actionRefusal(state: AssignmentState): string | undefined {
  if (state === 'completed') return 'the assignment is already completed';
  if (state === 'withdrawn') return 'the assignment was withdrawn (intake held or resolved its ticket)';
  return undefined;
}
