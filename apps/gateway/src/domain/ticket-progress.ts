/**
 * Where a ticket stands, as the read model shows it. Events about one ticket travel on several
 * topics, so they can arrive out of order: a state only ever moves forward (a late
 * `ticket.accepted` never turns an assigned ticket back into an accepted one).
 */
export const TicketStates = ['accepted', 'unassigned', 'assigned', 'acknowledged', 'contacted', 'on-site', 'completed', 'closed'] as const;
export type TicketState = (typeof TicketStates)[number];

const RANK: Record<TicketState, number> = {
  accepted: 1,
  unassigned: 2,
  assigned: 3,
  acknowledged: 4,
  contacted: 5,
  'on-site': 6,
  completed: 7,
  closed: 8,
};

export function rankOf(state: TicketState): number {
  return RANK[state];
}

/** The state an event moves a ticket to, if any. */
export function stateAfter(eventType: string, data: { verdict?: string }): TicketState | undefined {
  switch (eventType) {
    case 'ticket.accepted':
      return 'accepted';
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
      // A satisfied customer closes the ticket; an unsatisfied one leaves it completed until reopened (issue 7).
      return data.verdict === 'satisfied' ? 'closed' : undefined;
    default:
      return undefined;
  }
}

export const AssignmentStates = ['assigned', 'accepted', 'contacted', 'on-site', 'completed'] as const;
export type AssignmentState = (typeof AssignmentStates)[number];

export const assignmentActions = ['accept', 'contact', 'arrive', 'complete'] as const;
export type AssignmentAction = (typeof assignmentActions)[number];

export function assignmentStateRank(state: AssignmentState): number {
  return AssignmentStates.indexOf(state) + 1;
}

/** Dispatch decides every transition; the gateway refuses at once only what can never succeed. */
export function actionRefusal(state: AssignmentState): string | undefined {
  return state === 'completed' ? 'the assignment is already completed' : undefined;
}
