/**
 * A technician's route for the day and route-aware insertion (issue 5, "Appointments and
 * route-aware scheduling"): ordered stops with appointment windows and service durations, timed
 * from the technician's home with a pluggable travel-time estimate. Plain code, no I/O.
 *
 * Timing rule (the VRPTW convention): the technician leaves home at the shift start, drives to each
 * stop in order, waits if it arrives before the window opens, starts the work no later than the
 * window's end, and must be back home by the shift end. Times are plain numbers in one unit
 * (minutes in production, Solomon's time units in the benchmark); travel time is in the same unit.
 */

/** Travel time between two places, in the route's time unit. */
export type TravelEstimate<P> = (from: P, to: P) => number;

export interface PlanePoint {
  x: number;
  y: number;
}

export interface GeoPoint {
  lat: number;
  lon: number;
}

/** Straight-line distance on a plane as the travel time (the Solomon benchmark: travel time = distance). */
export const euclidean: TravelEstimate<PlanePoint> = (a, b) => Math.hypot(a.x - b.x, a.y - b.y);

/**
 * Travel time in minutes between real coordinates: great-circle distance (haversine) stretched by a
 * detour factor for the road network, at an average speed.
 */
export function haversineTravel(options: { speedKmh: number; detourFactor?: number }): TravelEstimate<GeoPoint> {
  const { speedKmh, detourFactor = 1.3 } = options;
  if (!(speedKmh > 0)) throw new Error('speedKmh must be positive');
  const R = 6371;
  const rad = (d: number) => (d * Math.PI) / 180;
  return (a, b) => {
    const dLat = rad(b.lat - a.lat);
    const dLon = rad(b.lon - a.lon);
    const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
    const km = 2 * R * Math.asin(Math.min(1, Math.sqrt(h))) * detourFactor;
    return (km / speedKmh) * 60;
  };
}

/** An order to visit: where, its appointment window (latest start = due), how long the work takes, its load. */
export interface RouteStop<P> {
  id: string;
  at: P;
  ready: number;
  due: number;
  service: number;
  /** Against the technician's daily capacity (1 per order in production; Solomon's demand in the benchmark). */
  load: number;
}

export interface Shift<P> {
  home: P;
  start: number;
  /** Latest return home. */
  end: number;
  /** Daily capacity: the sum of the stops' loads may not exceed it. */
  capacity: number;
}

export interface TechnicianRoute<P> {
  technicianId: string;
  shift: Shift<P>;
  stops: readonly RouteStop<P>[];
  /** How many leading stops are started or done: they never move, and nothing is inserted before them (default 0). */
  started?: number;
}

export interface TimedStop {
  id: string;
  arrival: number;
  start: number;
  wait: number;
  departure: number;
}

export type Violation =
  | { kind: 'window'; stopId: string; lateBy: number }
  | { kind: 'shift-end'; lateBy: number }
  | { kind: 'capacity'; over: number };

export interface RouteSchedule {
  timed: TimedStop[];
  travel: number;
  load: number;
  returnHome: number;
  violations: Violation[];
}

const EPS = 1e-9;

/** Times every stop of the route and lists what it breaks (late starts, late return, overload). */
export function scheduleRoute<P>(shift: Shift<P>, stops: readonly RouteStop<P>[], travel: TravelEstimate<P>): RouteSchedule {
  const timed: TimedStop[] = [];
  const violations: Violation[] = [];
  let here = shift.home;
  let time = shift.start;
  let dist = 0;
  let load = 0;
  for (const s of stops) {
    const leg = travel(here, s.at);
    dist += leg;
    const arrival = time + leg;
    const start = Math.max(arrival, s.ready);
    if (start > s.due + EPS) violations.push({ kind: 'window', stopId: s.id, lateBy: start - s.due });
    time = start + s.service;
    timed.push({ id: s.id, arrival, start, wait: start - arrival, departure: time });
    load += s.load;
    here = s.at;
  }
  const back = travel(here, shift.home);
  dist += stops.length > 0 ? back : 0;
  const returnHome = stops.length > 0 ? time + back : shift.start;
  if (returnHome > shift.end + EPS) violations.push({ kind: 'shift-end', lateBy: returnHome - shift.end });
  if (load > shift.capacity + EPS) violations.push({ kind: 'capacity', over: load - shift.capacity });
  return { timed, travel: dist, load, returnHome, violations };
}

export function isFeasible<P>(shift: Shift<P>, stops: readonly RouteStop<P>[], travel: TravelEstimate<P>): boolean {
  return scheduleRoute(shift, stops, travel).violations.length === 0;
}

