import { cheapestInsertion, type RouteStop, type TechnicianRoute, type TravelEstimate } from './route-planning';

export type RouteDecision =
  | {
      assigned: true;
      technicianId: string;
      /** 'route' = a technician already on the road today took it; 'new-technician' = an unused one was opened. */
      rule: 'route' | 'new-technician';
      position: number;
      addedTravel: number;
      slack: number;
      /** Technicians whose route could take the order, cheapest first (the chosen one first). */
      candidates: { technicianId: string; addedTravel: number; stops: number }[];
    }
  | { assigned: false; reason: string };

const byCost = (a: { addedTravel: number; stops: number; technicianId: string }, b: { addedTravel: number; stops: number; technicianId: string }) =>
  a.addedTravel - b.addedTravel || a.stops - b.stops || (a.technicianId < b.technicianId ? -1 : a.technicianId > b.technicianId ? 1 : 0);

/**
 * The online policy for an arriving order (issue 5, route-aware dispatch): among technicians who
 * already have stops today and whose route can take the order feasibly (every window, the shift
 * end and the daily capacity kept), the one whose route grows the least (ties: fewer stops, then
 * the id); an unused technician is opened only when no used one can take it, and then the one
 * whose home is cheapest to serve it from.
 */
export function chooseTechnicianForOrder<P>(routes: readonly TechnicianRoute<P>[], order: RouteStop<P>, travel: TravelEstimate<P>): RouteDecision {
  const tryGroup = (group: readonly TechnicianRoute<P>[]) => {
    const found: { technicianId: string; addedTravel: number; stops: number; position: number; slack: number }[] = [];
    for (const r of group) {
      const ins = cheapestInsertion(r, order, travel);
      if (ins.feasible) found.push({ technicianId: r.technicianId, addedTravel: ins.addedTravel, stops: r.stops.length, position: ins.position, slack: ins.slack });
    }
    return found.sort(byCost);
  };
  for (const [group, rule] of [
    [routes.filter((r) => r.stops.length > 0), 'route'],
    [routes.filter((r) => r.stops.length === 0), 'new-technician'],
  ] as const) {
    const found = tryGroup(group);
    const best = found[0];
    if (best) {
      return {
        assigned: true,
        technicianId: best.technicianId,
        rule,
        position: best.position,
        addedTravel: best.addedTravel,
        slack: best.slack,
        candidates: found.map(({ technicianId, addedTravel, stops }) => ({ technicianId, addedTravel, stops })),
      };
    }
  }
  const unused = routes.filter((r) => r.stops.length === 0).length;
  return {
    assigned: false,
    reason: `no technician can keep the order's window (${routes.length - unused} on the road, ${unused} unused)`,
  };
}
