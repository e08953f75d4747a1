import { cheapestInsertion, insertAt, isFeasible, routeTravel, type RouteStop, type Shift, type TechnicianRoute, type TravelEstimate } from './route-planning';

const EPS = 1e-9;

/**
 * Re-sequences a technician's not-yet-started stops by local search, keeping every window, the
 * shift end and the capacity feasible: 2-opt (reverse a run of stops) and or-opt (move a run of 1–3
 * stops elsewhere in the route), first improvement, until no move shortens the route. `fixed` leading
 * stops (already started or done) never move. Returns the stops unchanged when nothing helps.
 */
export function improveRoute<P>(shift: Shift<P>, stops: readonly RouteStop<P>[], travel: TravelEstimate<P>, fixed = 0): RouteStop<P>[] {
  let current = [...stops];
  let cost = routeTravel(shift, current, travel);
  const accept = (candidate: RouteStop<P>[]) => {
    const c = routeTravel(shift, candidate, travel);
    if (c < cost - EPS && isFeasible(shift, candidate, travel)) {
      current = candidate;
      cost = c;
      return true;
    }
    return false;
  };
  let improved = true;
  while (improved) {
    improved = false;
    const n = current.length;
    // 2-opt: reverse current[i..j].
    for (let i = fixed; i < n - 1 && !improved; i++) {
      for (let j = i + 1; j < n && !improved; j++) {
        improved = accept([...current.slice(0, i), ...current.slice(i, j + 1).reverse(), ...current.slice(j + 1)]);
      }
    }
    // or-opt: move current[i..i+len-1] to another place.
    for (let len = 1; len <= 3 && !improved; len++) {
      for (let i = fixed; i + len <= n && !improved; i++) {
        const seg = current.slice(i, i + len);
        const rest = [...current.slice(0, i), ...current.slice(i + len)];
        for (let p = fixed; p <= rest.length && !improved; p++) {
          if (p === i) continue;
          improved = accept([...rest.slice(0, p), ...seg, ...rest.slice(p)]);
        }
      }
    }
  }
  return current;
}

/**
 * Reassigns not-yet-started orders between technicians when that shortens the total travel, among
 * technicians who already have stops (an unused technician is never opened; a route may empty):
 * relocate (an order to its cheapest feasible insertion in another route), swap (two orders trade
 * places across two routes) and tail exchange (2-opt*: two routes swap their remainders after a cut).
 * First improvement, until no move helps; every route stays feasible (windows, shift end, capacity)
 * and started stops (`started`) stay where they are.
 * Returns new route objects; the input is not changed.
 */
export function rebalanceRoutes<P>(routes: readonly TechnicianRoute<P>[], travel: TravelEstimate<P>): TechnicianRoute<P>[] {
  const out = routes.map((r) => ({ ...r, stops: [...r.stops] }));
  const cost = (r: { shift: Shift<P>; stops: readonly RouteStop<P>[] }) => routeTravel(r.shift, r.stops, travel);
  /** Applies the pair of new stop lists when both routes stay feasible and the total shrinks. */
  const tryPair = (a: number, b: number, newA: RouteStop<P>[], newB: RouteStop<P>[]) => {
    const ra = out[a]!;
    const rb = out[b]!;
    if (cost({ shift: ra.shift, stops: newA }) + cost({ shift: rb.shift, stops: newB }) >= cost(ra) + cost(rb) - EPS) return false;
    if (!isFeasible(ra.shift, newA, travel) || !isFeasible(rb.shift, newB, travel)) return false;
    out[a] = { ...ra, stops: newA };
    out[b] = { ...rb, stops: newB };
    return true;
  };
  const relocate = (): boolean => {
    for (let a = 0; a < out.length; a++) {
      const from = out[a]!;
      for (let i = from.started ?? 0; i < from.stops.length; i++) {
        const without = [...from.stops.slice(0, i), ...from.stops.slice(i + 1)];
        const saved = cost(from) - cost({ shift: from.shift, stops: without });
        if (saved <= EPS || !isFeasible(from.shift, without, travel)) continue;
        for (let b = 0; b < out.length; b++) {
          const to = out[b]!;
          if (b === a || to.stops.length === 0) continue;
          const ins = cheapestInsertion(to, from.stops[i]!, travel);
          if (ins.feasible && ins.addedTravel < saved - EPS) {
            out[b] = { ...to, stops: insertAt(to.stops, ins.position, from.stops[i]!) };
            out[a] = { ...from, stops: without };
            return true;
          }
        }
      }
    }
    return false;
  };
  const node = (r: TechnicianRoute<P>, k: number) => (k < 0 || k >= r.stops.length ? r.shift.home : r.stops[k]!.at);
  const swap = (): boolean => {
    for (let a = 0; a < out.length; a++) {
      for (let b = a + 1; b < out.length; b++) {
        const ra = out[a]!;
        const rb = out[b]!;
        for (let i = ra.started ?? 0; i < ra.stops.length; i++) {
          for (let j = rb.started ?? 0; j < rb.stops.length; j++) {
            const u = ra.stops[i]!;
            const v = rb.stops[j]!;
            const delta =
              travel(node(ra, i - 1), v.at) + travel(v.at, node(ra, i + 1)) - travel(node(ra, i - 1), u.at) - travel(u.at, node(ra, i + 1)) +
              travel(node(rb, j - 1), u.at) + travel(u.at, node(rb, j + 1)) - travel(node(rb, j - 1), v.at) - travel(v.at, node(rb, j + 1));
            if (delta >= -EPS) continue;
            const newA = [...ra.stops];
            const newB = [...rb.stops];
            newA[i] = v;
            newB[j] = u;
            if (tryPair(a, b, newA, newB)) return true;
          }
        }
      }
    }
    return false;
  };
  const tails = (): boolean => {
    for (let a = 0; a < out.length; a++) {
      for (let b = a + 1; b < out.length; b++) {
        const ra = out[a]!;
        const rb = out[b]!;
        if (ra.stops.length === 0 || rb.stops.length === 0) continue;
        for (let i = ra.started ?? 0; i <= ra.stops.length; i++) {
          for (let j = rb.started ?? 0; j <= rb.stops.length; j++) {
            if ((i === 0 && j === 0) || (i === ra.stops.length && j === rb.stops.length)) continue;
            const delta =
              travel(node(ra, i - 1), node(rb, j)) + travel(node(rb, j - 1), node(ra, i)) - travel(node(ra, i - 1), node(ra, i)) - travel(node(rb, j - 1), node(rb, j));
            if (delta >= -EPS) continue;
            if (tryPair(a, b, [...ra.stops.slice(0, i), ...rb.stops.slice(j)], [...rb.stops.slice(0, j), ...ra.stops.slice(i)])) return true;
          }
        }
      }
    }
    return false;
  };
  while (relocate() || swap() || tails()) {
    // each pass applies one improving move; stop when none is left
  }
  return out;
}

