import { chooseTechnicianForOrder } from './route-dispatch-policy';
import { improveRoute, rebalanceRoutes, replanRoutes, seededRandom } from './route-improvement';
import { euclidean, isFeasible, routeTravel, type PlanePoint, type RouteStop, type Shift, type TechnicianRoute } from './route-planning';

const at = (x: number, y = 0): PlanePoint => ({ x, y });
const shift = (over: Partial<Shift<PlanePoint>> = {}): Shift<PlanePoint> => ({ home: at(0), start: 0, end: 1000, capacity: 10, ...over });
const stop = (id: string, x: number, y = 0, over: Partial<RouteStop<PlanePoint>> = {}): RouteStop<PlanePoint> => ({
  id,
  at: at(x, y),
  ready: 0,
  due: 1000,
  service: 0,
  load: 1,
  ...over,
});
const tech = (id: string, stops: RouteStop<PlanePoint>[], over: Partial<Shift<PlanePoint>> = {}): TechnicianRoute<PlanePoint> => ({
  technicianId: id,
  shift: shift(over),
  stops,
});

describe('chooseTechnicianForOrder: the online route-aware policy', () => {
  it('gives the order to the technician whose route grows the least', () => {
    const d = chooseTechnicianForOrder([tech('T-EAST', [stop('E', 50)]), tech('T-NORTH', [stop('N', 0, 50)])], stop('X', 0, 40), euclidean);
    expect(d).toMatchObject({ assigned: true, technicianId: 'T-NORTH', rule: 'route', position: 0, addedTravel: 0 });
    expect(d.assigned && d.candidates.map((c) => c.technicianId)).toEqual(['T-NORTH', 'T-EAST']);
  });

  it('breaks a tie on added travel by fewer stops', () => {
    const d = chooseTechnicianForOrder([tech('T-A', [stop('A1', 10), stop('A2', 30)]), tech('T-B', [stop('B1', 30)])], stop('X', 20), euclidean);
    expect(d).toMatchObject({ assigned: true, technicianId: 'T-B', addedTravel: 0 });
  });

  it('keeps a used technician even when an unused one would travel less for this order', () => {
    // Unused T-HOME2 lives next to the order (out and back 2), but T-USED can take it feasibly (adds 20).
    const d = chooseTechnicianForOrder([tech('T-USED', [stop('U', 10)]), tech('T-HOME2', [], { home: at(0, 101) })], stop('X', 0, 100), euclidean);
    expect(d).toMatchObject({ assigned: true, technicianId: 'T-USED', rule: 'route' });
  });

  it('opens an unused technician only when no used one can take the order feasibly, and the cheapest one', () => {
    const busy = tech('T-BUSY', [stop('B', 10, 0, { ready: 0, due: 0, service: 500 })]);
    const order = stop('X', 0, 100, { due: 200 });
    const d = chooseTechnicianForOrder([busy, tech('T-FAR', [], { home: at(0, -100) }), tech('T-NEAR', [], { home: at(0, 90) })], order, euclidean);
    expect(d).toMatchObject({ assigned: true, technicianId: 'T-NEAR', rule: 'new-technician', addedTravel: 20 });
  });

  it('says so when nobody can keep the window, over capacity or not', () => {
    const d = chooseTechnicianForOrder([tech('T-FULL', [stop('F', 10, 0, { load: 10 })]), tech('T-IDLE', [])], stop('X', 500, 0, { due: 100 }), euclidean);
    expect(d).toEqual({ assigned: false, reason: "no technician can keep the order's window (1 on the road, 1 unused)" });
  });
});

describe('improveRoute: re-sequencing a technician’s stops without breaking a window', () => {
  it('untangles a crossing route (2-opt) to the shorter order', () => {
    // Square corners visited crosswise: (10,0) (0,10) (10,10)… the best tour goes round the square.
    const stops = [stop('A', 10, 0), stop('C', 0, 10), stop('B', 10, 10)];
    const better = improveRoute(shift(), stops, euclidean);
    expect(routeTravel(shift(), better, euclidean)).toBeCloseTo(40, 9);
    expect(routeTravel(shift(), stops, euclidean)).toBeGreaterThan(40);
  });

  it('keeps a longer order when the shorter one would miss a window', () => {
    // A must come first (due 10) and B second (due 25): going round the square would reach B at 30.
    const stops = [stop('A', 10, 0, { due: 10 }), stop('B', 0, 10, { due: 25 }), stop('C', 10, 10)];
    expect(improveRoute(shift(), stops, euclidean).map((s) => s.id)).toEqual(['A', 'B', 'C']);
    const relaxed = [stop('A', 10, 0, { due: 10 }), stop('B', 0, 10, { due: 30 }), stop('C', 10, 10)];
    expect(improveRoute(shift(), relaxed, euclidean).map((s) => s.id)).toEqual(['A', 'C', 'B']);
  });

  it('never moves the fixed (started) stops', () => {
    const stops = [stop('FAR', 50), stop('NEAR', 10), stop('MID', 30)];
    expect(improveRoute(shift(), stops, euclidean, 1)[0]!.id).toBe('FAR');
    expect(improveRoute(shift(), stops, euclidean)[0]!.id).toBe('NEAR');
  });
});

