import { ApiRoutes } from '../http/api-routes';
import { mayCall, mayTouchRegion, ROLE_OPERATIONS } from './roles';

const routes = Object.values(ApiRoutes);
const byOperation = new Map<string, (typeof routes)[number]>(routes.map((r) => [r.operationId, r]));

describe('the role → operations table (auth/roles.ts)', () => {
  it('names only operations of the route table (a renamed route fails here)', () => {
    for (const [role, operations] of Object.entries(ROLE_OPERATIONS)) {
      for (const op of operations) expect(`${role}: ${op} ${byOperation.has(op) ? 'exists' : 'is unknown'}`).toBe(`${role}: ${op} exists`);
    }
  });

  it('gives the bi role reads only', () => {
    const writes = ROLE_OPERATIONS.bi.filter((op) => byOperation.get(op)?.method !== 'get');
    expect(writes).toEqual([]);
  });

  it('keeps key management and the audit log for admins', () => {
    for (const op of ['createApiKey', 'listApiKeys', 'revokeApiKey', 'listAudit']) {
      expect(byOperation.has(op)).toBe(true);
      for (const role of ['channel', 'bi', 'ops'] as const) expect(mayCall({ role, operations: null, regions: null }, op).allowed).toBe(false);
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