/** Total travel of a route, home to home (0 for an empty route). */
export function routeTravel<P>(shift: Shift<P>, stops: readonly RouteStop<P>[], travel: TravelEstimate<P>): number {
  let here = shift.home;
  let d = 0;
  for (const s of stops) {
    d += travel(here, s.at);
    here = s.at;
  }
  return stops.length > 0 ? d + travel(here, shift.home) : 0;
}

export type Insertion =
  | {
      feasible: true;
      /** Index the new stop takes in the route (0 = first stop). */
      position: number;
      /** Travel added to the route. */
      addedTravel: number;
      /** How much later the new stop's work could start without breaking its window or any later stop. */
      slack: number;
      /** When the work on the new stop would start. */
      start: number;
    }
  | { feasible: false; reason: 'capacity' | 'no-feasible-position' };

/**
 * Cheapest feasible insertion of `order` into the route: every position is tried in O(1) with the
 * route's earliest start times (forward) and latest start times (backward), and the one that adds
 * the least travel wins (ties: the earlier position). Never before the route's started stops. The
 * route itself must be feasible.
 */
export function cheapestInsertion<P>(route: Pick<TechnicianRoute<P>, 'shift' | 'stops' | 'started'>, order: RouteStop<P>, travel: TravelEstimate<P>): Insertion {
  const { shift, stops } = route;
  const firstOpen = Math.min(route.started ?? 0, stops.length);
  const n = stops.length;
  let load = order.load;
  for (const s of stops) load += s.load;
  if (load > shift.capacity + EPS) return { feasible: false, reason: 'capacity' };

  // Forward: departure from each node (node 0 = home at the shift start, node i = stop i-1).
  const departure: number[] = [shift.start];
  let here = shift.home;
  for (let i = 0; i < n; i++) {
    const s = stops[i]!;
    const start = Math.max(departure[i]! + travel(here, s.at), s.ready);
    departure.push(start + s.service);
    here = s.at;
  }
  // Backward: latest arrival at each node so that everything after it still fits (node n+1 = home).
  const latest: number[] = new Array<number>(n + 2);
  latest[n + 1] = shift.end;
  let next = shift.home;
  for (let i = n; i >= 1; i--) {
    const s = stops[i - 1]!;
    latest[i] = Math.min(s.due, latest[i + 1]! - travel(s.at, next) - s.service);
    next = s.at;
  }

  let best: Insertion | undefined;
  for (let p = firstOpen; p <= n; p++) {
    const prev = p === 0 ? shift.home : stops[p - 1]!.at;
    const nextNode = p === n ? shift.home : stops[p]!.at;
    const start = Math.max(departure[p]! + travel(prev, order.at), order.ready);
    if (start > order.due + EPS) continue;
    const toNext = travel(order.at, nextNode);
    const arrivalNext = start + order.service + toNext;
    // latest[p+1] is a latest *start* for a stop; max(arrival, ready) <= latest iff arrival <= latest (ready <= latest when feasible).
    if (arrivalNext > latest[p + 1]! + EPS) continue;
    const added = travel(prev, order.at) + toNext - (n === 0 ? 0 : travel(prev, nextNode));
    if (best?.feasible && added >= best.addedTravel - EPS) continue;
    const latestStart = Math.min(order.due, latest[p + 1]! - toNext - order.service);
    best = { feasible: true, position: p, addedTravel: added, slack: latestStart - start, start };
  }
  return best ?? { feasible: false, reason: 'no-feasible-position' };
}

export function insertAt<T>(stops: readonly T[], position: number, stop: T): T[] {
  return [...stops.slice(0, position), stop, ...stops.slice(position)];
}

/**
 * The appointment windows a technician's route can still offer for an order (issue 5: "offers slots
 * that a real technician can keep"): each candidate window is kept when the order, booked in it,
 * has a feasible insertion; with the travel that booking would add.
 */
export function offerableWindows<P>(
  route: Pick<TechnicianRoute<P>, 'shift' | 'stops' | 'started'>,
  order: Omit<RouteStop<P>, 'ready' | 'due'>,
  candidates: readonly { from: number; to: number }[],
  travel: TravelEstimate<P>,
): { from: number; to: number; addedTravel: number }[] {
  const offers: { from: number; to: number; addedTravel: number }[] = [];
  for (const w of candidates) {
    const ins = cheapestInsertion(route, { ...order, ready: w.from, due: w.to }, travel);
    if (ins.feasible) offers.push({ from: w.from, to: w.to, addedTravel: ins.addedTravel });
  }
  return offers;
}
