/**
 * What each role of API key may call (issue 9, "Access"), by the route table's operationIds
 * (http/api-routes.ts). Plain data, no Nest: the guard reads it and roles.spec.ts checks it.
 * An admin may call everything; every other role only what is listed here, narrowed further by
 * the key's own `operations` list when it has one. An operation nobody lists (a new route) is
 * admin-only until it is added here: the safe default.
 */
export const KeyRoles = ['admin', 'channel', 'bi', 'ops'] as const;
export type KeyRole = (typeof KeyRoles)[number];

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
  'getDepartmentQueue',
  'stream',
] as const;

export const ROLE_OPERATIONS: Record<Exclude<KeyRole, 'admin'>, readonly string[]> = {
  /** Call-centre and SMS-provider systems: raise tickets, follow their own, relay survey answers. */
  channel: ['submitTicket', 'getTicket', 'listTickets', 'listRejections', 'answerSurvey', 'receiveSmsReply'],
  /** BI and reporting: read-only. */
  bi: [...reads, 'metrics'],
  /**
   * Regional operations (ops, supervisors, remote support and callback agents): read, and act on tickets, known issues,
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
    'previewSlaPolicy',
    // Departments (issue 5, ADR 0030): the back office acts on complaints and loads the build-plan lists.
    'transferComplaint',
    'replyToComplaint',
    'loadBuildPlan',
    'loadBuildPlanCsv',
  ],
};

/** The scope of a key as the guard sees it; `null` lists mean "no narrowing". */
export interface KeyScope {
  role: string;
  /** The key may call only these (within its role's); null: all of its role's. */
  operations: readonly string[] | null;
  /** The key may act only on tickets of these regions; null: every region. */
  regions: readonly string[] | null;
}

export function isKeyRole(role: string): role is KeyRole {
  return (KeyRoles as readonly string[]).includes(role);
}

/** The operations a role may call; `null` for admin (all of them). */
export function operationsOfRole(role: KeyRole): readonly string[] | null {
  return role === 'admin' ? null : ROLE_OPERATIONS[role];
}

export type ScopeDecision = { allowed: true } | { allowed: false; reason: string };

/** May a key of this scope call `operationId`? (`undefined`: the route is not in the route table.) */
export function mayCall(scope: KeyScope, operationId: string | undefined): ScopeDecision {
  const role = scope.role;
  if (!isKeyRole(role)) return { allowed: false, reason: `the key's role "${role}" is not known to this gateway` };
  if (role === 'admin') return { allowed: true };
  if (operationId === undefined) return { allowed: false, reason: 'this route is for admin keys only' };
  if (!ROLE_OPERATIONS[role].includes(operationId)) return { allowed: false, reason: `a ${role} key may not call ${operationId}` };
  if (scope.operations && !scope.operations.includes(operationId)) return { allowed: false, reason: `this key is limited to ${scope.operations.join(', ')}` };
  return { allowed: true };
}

/** May a key of this scope see or act on a ticket of `region`? (A ticket without a region yet: only an unscoped key.) */
export function mayTouchRegion(scope: Pick<KeyScope, 'regions'>, region: string | null | undefined): boolean {
  if (!scope.regions) return true;
  return region !== null && region !== undefined && scope.regions.includes(region);
}
