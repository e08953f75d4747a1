import type { GeoPoint } from './route-planning';
import { TechnicianIndex, selectFromIndex } from './technician-index';
import { TechnicianSelector, type Skill, type TechnicianCandidate, type TicketToDispatch } from './technician-selector';
import type { TicketKind, TicketService } from './ticket-work';

function tech(id: string, over: Partial<TechnicianCandidate> = {}): TechnicianCandidate {
  return {
    technicianId: id,
    name: `Name ${id}`,
    phone: '+86 138 0000 0000',
    region: 'hangzhou',
    zone: 'xihu-01',
    onDuty: true,
    skills: [{ service: 'broadband', kinds: ['install', 'repair'] }],
    dailyCapacity: 8,
    openAssignments: 0,
    ...over,
  };
}

const ticketAt = (at: GeoPoint | undefined, over: Partial<TicketToDispatch> = {}): TicketToDispatch => ({
  ticketId: 't-1',
  kind: 'repair',
  service: 'broadband',
  region: 'hangzhou',
  zone: 'gongshu-09',
  at,
  ...over,
});

function indexOf(roster: TechnicianCandidate[], cellDegrees = 0.02): TechnicianIndex {
  const index = new TechnicianIndex({ cellDegrees });
  for (const t of roster) index.upsert(t);
  return index;
}

const ids = (ranked: { technician: { technicianId: string } }[]) => ranked.map((r) => r.technician.technicianId);

