/**
 * The life of one assignment in the field (domain.md §3, "Appointment"): the technician accepts,
 * contacts the customer (the first response the SLA clock waits for), arrives on site, completes
 * with a resolution code. The first contact may come before an explicit accept.
 *
 *   assigned ──accept──▶ accepted ──contact──▶ contacted ──arrive──▶ on-site ──complete──▶ completed
 *       └─────────────────contact─────────────────▶
 *
 * Before the technician is on site, dispatch may take the assignment back (`withdrawn`) because
 * intake held or resolved its ticket (dispatch-interception.ts); a withdrawn assignment accepts
 * no further step.
 */
export type AssignmentState = 'assigned' | 'accepted' | 'contacted' | 'on-site' | 'completed' | 'withdrawn';
export type AssignmentAction = 'accept' | 'contact' | 'arrive' | 'complete';
export type AssignmentEventType = 'assignment.accepted' | 'assignment.contacted' | 'assignment.arrived' | 'assignment.completed';

export type AssignmentRefusalCode =
  | 'ASSIGNMENT.NOT_FOUND'
  | 'ASSIGNMENT.INVALID_TRANSITION'
  | 'ASSIGNMENT.WRONG_TECHNICIAN'
  | 'ASSIGNMENT.RESOLUTION_CODE_REQUIRED'
  | 'ASSIGNMENT.WITHDRAWN';

export interface AssignmentSnapshot {
  state: AssignmentState;
  technicianId: string;
  /** Whether an explicit accept happened (a contact straight from `assigned` skips it). */
  accepted: boolean;
  /** Why it was withdrawn, when it was (e.g. `ticket.held: known-issue`). */
  withdrawalReason?: string | null;
}

export interface AssignmentCommandInput {
  action: AssignmentAction;
  /** The technician acting, when the caller says; checked against the assignment's. */
  technicianId?: string;
  resolutionCode?: string;
}

export type AssignmentDecision =
  | { kind: 'transition'; from: AssignmentState; to: AssignmentState; event: AssignmentEventType }
  /** The same transition was already made (e.g. a retried accept): nothing to do, nothing to say. */
  | { kind: 'repeat' }
  | { kind: 'refused'; code: AssignmentRefusalCode; message: string };

interface Step {
  from: readonly AssignmentState[];
  to: AssignmentState;
  event: AssignmentEventType;
  /** What the command is called in a message ("cannot <verb> …"). */
  verb: string;
  /** The way forward when the assignment is not that far yet. */
  hint: string;
  /** The step's name in "it has already moved past …". */
  stage: string;
}

const STEPS: Record<AssignmentAction, Step> = {
  accept: { from: ['assigned'], to: 'accepted', event: 'assignment.accepted', verb: 'accept', hint: 'it must be assigned', stage: 'acceptance' },
  contact: { from: ['assigned', 'accepted'], to: 'contacted', event: 'assignment.contacted', verb: 'contact the customer of', hint: 'it must be assigned or accepted', stage: 'the first contact' },
  arrive: { from: ['contacted'], to: 'on-site', event: 'assignment.arrived', verb: 'arrive for', hint: 'contact the customer first', stage: 'arrival' },
  complete: { from: ['on-site'], to: 'completed', event: 'assignment.completed', verb: 'complete', hint: 'arrive first', stage: 'completion' },
};

const ORDER: readonly AssignmentState[] = ['assigned', 'accepted', 'contacted', 'on-site', 'completed'];

/** Whether the command's own transition has already been made on this assignment. */
function alreadyDone(a: AssignmentSnapshot, action: AssignmentAction): boolean {
  switch (action) {
    case 'accept':
      return a.accepted;
    case 'contact':
      return ORDER.indexOf(a.state) >= ORDER.indexOf('contacted');
    case 'arrive':
      return ORDER.indexOf(a.state) >= ORDER.indexOf('on-site');
    case 'complete':
      return a.state === 'completed';
  }
}

export const AssignmentLifecycle = {
  /** The state an assignment starts in when dispatch gives it. */
  initial: 'assigned' as AssignmentState,

  /**
   * Decides a technician's command on an assignment. Order of checks: the assignment exists, the
   * right technician acts, it was not withdrawn, a completion says how it was resolved, a repeat is a no-op, then the
   * transition must be allowed from the current state.
   */
  decide(assignment: AssignmentSnapshot | undefined, command: AssignmentCommandInput): AssignmentDecision {
    if (!assignment) return { kind: 'refused', code: 'ASSIGNMENT.NOT_FOUND', message: 'no such assignment' };
    const step = STEPS[command.action];
    if (command.technicianId !== undefined && command.technicianId !== assignment.technicianId) {
      return {
        kind: 'refused',
        code: 'ASSIGNMENT.WRONG_TECHNICIAN',
        message: `the assignment belongs to technician ${assignment.technicianId}, not ${command.technicianId}`,
      };
    }
    if (assignment.state === 'withdrawn') {
      const why = assignment.withdrawalReason ? ` (${assignment.withdrawalReason})` : '';
      return {
        kind: 'refused',
        code: 'ASSIGNMENT.WITHDRAWN',
        message: `the assignment was withdrawn${why}; there is nothing more to do on it`,
      };
    }
    if (command.action === 'complete' && (command.resolutionCode === undefined || command.resolutionCode === '')) {
      return { kind: 'refused', code: 'ASSIGNMENT.RESOLUTION_CODE_REQUIRED', message: 'a completion needs a resolution code' };
    }
    if (alreadyDone(assignment, command.action)) return { kind: 'repeat' };
    if (!step.from.includes(assignment.state)) {
      const ahead = ORDER.indexOf(assignment.state) > ORDER.indexOf(step.to);
      return {
        kind: 'refused',
        code: 'ASSIGNMENT.INVALID_TRANSITION',
        message: `cannot ${step.verb} an assignment that is ${assignment.state}; ${ahead ? `it has already moved past ${step.stage}` : step.hint}`,
      };
    }
    return { kind: 'transition', from: assignment.state, to: step.to, event: step.event };
  },
};
