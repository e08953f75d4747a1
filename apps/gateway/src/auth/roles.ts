/**
 * What each role — of an API key or of a person — may call (issue 9, "Access"; ADR 0024, 0029),
 * by the route table's operationIds (http/api-routes.ts). Plain data, no Nest: the guard reads it
 * and roles.spec.ts checks it. An admin may call everything; every other role only what is listed
 * here, narrowed further by a key's own `operations` list when it has one. An operation nobody
 * lists (a new route) is admin-only until it is added here: the safe default.
 */
export const Roles = ['admin', 'channel', 'bi', 'ops', 'supervisor', 'technician', 'callback-agent'] as const;
export type Role = (typeof Roles)[number];
/** The roles an API key (a system) may have: a person's roles need a person (a technician their technicianId). */
export const KeyRoles = ['admin', 'channel', 'bi', 'ops'] as const;
export type KeyRole = (typeof KeyRoles)[number];
/** The roles a person (`/v1/users`) may have: `channel` is for systems' keys only. */
export const UserRoles = ['admin', 'ops', 'supervisor', 'technician', 'callback-agent', 'bi'] as const;
export type UserRole = (typeof UserRoles)[number];

/** Approving (issue 5, ADR 0027): what a supervisor adds to regional ops — deciding reschedules and suspensions, and ending a suspension. */
export const APPROVAL_OPERATIONS = ['decideApproval', 'endApproval'] as const;

/** Reads every role but `channel` may make: tickets, the queues and the reference data. */
const reads = [
  'listTickets',
  'getTicket',
  'listRejections',
  'listKnownIssues',
  'getKnownIssue',
  'listTechnicians',
  'getRota',
  'listRemoteSupport',
  'listCells',
  'listAreas',
  'listIncidents',
  'getIncident',
  'listCallbacks',
  'listSlaPolicies',
  'getSlaPolicy',
  'listKpis',
  'getDepartmentQueue',
  'stream',
] as const;

/**
 * Appointments and approvals (issue 5, ADR 0027): who books and asks (the call centre for the
 * customer, ops for technicians), who reads requests; supervisors decide and end (APPROVAL_OPERATIONS).
 */
const APPOINTMENT_CHANNEL_OPERATIONS = ['getAppointment', 'bookAppointment', 'requestApproval'] as const;
const APPROVAL_READS = ['getAppointment', 'listApprovals'] as const;

const BASE_ROLE_OPERATIONS = {
  /** Call-centre and SMS-provider systems: raise tickets, follow their own, relay survey answers, book appointments for the customer. */
  channel: ['submitTicket', 'getTicket', 'listTickets', 'listRejections', 'answerSurvey', 'receiveSmsReply', 'receiveEmailReply', 'setCustomerContactPreferences', ...APPOINTMENT_CHANNEL_OPERATIONS],
  /** BI and reporting: read-only. */
  bi: [...reads, ...APPROVAL_READS, 'metrics'],
  /**
   * Regional operations (ops keys and people, remote support): read, and act on tickets, known issues,
   * incidents, the rota, the remote support and phone callback queues. SLA policies are changed by admins only.
   */
  ops: [
    ...reads,
    'submitTicket',
    'actOnAssignment',
    'openKnownIssue',
    'closeKnownIssue',
    'resolveIncident',
    'resolveRemotely',
    'releaseToDispatch',
    'setRota',
    'recordAbsence',
    'registerTechnicians',
    'claimCallback',
    'recordCallbackOutcome',
    'setCustomerContactPreferences',
    'previewSlaPolicy',
    'attributeComplaint',
    ...APPROVAL_READS,
    'bookAppointment',
    'requestApproval',
    // Departments (issue 5, ADR 0030): the back office acts on complaints and loads the build-plan lists.
    'transferComplaint',
    'replyToComplaint',
    'loadBuildPlan',
    'loadBuildPlanCsv',
  ],
  /**
   * Field technicians (people only, with a technicianId): read the tickets assigned to them, act on
   * their own assignments (another technician's: 403, the handler checks), ask for an approval.
   */
  technician: ['listTickets', 'getTicket', 'actOnAssignment', 'requestApproval'],
  /** Callback agents: the phone callback queue, and reading the tickets they call about. */
  'callback-agent': ['listCallbacks', 'claimCallback', 'recordCallbackOutcome', 'listTickets', 'getTicket'],
} satisfies Record<string, readonly string[]>;

export const ROLE_OPERATIONS: Record<Exclude<Role, 'admin'>, readonly string[]> = {
  ...BASE_ROLE_OPERATIONS,
  /** Supervisors: everything regional ops may do, and approving (suspensions and the like, issue 5). */
  supervisor: [...new Set([...BASE_ROLE_OPERATIONS.ops, ...APPROVAL_OPERATIONS])],
};

/** The scope of a key as the guard sees it; `null` lists mean "no narrowing". */
export interface KeyScope {
  role: string;
  /** The key may call only these (within its role's); null: all of its role's. */
  operations: readonly string[] | null;
  /** The key may act only on tickets of these regions; null: every region. */
  regions: readonly string[] | null;
  /** Set when the caller is a person who logged in (a JWT), not a key. */
  userId?: string | null;
  /** A technician's own technician id: they see and act on their own assignments only. */
  technicianId?: string | null;
}

export function isKeyRole(role: string): role is KeyRole {
  return (KeyRoles as readonly string[]).includes(role);
}

export function isRole(role: string): role is Role {
  return (Roles as readonly string[]).includes(role);
}

/** The operations a role may call; `null` for admin (all of them). */
export function operationsOfRole(role: Role): readonly string[] | null {
  return role === 'admin' ? null : ROLE_OPERATIONS[role];
}

export type ScopeDecision = { allowed: true } | { allowed: false; reason: string };

/** May a key of this scope call `operationId`? (`undefined`: the route is not in the route table.) */
export function mayCall(scope: KeyScope, operationId: string | undefined): ScopeDecision {
  const role = scope.role;
  if (!isRole(role)) return { allowed: false, reason: `the key's role "${role}" is not known to this gateway` };
  if (role === 'admin') return { allowed: true };
  if (operationId === undefined) return { allowed: false, reason: 'this route is for admin keys only' };
  if (!ROLE_OPERATIONS[role].includes(operationId)) return { allowed: false, reason: `a ${role}${scope.userId ? '' : ' key'} may not call ${operationId}` };
  if (scope.operations && !scope.operations.includes(operationId)) return { allowed: false, reason: `this key is limited to ${scope.operations.join(', ')}` };
  return { allowed: true };
}

/** May a key of this scope see or act on a ticket of `region`? (A ticket without a region yet: only an unscoped key.) */
export function mayTouchRegion(scope: Pick<KeyScope, 'regions'>, region: string | null | undefined): boolean {
  if (!scope.regions) return true;
  return region !== null && region !== undefined && scope.regions.includes(region);
}

/**
 * May this caller act on (or see) an assignment of `technicianId`? A technician only on their own
 * (object-level check, OWASP API1); every other role the region check alone decides.
 */
export function mayTouchAssignment(scope: Pick<KeyScope, 'role' | 'technicianId'>, technicianId: string | null | undefined): boolean {
  if (scope.role !== 'technician') return true;
  return !!scope.technicianId && technicianId === scope.technicianId;
}