describe('TechnicianIndex: ring search edge cases', () => {
  it('finds the nearer technician just across a cell edge before a farther one in the ticket’s own cell', () => {
    // Cells of 0.1°: the ticket sits just below the 30.3° line, in the same cell as T-SAME (0.08° south).
    const index = indexOf([tech('T-SAME', { position: { lat: 30.22, lon: 120.15 } }), tech('T-ACROSS', { position: { lat: 30.302, lon: 120.15 } })], 0.1);
    expect(ids(index.nearestEligible(ticketAt({ lat: 30.2999, lon: 120.15 }), 1))).toEqual(['T-ACROSS']);
    // And across a meridian line, from the west side of it.
    const east = indexOf([tech('T-SAME', { position: { lat: 30.25, lon: 120.11 } }), tech('T-EAST', { position: { lat: 30.25, lon: 120.201 } })], 0.1);
    expect(ids(east.nearestEligible(ticketAt({ lat: 30.25, lon: 120.1999 }), 1))).toEqual(['T-EAST']);
  });

  it('answers a ticket that lies exactly on a grid corner like the scan does', () => {
    const roster = [
      tech('T-NE', { position: { lat: 30.21, lon: 120.21 } }),
      tech('T-SW', { position: { lat: 30.19, lon: 120.19 } }),
      tech('T-NW', { position: { lat: 30.2101, lon: 120.19 }, openAssignments: 1 }),
    ];
    const index = indexOf(roster, 0.02);
    const ticket = ticketAt({ lat: 30.2, lon: 120.2 });
    const scan = new TechnicianSelector(index.travel).select(ticket, roster);
    expect(ids(index.nearestEligible(ticket, 3))).toEqual(scan.assigned ? scan.candidates.map((c) => c.technicianId) : []);
  });

  it('returns nobody when nobody is eligible, and the selection says why', () => {
    const roster = [
      tech('T-OFF', { onDuty: false, position: { lat: 30.25, lon: 120.15 } }),
      tech('T-FULL', { dailyCapacity: 2, openAssignments: 2, position: { lat: 30.25, lon: 120.16 } }),
      tech('T-REST', { unavailable: { status: 'resting', reason: 'rota' }, position: { lat: 30.26, lon: 120.15 } }),
      tech('T-MOB', { skills: [{ service: 'mobile', kinds: ['repair'] }], position: { lat: 30.24, lon: 120.15 } }),
      tech('T-ELSEWHERE', { region: 'ningbo', position: { lat: 30.25, lon: 120.15 } }),
    ];
    const index = indexOf(roster);
    const ticket = ticketAt({ lat: 30.25, lon: 120.15 });
    expect(index.nearestEligible(ticket, 5)).toEqual([]);
    const s = selectFromIndex(index, ticket);
    expect(s).toEqual({ assigned: false, reason: expect.stringContaining('no on-duty technician skilled for broadband/repair') as unknown });
    expect(index.nearestEligible(ticketAt({ lat: 30.25, lon: 120.15 }, { region: 'shaoxing' }), 5)).toEqual([]);
  });

  it('reaches technicians many rings away, nearest first, when the ticket is far from all of them', () => {
    const roster = [tech('T-A', { position: { lat: 31.2, lon: 121.4 } }), tech('T-B', { position: { lat: 31.0, lon: 121.0 } }), tech('T-C', { position: { lat: 29.9, lon: 119.9 } })];
    const index = indexOf(roster, 0.01);
    const ticket = ticketAt({ lat: 32.5, lon: 122.5 });
    expect(ids(index.nearestEligible(ticket, 2))).toEqual(['T-A', 'T-B']);
    expect(ids(index.nearestEligible(ticket, 5))).toEqual(['T-A', 'T-B', 'T-C']);
  });

  it('breaks equal travel by fewer open assignments, then by id', () => {
    const here = { lat: 30.25, lon: 120.15 };
    const index = indexOf([tech('T-3', { position: here, openAssignments: 1 }), tech('T-2', { position: here, openAssignments: 1 }), tech('T-9', { position: here, openAssignments: 0 })]);
    expect(ids(index.nearestEligible(ticketAt({ lat: 30.26, lon: 120.15 }), 3))).toEqual(['T-9', 'T-2', 'T-3']);
  });

  it("puts the zone's own engineers first, however far, then the nearest of the rest", () => {
    const index = indexOf([
      tech('T-NEAR', { position: { lat: 30.251, lon: 120.15 } }),
      tech('T-ZONE', { zone: 'gongshu-09', position: { lat: 30.4, lon: 120.4 } }),
      tech('T-MID', { position: { lat: 30.27, lon: 120.15 } }),
    ]);
    const ticket = ticketAt({ lat: 30.25, lon: 120.15 });
    expect(ids(index.nearestEligible(ticket, 2))).toEqual(['T-ZONE', 'T-NEAR']);
    const s = selectFromIndex(index, ticket, 3);
    expect(s.assigned && s.rule).toBe('zone-engineer');
    expect(s.assigned && s.explanation).toMatch(/^zone-engineer: T-ZONE .*first 3 candidates: T-ZONE \(zone gongshu-09, 0 open, [\d.]+ min\), T-NEAR/);
  });

  it('ranks a technician without a position after every placed one, and only reaches it when it must', () => {
    const index = indexOf([tech('T-NOWHERE'), tech('T-FAR', { position: { lat: 30.9, lon: 120.9 }, openAssignments: 5 })]);
    const ticket = ticketAt({ lat: 30.25, lon: 120.15 });
    expect(ids(index.nearestEligible(ticket, 1))).toEqual(['T-FAR']);
    expect(ids(index.nearestEligible(ticket, 2))).toEqual(['T-FAR', 'T-NOWHERE']);
    // A ticket without a location: nobody is nearer, the least loaded wins.
    expect(ids(index.nearestEligible(ticketAt(undefined), 2))).toEqual(['T-NOWHERE', 'T-FAR']);
  });
});

