import {
  cheapestInsertion,
  euclidean,
  haversineTravel,
  offerableWindows,
  routeTravel,
  scheduleRoute,
  type PlanePoint,
  type RouteStop,
  type Shift,
} from './route-planning';

// A line world: home at x=0, travel time = distance.
const at = (x: number, y = 0): PlanePoint => ({ x, y });
const shift = (over: Partial<Shift<PlanePoint>> = {}): Shift<PlanePoint> => ({ home: at(0), start: 0, end: 100, capacity: 10, ...over });
const stop = (id: string, x: number, yOrOver: number | Partial<RouteStop<PlanePoint>> = {}, more: Partial<RouteStop<PlanePoint>> = {}): RouteStop<PlanePoint> => ({
  id,
  at: at(x, typeof yOrOver === 'number' ? yOrOver : 0),
  ready: 0,
  due: 100,
  service: 0,
  load: 1,
  ...(typeof yOrOver === 'number' ? {} : yOrOver),
  ...more,
});

describe('scheduleRoute: timing and feasibility of a technician’s day', () => {
  it('times each stop: drive, wait for the window to open, work, and return home', () => {
    const s = scheduleRoute(shift(), [stop('A', 10, { ready: 15, service: 5 }), stop('B', 20, { service: 2 })], euclidean);
    expect(s.timed).toEqual([
      { id: 'A', arrival: 10, start: 15, wait: 5, departure: 20 },
      { id: 'B', arrival: 30, start: 30, wait: 0, departure: 32 },
    ]);
    expect(s.travel).toBe(40);
    expect(s.returnHome).toBe(52);
    expect(s.violations).toEqual([]);
  });

  it('reports a window missed when the work would start after the window closes', () => {
    const s = scheduleRoute(shift(), [stop('A', 10, { service: 20 }), stop('B', 20, { due: 25 })], euclidean);
    expect(s.violations).toEqual([{ kind: 'window', stopId: 'B', lateBy: 15 }]);
  });

  it('reports the shift end when the technician gets home too late', () => {
    const s = scheduleRoute(shift({ end: 50 }), [stop('A', 30)], euclidean);
    expect(s.violations).toEqual([{ kind: 'shift-end', lateBy: 10 }]);
  });

  it('reports the daily capacity when the loads exceed it', () => {
    const s = scheduleRoute(shift({ capacity: 2 }), [stop('A', 1, { load: 2 }), stop('B', 2)], euclidean);
    expect(s.violations).toEqual([{ kind: 'capacity', over: 1 }]);
  });

  it('an empty route travels nothing and is feasible', () => {
    expect(scheduleRoute(shift(), [], euclidean)).toMatchObject({ travel: 0, violations: [] });
    expect(routeTravel(shift(), [], euclidean)).toBe(0);
  });
});