/** A small deterministic pseudo-random source (mulberry32), so a re-plan is repeatable from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const totalTravel = <P>(routes: readonly TechnicianRoute<P>[], travel: TravelEstimate<P>) => routes.reduce((d, r) => d + routeTravel(r.shift, r.stops, travel), 0);

/**
 * Regret insertion of `orders` into `routes` (mutated): repeatedly places the order whose best
 * feasible insertion is most ahead of its second best (the one that would suffer most from waiting),
 * over every technician including unused ones. False when some order fits nowhere.
 */
function regretInsert<P>(routes: TechnicianRoute<P>[], orders: RouteStop<P>[], travel: TravelEstimate<P>): boolean {
  const pending = [...orders];
  while (pending.length > 0) {
    let pick: { k: number; r: number; position: number; regret: number; cost: number } | undefined;
    for (let k = 0; k < pending.length; k++) {
      let best: { r: number; position: number; cost: number } | undefined;
      let second = Infinity;
      let usedEmpty = false;
      for (let r = 0; r < routes.length; r++) {
        const route = routes[r]!;
        if (route.stops.length === 0) {
          // Unused technicians with the same shift are interchangeable: try one of them only.
          if (usedEmpty) continue;
          usedEmpty = true;
        }
        const ins = cheapestInsertion(route, pending[k]!, travel);
        if (!ins.feasible) continue;
        if (!best || ins.addedTravel < best.cost) {
          second = best?.cost ?? Infinity;
          best = { r, position: ins.position, cost: ins.addedTravel };
        } else if (ins.addedTravel < second) second = ins.addedTravel;
      }
      if (!best) return false;
      const regret = second === Infinity ? Number.MAX_VALUE : second - best.cost;
      if (!pick || regret > pick.regret + EPS || (Math.abs(regret - pick.regret) <= EPS && best.cost < pick.cost)) pick = { k, ...best, regret };
    }
    const order = pending.splice(pick!.k, 1)[0]!;
    const route = routes[pick!.r]!;
    routes[pick!.r] = { ...route, stops: insertAt(route.stops, pick!.position, order) };
  }
  return true;
}

/**
 * Re-plans the not-yet-started orders of all technicians by ruin and recreate (large neighbourhood
 * search): take out `remove` related orders (near one another in place and time, around a random
 * one), put them back by regret insertion, keep the result when the total travel shrinks; then
 * polish with rebalanceRoutes and improveRoute. Started stops never move. Deterministic for a seed;
 * every route stays feasible;
 * never worse than the input. Usable online: it only needs the orders known so far.
 */
export function replanRoutes<P>(
  routes: readonly TechnicianRoute<P>[],
  travel: TravelEstimate<P>,
  options: { iterations: number; remove: number; seed: number; threshold?: number },
): TechnicianRoute<P>[] {
  const random = seededRandom(options.seed);
  const threshold = options.threshold ?? 0.01;
  let best = routes.map((r) => ({ ...r, stops: [...r.stops] }));
  let bestCost = totalTravel(best, travel);
  let current = best;
  let currentCost = bestCost;
  for (let it = 0; it < options.iterations; it++) {
    const all = current.flatMap((r) => r.stops.slice(r.started ?? 0));
    if (all.length < 2) break;
    const center = all[Math.floor(random() * all.length)]!;
    const related = all
      .map((s) => ({ s, score: travel(center.at, s.at) + Math.abs(center.ready - s.ready) + random() * 1e-6 }))
      .sort((a, b) => a.score - b.score)
      .slice(0, Math.min(options.remove, all.length))
      .map((x) => x.s);
    const removed = new Set(related);
    const trial = current.map((r) => ({ ...r, stops: r.stops.filter((s) => !removed.has(s)) }));
    if (trial.some((r) => !isFeasible(r.shift, r.stops, travel))) continue;
    if (!regretInsert(trial, related, travel)) continue;
    const c = totalTravel(trial, travel);
    // Record-to-record acceptance: a plan within `threshold` of the best so far may be explored further.
    if (c < currentCost - EPS || c < bestCost * (1 + threshold)) {
      current = trial;
      currentCost = c;
    }
    if (c < bestCost - EPS) {
      best = trial;
      bestCost = c;
    }
  }
  return rebalanceRoutes(best, travel).map((r) => ({ ...r, stops: improveRoute(r.shift, r.stops, travel, r.started ?? 0) }));
}