describe('TechnicianIndex: kept up to date one change at a time', () => {
  const ticket = ticketAt({ lat: 30.25, lon: 120.15 });

  it('follows a technician who moves to another cell', () => {
    const index = indexOf([tech('T-A', { position: { lat: 30.5, lon: 120.5 } }), tech('T-B', { position: { lat: 30.3, lon: 120.2 } })]);
    expect(ids(index.nearestEligible(ticket, 1))).toEqual(['T-B']);
    index.move('T-A', { lat: 30.251, lon: 120.151 });
    expect(ids(index.nearestEligible(ticket, 2))).toEqual(['T-A', 'T-B']);
    index.move('T-A', undefined);
    expect(ids(index.nearestEligible(ticket, 2))).toEqual(['T-B', 'T-A']);
  });

  it('drops a technician who reaches capacity and takes it back when an assignment closes', () => {
    const index = indexOf([tech('T-A', { dailyCapacity: 2, position: { lat: 30.251, lon: 120.15 } }), tech('T-B', { position: { lat: 30.35, lon: 120.15 } })]);
    index.assignmentPlaced('T-A');
    expect(ids(index.nearestEligible(ticket, 1))).toEqual(['T-A']);
    index.assignmentPlaced('T-A');
    expect(ids(index.nearestEligible(ticket, 1))).toEqual(['T-B']);
    index.assignmentClosed('T-A');
    expect(ids(index.nearestEligible(ticket, 1))).toEqual(['T-A']);
    expect(index.get('T-A')?.openAssignments).toBe(1);
  });

  it('skips a technician while off duty or resting, and forgets a removed one', () => {
    const index = indexOf([tech('T-A', { position: { lat: 30.251, lon: 120.15 } }), tech('T-B', { position: { lat: 30.35, lon: 120.15 } })]);
    index.setOnDuty('T-A', false);
    expect(ids(index.nearestEligible(ticket, 2))).toEqual(['T-B']);
    index.setOnDuty('T-A', true);
    index.setUnavailable('T-A', { status: 'absent', reason: 'sick leave' });
    expect(ids(index.nearestEligible(ticket, 2))).toEqual(['T-B']);
    index.setUnavailable('T-A', undefined);
    expect(ids(index.nearestEligible(ticket, 2))).toEqual(['T-A', 'T-B']);
    index.remove('T-A');
    expect(ids(index.nearestEligible(ticket, 2))).toEqual(['T-B']);
    expect(index.size).toBe(1);
  });

  it('is not changed behind its back by a caller that bumps the chosen technician’s count', () => {
    const index = indexOf([tech('T-A', { dailyCapacity: 2, position: { lat: 30.251, lon: 120.15 } }), tech('T-B', { position: { lat: 30.35, lon: 120.15 } })]);
    const s = selectFromIndex(index, ticket);
    if (!s.assigned) throw new Error('expected an assignment');
    s.technician.openAssignments++; // what TicketDispatcher does with the roster's object
    index.assignmentPlaced(s.technician.technicianId);
    expect(index.get('T-A')?.openAssignments).toBe(1);
    expect(ids(index.nearestEligible(ticket, 1))).toEqual(['T-A']);
  });

  it('keeps its own copy: changing the object it was given changes nothing', () => {
    const a = tech('T-A', { position: { lat: 30.251, lon: 120.15 } });
    const index = indexOf([a]);
    a.onDuty = false;
    expect(ids(index.nearestEligible(ticket, 1))).toEqual(['T-A']);
  });
});

