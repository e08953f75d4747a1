import { placeFact, type TicketScopes } from './kpi-scopes';

const ticket: TicketScopes = { known: true, county: 'xihu', service: 'broadband', tier: 'vip', technicianId: 'T-1' };
const crews = (id: string) => (id === 'T-1' ? { group: 'xihu-a', employer: 'acme' } : undefined);
const none = () => undefined;

describe('placing a KPI fact in its scopes', () => {
  it('with everything known: all seven scopes at once, complete', () => {
    const p = placeFact({ region: 'hz', technicianId: null, applied: [] }, ticket, crews);
    expect(p.scopes).toEqual([
      { scopeType: 'region', scopeId: 'hz' },
      { scopeType: 'county', scopeId: 'xihu' },
      { scopeType: 'service', scopeId: 'broadband' },
      { scopeType: 'tier', scopeId: 'vip' },
      { scopeType: 'technician', scopeId: 'T-1' },
      { scopeType: 'group', scopeId: 'xihu-a' },
      { scopeType: 'contractor', scopeId: 'acme' },
    ]);
    expect(p).toMatchObject({ technicianId: 'T-1', applied: ['region', 'ticket', 'technician', 'crew'], complete: true });
  });

  it('before its ticket is known: the region only; later, the rest and never the region again', () => {
    const first = placeFact({ region: 'hz', technicianId: null, applied: [] }, undefined, crews);
    expect(first).toEqual({ technicianId: null, applied: ['region'], scopes: [{ scopeType: 'region', scopeId: 'hz' }], complete: false });
    const later = placeFact({ region: 'hz', technicianId: null, applied: first.applied }, ticket, crews);
    expect(later.scopes.map((s) => s.scopeType)).toEqual(['county', 'service', 'tier', 'technician', 'group', 'contractor']);
    expect(later.complete).toBe(true);
    expect(placeFact({ region: 'hz', technicianId: 'T-1', applied: later.applied }, ticket, crews).scopes).toEqual([]);
  });

  it('the event’s own technician wins over the ticket’s; the crew waits for the registration', () => {
    const p = placeFact({ region: 'hz', technicianId: 'T-2', applied: ['region', 'ticket'] }, ticket, crews);
    expect(p).toEqual({ technicianId: 'T-2', applied: ['region', 'ticket', 'technician'], scopes: [{ scopeType: 'technician', scopeId: 'T-2' }], complete: false });
  });

  it('a known ticket without a county skips that scope but is placed', () => {
    const p = placeFact({ region: 'hz', technicianId: null, applied: ['region'] }, { ...ticket, county: null, technicianId: null }, none);
    expect(p.scopes.map((s) => s.scopeType)).toEqual(['service', 'tier']);
    expect(p.applied).toEqual(['region', 'ticket']);
  });
});
