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
 * Reassigns not-yet-started orders between technicians when that shortens the total travel: an
 * order is taken out of its route and put at its cheapest feasible insertion in another technician's
 * route that already has stops (never opening a new technician), first improvement, until no move
 * helps. Every route stays feasible. Returns new route objects; the input is not changed.
 */
export function rebalanceRoutes<P>(routes: readonly TechnicianRoute<P>[], travel: TravelEstimate<P>): TechnicianRoute<P>[] {
  const out = routes.map((r) => ({ ...r, stops: [...r.stops] }));
  let improved = true;
  while (improved) {
    improved = false;
    for (let a = 0; a < out.length && !improved; a++) {
      const from = out[a]!;
      for (let i = 0; i < from.stops.length && !improved; i++) {
        const without = [...from.stops.slice(0, i), ...from.stops.slice(i + 1)];
        const saved = routeTravel(from.shift, from.stops, travel) - routeTravel(from.shift, without, travel);
        if (saved <= EPS || !isFeasible(from.shift, without, travel)) continue;
        for (let b = 0; b < out.length && !improved; b++) {
          const to = out[b]!;
          if (b === a || to.stops.length === 0) continue;
          const ins = cheapestInsertion(to, from.stops[i]!, travel);
          if (ins.feasible && ins.addedTravel < saved - EPS) {
            out[b] = { ...to, stops: insertAt(to.stops, ins.position, from.stops[i]!) };
            out[a] = { ...from, stops: without };
            improved = true;
          }
        }
      }
    }
  }
  return out;
}