/** mulberry32: a small seeded generator, so a failing case can be replayed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('TechnicianIndex equals the selector’s scan (seeded random rosters, tickets and changes)', () => {
  const SERVICES: TicketService[] = ['broadband', 'fixed', 'mobile', 'iptv'];
  const KINDS: TicketKind[] = ['install', 'move', 'repair'];
  const ZONES = ['z1', 'z2', 'z3', 'z4', 'z5', 'z6'];

  it('chooses the same technician and ranks the same first k in 300 generated cases of 40 queries each', () => {
    const rand = seeded(20261125);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const spots = [0, 1, 2, 3].map(() => ({ lat: 30.2 + rand() * 0.1, lon: 120.1 + rand() * 0.1 }));
    const somewhere = (): GeoPoint | undefined => {
      const u = rand();
      if (u < 0.08) return undefined;
      if (u < 0.25) return pick(spots); // shared positions: ties in travel
      if (u < 0.35) return { lat: 30.2 + Math.round(rand() * 10) * 0.02, lon: 120.1 + Math.round(rand() * 10) * 0.02 }; // on grid lines
      return { lat: 30.0 + rand() * 0.5, lon: 120.0 + rand() * 0.5 };
    };
    const skills = (): Skill[] =>
      SERVICES.filter(() => rand() < 0.6).map((service) => ({ service, kinds: KINDS.filter(() => rand() < 0.7) }));

    let compared = 0;
    let assigned = 0;
    let fellBack = 0;
    for (let c = 0; c < 300; c++) {
      const cellDegrees = pick([0.01, 0.02, 0.05, 0.3]);
      const roster: TechnicianCandidate[] = [];
      const n = 5 + Math.floor(rand() * 120);
      for (let i = 0; i < n; i++) {
        const dailyCapacity = 1 + Math.floor(rand() * 4);
        roster.push(
          tech(`T-${c}-${i}`, {
            region: rand() < 0.8 ? 'r1' : 'r2',
            zone: pick(ZONES),
            onDuty: rand() < 0.85,
            skills: skills(),
            dailyCapacity,
            openAssignments: Math.floor(rand() * (dailyCapacity + 1)),
            unavailable: rand() < 0.1 ? { status: pick(['resting', 'absent'] as const), reason: 'rota' } : undefined,
            position: somewhere(),
          }),
        );
      }
      const index = new TechnicianIndex({ cellDegrees });
      for (const t of roster) index.upsert(t);
      const selector = new TechnicianSelector(index.travel);

      for (let q = 0; q < 40; q++) {
        // A change first, applied to both: a move, a duty change, an assignment placed or closed, a rest.
        const t = pick(roster);
        const change = rand();
        if (change < 0.25) {
          t.position = somewhere();
          index.move(t.technicianId, t.position);
        } else if (change < 0.35) {
          t.onDuty = !t.onDuty;
          index.setOnDuty(t.technicianId, t.onDuty);
        } else if (change < 0.55) {
          t.openAssignments++;
          index.assignmentPlaced(t.technicianId);
        } else if (change < 0.75) {
          if (t.openAssignments > 0) t.openAssignments--;
          index.assignmentClosed(t.technicianId);
        } else if (change < 0.8) {
          t.unavailable = t.unavailable ? undefined : { status: 'resting', reason: 'rota' };
          index.setUnavailable(t.technicianId, t.unavailable);
        }

        const u = rand();
        const at = u < 0.1 ? undefined : u < 0.2 ? { lat: 31 + rand(), lon: 121 + rand() } : u < 0.3 ? pick(spots) : (somewhere() ?? pick(spots));
        const ticket: TicketToDispatch = { ticketId: `q${q}`, kind: pick(KINDS), service: pick(SERVICES), region: rand() < 0.85 ? 'r1' : pick(['r2', 'r3']), zone: pick(ZONES), at };
        const k = 1 + Math.floor(rand() * 6);

        const scan = selector.select(ticket, roster);
        const fromIndex = selectFromIndex(index, ticket, k);
        const expected = scan.assigned ? scan.candidates.slice(0, k).map((x) => x.technicianId) : [];
        expect({ case: c, query: q, ranked: ids(index.nearestEligible(ticket, k)) }).toEqual({ case: c, query: q, ranked: expected });
        expect({ case: c, query: q, chosen: fromIndex.assigned ? fromIndex.technician.technicianId : null, rule: fromIndex.assigned ? fromIndex.rule : null }).toEqual({
          case: c,
          query: q,
          chosen: scan.assigned ? scan.technician.technicianId : null,
          rule: scan.assigned ? scan.rule : null,
        });
        compared++;
        if (scan.assigned) assigned++;
        if (scan.assigned && scan.rule === 'region-fallback') fellBack++;
      }
    }
    // The generated cases cover both outcomes and both rules, not only the easy one.
    expect(compared).toBe(12_000);
    expect(assigned).toBeGreaterThan(3_000);
    expect(compared - assigned).toBeGreaterThan(500);
    expect(fellBack).toBeGreaterThan(1_000);
  });
});