describe('cheapestInsertion: where a new order goes, what it adds, the slack it leaves', () => {
  it('puts an order on the way between two stops, adding no travel', () => {
    const ins = cheapestInsertion({ shift: shift(), stops: [stop('A', 10), stop('B', 30)] }, stop('N', 20), euclidean);
    expect(ins).toEqual({ feasible: true, position: 1, addedTravel: 0, start: 20, slack: 40 });
  });

  it('adds the detour when the order is off the line, at the position where it is smallest', () => {
    const order = { ...stop('N', 0), at: at(20, 10) };
    const ins = cheapestInsertion({ shift: shift({ end: 200 }), stops: [stop('A', 10), stop('B', 30)] }, order, euclidean);
    // Between A and B it would add 2·√200 − 20 ≈ 8.3; after B, on the way home, only √200 + √500 − 30 ≈ 6.5.
    expect(ins.feasible && ins.position).toBe(2);
    expect(ins.feasible && ins.addedTravel).toBeCloseTo(Math.hypot(10, 10) + Math.hypot(20, 10) - 30, 9);
  });

  it('skips the cheapest position when its window would be missed there, and takes the next feasible one', () => {
    // On the way between A (10 units of work at x=20) and B, N would start at 40, past its due 35: it goes first, a detour of 20.
    const route = { shift: shift({ end: 200 }), stops: [stop('A', 20, { service: 10 }), stop('B', 40)] };
    expect(cheapestInsertion(route, stop('N', 30, { due: 35 }), euclidean)).toEqual({ feasible: true, position: 0, addedTravel: 20, start: 30, slack: 5 });
    expect(cheapestInsertion(route, stop('N', 30, { due: 45 }), euclidean)).toMatchObject({ feasible: true, position: 1, addedTravel: 0 });
  });

  it('never pushes a later stop past its window', () => {
    // N (4 units of work at x=20) is free between A and B or after B; the earlier position wins a tie,
    // unless serving N first would make B start at 34, past its due 31.
    const order = stop('N', 20, { service: 4 });
    expect(cheapestInsertion({ shift: shift(), stops: [stop('A', 10), stop('B', 30)] }, order, euclidean)).toMatchObject({ feasible: true, position: 1, addedTravel: 0 });
    expect(cheapestInsertion({ shift: shift(), stops: [stop('A', 10), stop('B', 30, { due: 31 })] }, order, euclidean)).toMatchObject({
      feasible: true,
      position: 2,
      addedTravel: 0,
    });
  });

  it('refuses an order that breaks the shift end wherever it goes', () => {
    expect(cheapestInsertion({ shift: shift({ end: 50 }), stops: [stop('A', 10)] }, stop('N', 30), euclidean)).toEqual({ feasible: false, reason: 'no-feasible-position' });
  });

  it('refuses an order over the daily capacity', () => {
    expect(cheapestInsertion({ shift: shift({ capacity: 2 }), stops: [stop('A', 10, { load: 2 })] }, stop('N', 11), euclidean)).toEqual({ feasible: false, reason: 'capacity' });
  });

  it('never inserts before the stops already started', () => {
    // Cheapest would be first (on the way to A), but A is under way: N goes after it.
    const route = { shift: shift(), stops: [stop('A', 20), stop('B', 20, 20)], started: 1 };
    const after = cheapestInsertion(route, stop('N', 10), euclidean);
    expect(after).toMatchObject({ feasible: true, position: 2 });
    expect(after.feasible && after.addedTravel).toBeCloseTo(Math.hypot(10, 20) + 10 - Math.hypot(20, 20), 9);
    expect(cheapestInsertion({ ...route, started: 0 }, stop('N', 10), euclidean)).toMatchObject({ feasible: true, position: 0, addedTravel: 0 });
  });

  it('into an empty route: out and back from home', () => {
    expect(cheapestInsertion({ shift: shift(), stops: [] }, stop('N', 10, { ready: 30 }), euclidean)).toEqual({
      feasible: true,
      position: 0,
      addedTravel: 20,
      start: 30,
      slack: 60,
    });
  });
});

describe('offerableWindows: the appointment slots a route can still keep', () => {
  it('offers only the windows the technician can reach given the booked stops', () => {
    // Booked: A at x=10, work fixed from 10 to 50. A new order at x=20 (10 units of work) cannot start before 60.
    const route = { shift: shift({ end: 200 }), stops: [stop('A', 10, { ready: 10, due: 10, service: 40 })] };
    const offers = offerableWindows(route, { id: 'N', at: at(20), service: 10, load: 1 }, [
      { from: 0, to: 15 },
      { from: 20, to: 40 },
      { from: 60, to: 80 },
      { from: 190, to: 195 },
    ], euclidean);
    // 0–15: cannot reach x=20 before 20; 20–40: clashes with A either way; 190–195: home after the shift end.
    expect(offers).toEqual([{ from: 60, to: 80, addedTravel: 20 }]);
  });
});

describe('haversineTravel: minutes between real coordinates', () => {
  it('turns about 11.1 km (0.1° of latitude) at 30 km/h with no detour into about 22 minutes', () => {
    const t = haversineTravel({ speedKmh: 30, detourFactor: 1 })({ lat: 30.2, lon: 120.1 }, { lat: 30.3, lon: 120.1 });
    expect(t).toBeCloseTo(22.24, 1);
  });

  it('stretches by the detour factor and is symmetric', () => {
    const a = { lat: 30.25, lon: 120.15 };
    const b = { lat: 30.28, lon: 120.2 };
    const plain = haversineTravel({ speedKmh: 40, detourFactor: 1 });
    const road = haversineTravel({ speedKmh: 40, detourFactor: 1.5 });
    expect(road(a, b)).toBeCloseTo(plain(a, b) * 1.5, 9);
    expect(plain(a, b)).toBeCloseTo(plain(b, a), 9);
  });
});