describe('rebalanceRoutes: moving not-yet-started orders between technicians', () => {
  it('moves an order to the technician who passes by it, and no route breaks', () => {
    const routes = [tech('T-1', [stop('A', 10), stop('FAR', 0, 50)]), tech('T-2', [stop('B', 0, 40), stop('C', 0, 60)])];
    const out = rebalanceRoutes(routes, euclidean);
    const total = (rs: TechnicianRoute<PlanePoint>[]) => rs.reduce((d, r) => d + routeTravel(r.shift, r.stops, euclidean), 0);
    expect(out[1]!.stops.map((s) => s.id).slice(0, 3)).toEqual(['B', 'FAR', 'C']);
    expect(total(out)).toBeLessThan(total(routes));
    expect(out.every((r) => isFeasible(r.shift, r.stops, euclidean))).toBe(true);
    expect(routes[0]!.stops).toHaveLength(2);
  });

  it('trades orders instead when the other technician has no room for one more', () => {
    const routes = [tech('T-1', [stop('A', 10), stop('FAR', 0, 50)], { capacity: 2 }), tech('T-2', [stop('B', 0, 40), stop('C', 0, 60)], { capacity: 2 })];
    const out = rebalanceRoutes(routes, euclidean);
    expect(out.map((r) => r.stops.map((s) => s.id).sort())).toEqual([
      ['C', 'FAR'],
      ['A', 'B'],
    ]);
    expect(out.every((r) => isFeasible(r.shift, r.stops, euclidean))).toBe(true);
  });

  it('never moves a started order to another technician', () => {
    const routes = [{ ...tech('T-1', [stop('FAR', 0, 50), stop('A', 10)]), started: 1 }, tech('T-2', [stop('B', 0, 40), stop('C', 0, 60)])];
    const out = rebalanceRoutes(routes, euclidean);
    expect(out[0]!.stops[0]!.id).toBe('FAR');
    expect(replanRoutes(routes, euclidean, { iterations: 10, remove: 3, seed: 2 })[0]!.stops[0]!.id).toBe('FAR');
  });

  it('leaves a plan alone when no move shortens it', () => {
    const routes = [tech('T-1', [stop('E', 10)]), tech('T-2', [stop('W', -10)])];
    expect(rebalanceRoutes(routes, euclidean).map((r) => r.stops.map((s) => s.id))).toEqual([['E'], ['W']]);
  });
});

describe('rebalanceRoutes: swaps when neither technician has room to take one more', () => {
  it('trades two orders between technicians living at opposite ends', () => {
    const west = tech('T-WEST', [stop('NEAR-EAST', 90)], { capacity: 1 });
    const east = { ...tech('T-EAST', [stop('NEAR-WEST', 10)], { capacity: 1 }), shift: shift({ home: at(100), capacity: 1 }) };
    const out = rebalanceRoutes([west, east], euclidean);
    expect(out.map((r) => r.stops.map((s) => s.id))).toEqual([['NEAR-WEST'], ['NEAR-EAST']]);
  });
});

describe('replanRoutes: ruin and recreate over the orders known so far', () => {
  const total = (rs: TechnicianRoute<PlanePoint>[]) => rs.reduce((d, r) => d + routeTravel(r.shift, r.stops, euclidean), 0);
  // Two clusters of four orders, north and south, dealt out badly: each technician crosses between them.
  const north = [stop('N1', 0, 50), stop('N2', 5, 50), stop('N3', 5, 55), stop('N4', 0, 55)];
  const south = [stop('S1', 0, -50), stop('S2', 5, -50), stop('S3', 5, -55), stop('S4', 0, -55)];
  const mixed = () => [
    tech('T-1', [north[0]!, south[0]!, north[1]!, south[1]!], { capacity: 4 }),
    tech('T-2', [south[2]!, north[2]!, south[3]!, north[3]!], { capacity: 4 }),
    tech('T-3', [], { capacity: 4 }),
  ];

  it('separates the clusters, one technician each, keeping every order exactly once and every route feasible', () => {
    const out = replanRoutes(mixed(), euclidean, { iterations: 20, remove: 4, seed: 7 });
    const ids = out.map((r) => r.stops.map((s) => s.id[0]).join(''));
    expect(ids.filter((x) => x !== '').sort()).toEqual(['NNNN', 'SSSS']);
    expect(out.flatMap((r) => r.stops.map((s) => s.id)).sort()).toEqual([...north, ...south].map((s) => s.id).sort());
    expect(out.every((r) => isFeasible(r.shift, r.stops, euclidean))).toBe(true);
    expect(total(out)).toBeLessThan(total(mixed()));
  });

  it('is repeatable for a seed and never worse than its input', () => {
    const a = replanRoutes(mixed(), euclidean, { iterations: 5, remove: 2, seed: 3 });
    const b = replanRoutes(mixed(), euclidean, { iterations: 5, remove: 2, seed: 3 });
    expect(a).toEqual(b);
    const good = replanRoutes(mixed(), euclidean, { iterations: 20, remove: 4, seed: 7 });
    expect(total(replanRoutes(good, euclidean, { iterations: 10, remove: 3, seed: 1 }))).toBeLessThanOrEqual(total(good) + 1e-9);
  });

  it('keeps windows: an order due early stays first on its route', () => {
    const routes = [tech('T-1', [stop('EARLY', 0, 60, { due: 60 }), stop('A', 0, 10), stop('B', 0, 20)], { capacity: 4 })];
    const out = replanRoutes(routes, euclidean, { iterations: 10, remove: 3, seed: 5 });
    expect(out[0]!.stops[0]!.id).toBe('EARLY');
    expect(isFeasible(out[0]!.shift, out[0]!.stops, euclidean)).toBe(true);
  });

  it('draws the same pseudo-random numbers for the same seed, in [0, 1)', () => {
    const r1 = seededRandom(42);
    const r2 = seededRandom(42);
    const xs = Array.from({ length: 5 }, () => r1());
    expect(Array.from({ length: 5 }, () => r2())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(seededRandom(43)()).not.toBe(xs[0]);
  });
});
