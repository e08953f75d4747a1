import { ApiRoutes } from '../http/api-routes';
import { APPROVAL_OPERATIONS, KeyRoles, mayCall, mayTouchAssignment, mayTouchRegion, ROLE_OPERATIONS, Roles, UserRoles } from './roles';

const routes = Object.values(ApiRoutes);
const byOperation = new Map<string, (typeof routes)[number]>(routes.map((r) => [r.operationId, r]));

describe('the role → operations table (auth/roles.ts)', () => {
  it('names only operations of the route table (a renamed route fails here)', () => {
    for (const [role, operations] of Object.entries(ROLE_OPERATIONS)) {
      for (const op of operations) expect(`${role}: ${op} ${byOperation.has(op) ? 'exists' : 'is unknown'}`).toBe(`${role}: ${op} exists`);
    }
  });

  it('has a list for every role but admin, keys take system roles and people person roles', () => {
    expect(Object.keys(ROLE_OPERATIONS).sort()).toEqual(Roles.filter((r) => r !== 'admin').sort());
    expect([...KeyRoles]).toEqual(['admin', 'channel', 'bi', 'ops']);
    expect([...UserRoles].sort()).toEqual(['admin', 'bi', 'callback-agent', 'ops', 'supervisor', 'technician']);
  });

  it('gives a supervisor everything ops has, and approving', () => {
    expect(ROLE_OPERATIONS.supervisor).toEqual(expect.arrayContaining([...ROLE_OPERATIONS.ops]));
    expect(ROLE_OPERATIONS.supervisor).toEqual(expect.arrayContaining(['listApprovals', 'decideApproval', 'endApproval', 'requestApproval']));
    // Regional ops read and ask; only a supervisor decides.
    expect(ROLE_OPERATIONS.ops).not.toContain('decideApproval');
    expect(ROLE_OPERATIONS.supervisor.filter((op) => !ROLE_OPERATIONS.ops.includes(op)).sort()).toEqual([...APPROVAL_OPERATIONS].sort());
  });

  it('gives a technician their tickets, their assignments and asking for an approval, nothing else', () => {
    expect([...ROLE_OPERATIONS.technician].sort()).toEqual(['actOnAssignment', 'getTicket', 'listTickets', 'requestApproval']);
    const technician = { role: 'technician', operations: null, regions: ['hz'], userId: 'u', technicianId: 'T-1' };
    expect(mayCall(technician, 'actOnAssignment')).toEqual({ allowed: true });
    expect(mayCall(technician, 'stream')).toEqual({ allowed: false, reason: 'a technician may not call stream' });
    expect(mayCall(technician, 'decideApproval').allowed).toBe(false);
  });

  it('gives a callback agent the phone callback queue and reading tickets, nothing else', () => {
    expect([...ROLE_OPERATIONS['callback-agent']].sort()).toEqual(['claimCallback', 'getTicket', 'listCallbacks', 'listTickets', 'recordCallbackOutcome']);
  });

  it('keeps people management for admins', () => {
    for (const op of ['createUser', 'listUsers', 'disableUser']) {
      expect(byOperation.has(op)).toBe(true);
      for (const role of Roles.filter((r) => r !== 'admin')) expect(mayCall({ role, operations: null, regions: null }, op).allowed).toBe(false);
    }
  });

  it('gives the bi role reads only', () => {
    const writes = ROLE_OPERATIONS.bi.filter((op) => byOperation.get(op)?.method !== 'get');
    expect(writes).toEqual([]);
  });

  it('keeps key management and the audit log for admins', () => {
    for (const op of ['createApiKey', 'listApiKeys', 'revokeApiKey', 'listAudit']) {
      expect(byOperation.has(op)).toBe(true);
      for (const role of Roles.filter((r) => r !== 'admin')) expect(mayCall({ role, operations: null, regions: null }, op).allowed).toBe(false);
    }
  });
});

describe('mayCall', () => {
  it('lets an admin call anything, even a route missing from the table', () => {
    expect(mayCall({ role: 'admin', operations: null, regions: null }, 'createApiKey')).toEqual({ allowed: true });
    expect(mayCall({ role: 'admin', operations: null, regions: null }, undefined)).toEqual({ allowed: true });
  });

  it("refuses a role's non-listed operation with the reason", () => {
    expect(mayCall({ role: 'channel', operations: null, regions: null }, 'submitTicket')).toEqual({ allowed: true });
    expect(mayCall({ role: 'bi', operations: null, regions: null }, 'submitTicket')).toEqual({ allowed: false, reason: 'a bi key may not call submitTicket' });
  });

  it("narrows a key to its own operations list within its role's", () => {
    const scope = { role: 'ops', operations: ['getTicket'], regions: null };
    expect(mayCall(scope, 'getTicket')).toEqual({ allowed: true });
    expect(mayCall(scope, 'openKnownIssue')).toEqual({ allowed: false, reason: 'this key is limited to getTicket' });
  });

  it('refuses a non-admin key on a route outside the table, and a key of a role this gateway does not know', () => {
    expect(mayCall({ role: 'ops', operations: null, regions: null }, undefined).allowed).toBe(false);
    expect(mayCall({ role: 'root', operations: null, regions: null }, 'getTicket').allowed).toBe(false);
  });
});

describe('mayTouchRegion', () => {
  it('lets an unscoped key touch every region, a scoped one only its own', () => {
    expect(mayTouchRegion({ regions: null }, 'hangzhou')).toBe(true);
    expect(mayTouchRegion({ regions: null }, null)).toBe(true);
    expect(mayTouchRegion({ regions: ['hangzhou'] }, 'hangzhou')).toBe(true);
    expect(mayTouchRegion({ regions: ['hangzhou'] }, 'ningbo')).toBe(false);
    expect(mayTouchRegion({ regions: ['hangzhou'] }, null)).toBe(false);
  });
});

describe('mayTouchAssignment', () => {
  it("lets a technician touch their own assignment only; other roles are not narrowed by it", () => {
    const me = { role: 'technician', technicianId: 'T-1' };
    expect(mayTouchAssignment(me, 'T-1')).toBe(true);
    expect(mayTouchAssignment(me, 'T-2')).toBe(false);
    expect(mayTouchAssignment(me, null)).toBe(false);
    expect(mayTouchAssignment({ role: 'technician', technicianId: null }, null)).toBe(false);
    expect(mayTouchAssignment({ role: 'ops', technicianId: null }, 'T-2')).toBe(true);
    expect(mayTouchAssignment({ role: 'supervisor' }, 'T-2')).toBe(true);
  });
});
