import { TechnicianSelector, type TechnicianCandidate, type TicketToDispatch } from './technician-selector';

const ticket: TicketToDispatch = { ticketId: 't-1', kind: 'repair', service: 'broadband', region: 'hangzhou', zone: 'xihu-07' };

function tech(id: string, over: Partial<TechnicianCandidate> = {}): TechnicianCandidate {
  return {
    technicianId: id,
    name: `Name ${id}`,
    phone: '+86 138 0000 0000',
    region: 'hangzhou',
    zone: 'xihu-07',
    onDuty: true,
    skills: [{ service: 'broadband', kinds: ['install', 'repair'] }],
    dailyCapacity: 8,
    openAssignments: 0,
    ...over,
  };
}

describe('TechnicianSelector (domain.md §3: zone first, then region, balanced workload)', () => {
  const selector = new TechnicianSelector();

  it("chooses the zone's own engineer before a less loaded technician of another zone", () => {
    const s = selector.select(ticket, [tech('T-OTHER', { zone: 'xihu-08', openAssignments: 0 }), tech('T-ZONE', { openAssignments: 3 })]);
    expect(s.assigned && s.technician.technicianId).toBe('T-ZONE');
    expect(s.assigned && s.rule).toBe('zone-engineer');
  });

  it('falls back to the region when the zone has no eligible engineer', () => {
    const s = selector.select(ticket, [tech('T-ZONE', { onDuty: false }), tech('T-B', { zone: 'xihu-09', openAssignments: 2 }), tech('T-A', { zone: 'xihu-08', openAssignments: 1 })]);
    expect(s.assigned && s.technician.technicianId).toBe('T-A');
    expect(s.assigned && s.rule).toBe('region-fallback');
  });

  it('never looks outside the ticket’s region', () => {
    const s = selector.select(ticket, [tech('T-FAR', { region: 'ningbo' })]);
    expect(s.assigned).toBe(false);
  });

  it('requires the skill for both the service and the kind', () => {
    const wrongService = tech('T-MOB', { skills: [{ service: 'mobile', kinds: ['repair'] }] });
    const wrongKind = tech('T-INS', { skills: [{ service: 'broadband', kinds: ['install'] }] });
    expect(selector.select(ticket, [wrongService, wrongKind]).assigned).toBe(false);
    const right = tech('T-OK', { zone: 'xihu-08', skills: [{ service: 'mobile', kinds: ['repair'] }, { service: 'broadband', kinds: ['repair'] }] });
    const s = selector.select(ticket, [wrongService, wrongKind, right]);
    expect(s.assigned && s.technician.technicianId).toBe('T-OK');
  });

  it('skips a technician whose open assignments reached the daily capacity', () => {
    const full = tech('T-FULL', { dailyCapacity: 2, openAssignments: 2 });
    expect(selector.select(ticket, [full]).assigned).toBe(false);
    const s = selector.select(ticket, [full, tech('T-FREE', { zone: 'xihu-08', dailyCapacity: 2, openAssignments: 1 })]);
    expect(s.assigned && s.technician.technicianId).toBe('T-FREE');
    expect(s.assigned && s.rule).toBe('region-fallback');
  });

  it('never dispatches a technician who is off duty', () => {
    expect(selector.select(ticket, [tech('T-OFF', { onDuty: false })]).assigned).toBe(false);
  });

  it('prefers the fewest open assignments, then the technician id', () => {
    const s1 = selector.select(ticket, [tech('T-2', { openAssignments: 1 }), tech('T-3', { openAssignments: 0 }), tech('T-1', { openAssignments: 1 })]);
    expect(s1.assigned && s1.technician.technicianId).toBe('T-3');
    const s2 = selector.select(ticket, [tech('T-2'), tech('T-10'), tech('T-1')]);
    expect(s2.assigned && s2.technician.technicianId).toBe('T-1');
    expect(s2.assigned && s2.candidates.map((c) => c.technicianId)).toEqual(['T-1', 'T-10', 'T-2']);
  });

  it('records every eligible candidate with its zone and open assignments, and explains the choice in one line', () => {
    const s = selector.select(ticket, [
      tech('T-Z', { openAssignments: 1 }),
      tech('T-R', { zone: 'xihu-08', openAssignments: 0 }),
      tech('T-OFF', { onDuty: false }),
      tech('T-MOB', { skills: [{ service: 'mobile', kinds: ['repair'] }] }),
    ]);
    if (!s.assigned) throw new Error('expected an assignment');
    expect(s.candidates).toEqual([
      { technicianId: 'T-Z', zone: 'xihu-07', openAssignments: 1 },
      { technicianId: 'T-R', zone: 'xihu-08', openAssignments: 0 },
    ]);
    expect(s.explanation).not.toContain('\n');
    expect(s.explanation).toContain('zone-engineer: T-Z');
    expect(s.explanation).toContain('broadband/repair');
    expect(s.explanation).toContain('T-Z (zone xihu-07, 1 open)');
    expect(s.explanation).toContain('T-R (zone xihu-08, 0 open)');
    expect(s.explanation).toContain('1 off duty, 1 not skilled, 0 at capacity');
  });

  it('explains a region fallback by the empty zone', () => {
    const s = selector.select(ticket, [tech('T-R', { zone: 'xihu-08' })]);
    if (!s.assigned) throw new Error('expected an assignment');
    expect(s.explanation).toMatch(/^region-fallback: T-R .*no eligible engineer in zone xihu-07/);
  });

  it('says why nobody can take the ticket', () => {
    const none = selector.select(ticket, []);
    expect(none).toEqual({ assigned: false, reason: expect.stringContaining('no technician is registered in region hangzhou') as unknown });
    const busy = selector.select(ticket, [tech('T-OFF', { onDuty: false }), tech('T-FULL', { dailyCapacity: 1, openAssignments: 1 })]);
    expect(busy.assigned).toBe(false);
    expect(!busy.assigned && busy.reason).toContain('region hangzhou has 2 technicians: 1 off duty, 0 not skilled for broadband/repair, 1 at capacity');
  });

  describe('nearest first, when the ticket and the technicians have positions', () => {
    const at = { lat: 30.25, lon: 120.15 };
    const near = { lat: 30.26, lon: 120.15 };
    const far = { lat: 30.4, lon: 120.3 };

    it('prefers the nearer zone engineer to the less loaded one, and says how far', () => {
      const s = selector.select({ ...ticket, at }, [tech('T-FAR', { position: far, openAssignments: 0 }), tech('T-NEAR', { position: near, openAssignments: 3 })]);
      if (!s.assigned) throw new Error('expected an assignment');
      expect(s.technician.technicianId).toBe('T-NEAR');
      expect(s.candidates.map((c) => c.technicianId)).toEqual(['T-NEAR', 'T-FAR']);
      expect(s.candidates[0]!.travelMinutes).toBeCloseTo(2.9, 1);
      expect(s.explanation).toContain('nearest (2.9 min), then fewest open assignments among 2 zone engineers');
    });

    it("still puts the zone's own engineer, however far, before a nearer technician of another zone", () => {
      const s = selector.select({ ...ticket, at }, [tech('T-OTHER', { zone: 'xihu-08', position: near }), tech('T-ZONE', { position: far })]);
      expect(s.assigned && s.technician.technicianId).toBe('T-ZONE');
    });

    it('breaks equal travel by workload, and ranks a technician without a position after every placed one', () => {
      const s = selector.select({ ...ticket, zone: 'xihu-01', at }, [
        tech('T-NOWHERE', { openAssignments: 0 }),
        tech('T-BUSY', { position: near, openAssignments: 2 }),
        tech('T-IDLE', { position: near, openAssignments: 1 }),
      ]);
      if (!s.assigned) throw new Error('expected an assignment');
      expect(s.candidates.map((c) => c.technicianId)).toEqual(['T-IDLE', 'T-BUSY', 'T-NOWHERE']);
      expect(s.candidates[2]).toEqual({ technicianId: 'T-NOWHERE', zone: 'xihu-07', openAssignments: 0 });
    });

    it('ignores positions when the ticket has none', () => {
      const s = selector.select(ticket, [tech('T-NEAR', { position: near, openAssignments: 2 }), tech('T-FAR', { position: far, openAssignments: 1 })]);
      expect(s.assigned && s.technician.technicianId).toBe('T-FAR');
    });
  });
});
