/**
 * Route quality of dispatch's online policy on Solomon's VRPTW instances (issue 5, "Performance and
 * quality"). `make bench-dispatch` (part of `make bench`) compiles and runs it; no infrastructure.
 *
 * Each instance (test/bench/solomon/*.vrp, 100 customers) becomes a day of dispatch: a vehicle is a
 * technician whose home is the depot and whose shift is the depot's window, a customer is an order
 * with an appointment window (latest start = due), a service duration and a load against the
 * technician's daily capacity (the vehicle capacity). Orders arrive **one at a time in order of
 * ready time** and each is given to a technician at once, without knowing later orders. Distance
 * and travel time follow the DIMACS convention (Euclidean, truncated to one decimal), the same as
 * the published optimum in each .sol file, which this run re-measures to prove it.
 *
 * Compared in the same run:
 *   greedy-nearest    the technician (already on the road) whose last stop is nearest and who can
 *                     append it feasibly; an unused technician when none can.
 *   insertion         chooseTechnicianForOrder: cheapest feasible insertion over the technicians
 *                     on the road, a new technician only when none can take it.
 *   +2opt/or-opt      the same, then the chosen technician's stops re-sequenced by local search.
 *   +reassign         the same, then orders moved between technicians on the road when that
 *                     shortens the total (the orders are not started: the day has not begun).
 *
 * An order no technician can take feasibly is still given out (to the least added travel, windows
 * ignored) and counted as missed windows: nothing is dropped. Not a test: it prints what it measured;
 * the process exits 0 either way. Goal (issue 5): all windows met, distance <= 1.10 x optimum, and
 * clearly better than greedy (we count "clearly" as at least 10% shorter).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chooseTechnicianForOrder } from '../../apps/dispatch/src/domain/route-dispatch-policy';
import { improveRoute, rebalanceRoutes, replanRoutes } from '../../apps/dispatch/src/domain/route-improvement';
import { insertAt, routeTravel, scheduleRoute, type RouteStop, type TechnicianRoute, type TravelEstimate, type PlanePoint } from '../../apps/dispatch/src/domain/route-planning';
import { parseSolomonSol, parseSolomonVrp, solomonDistance, type SolomonInstance } from '../../libs/testing/src/solomon-format';

const DATA = join(__dirname, '..', '..', '..', 'test', 'bench', 'solomon');
const INSTANCES = (process.env.BENCH_INSTANCES ?? 'C101,R101,RC101,C201,R201,RC201').split(',').filter((s) => s !== '');
const TARGET_RATIO = 1.1;
const CLEARLY_BETTER = 0.9;

type P = PlanePoint & { node: number };
const travel: TravelEstimate<P> = solomonDistance;

type Variant = 'greedy-nearest' | 'insertion' | '+2opt/or-opt' | '+reassign' | '+replan';
const VARIANTS: Variant[] = ['greedy-nearest', 'insertion', '+2opt/or-opt', '+reassign', '+replan'];
const REPLAN = { iterations: Math.floor(Number(process.env.BENCH_REPLAN_ITERATIONS ?? 30)), remove: Math.floor(Number(process.env.BENCH_REPLAN_REMOVE ?? 15)) };
const SEED = Math.floor(Number(process.env.BENCH_SEED ?? 0));

interface Outcome {
  distance: number;
  missed: number;
  technicians: number;
  forced: number;
  ms: number;
}

function ordersOf(inst: SolomonInstance): RouteStop<P>[] {
  return inst.customers
    .map((c) => ({ id: String(c.id), at: { x: c.x, y: c.y, node: c.id }, ready: c.ready, due: c.due, service: c.service, load: c.demand }))
    .sort((a, b) => a.ready - b.ready || a.due - b.due || a.at.node - b.at.node);
}

function emptyRoutes(inst: SolomonInstance): TechnicianRoute<P>[] {
  const home = { x: inst.depot.x, y: inst.depot.y, node: inst.depot.id };
  return Array.from({ length: inst.vehicles }, (_, i) => ({
    technicianId: `T${String(i + 1).padStart(2, '0')}`,
    shift: { home, start: inst.depot.ready, end: inst.depot.due, capacity: inst.capacity },
    stops: [],
  }));
}

/** Last resort when no technician can keep the window: least added travel where the load still fits, windows ignored. */
function force(routes: TechnicianRoute<P>[], order: RouteStop<P>): void {
  let best: { r: number; p: number; added: number } | undefined;
  routes.forEach((route, r) => {
    const load = route.stops.reduce((s, x) => s + x.load, 0);
    if (load + order.load > route.shift.capacity) return;
    for (let p = 0; p <= route.stops.length; p++) {
      const added = routeTravel(route.shift, insertAt(route.stops, p, order), travel) - routeTravel(route.shift, route.stops, travel);
      if (!best || added < best.added) best = { r, p, added };
    }
  });
  if (!best) throw new Error(`order ${order.id} fits no technician's capacity`);
  routes[best.r] = { ...routes[best.r]!, stops: insertAt(routes[best.r]!.stops, best.p, order) };
}

function greedyNearest(routes: TechnicianRoute<P>[], order: RouteStop<P>): boolean {
  let best: { r: number; d: number } | undefined;
  routes.forEach((route, r) => {
    if (route.stops.length === 0) return;
    const appended = [...route.stops, order];
    if (scheduleRoute(route.shift, appended, travel).violations.length > 0) return;
    const d = travel(route.stops[route.stops.length - 1]!.at, order.at);
    if (!best || d < best.d) best = { r, d };
  });
  if (!best) {
    const r = routes.findIndex((route) => route.stops.length === 0 && scheduleRoute(route.shift, [order], travel).violations.length === 0);
    if (r < 0) return false;
    best = { r, d: 0 };
  }
  routes[best.r] = { ...routes[best.r]!, stops: [...routes[best.r]!.stops, order] };
  return true;
}

function run(inst: SolomonInstance, variant: Variant): Outcome {
  const t0 = process.hrtime.bigint();
  let routes = emptyRoutes(inst);
  let forced = 0;
  for (const order of ordersOf(inst)) {
    if (variant === 'greedy-nearest') {
      if (!greedyNearest(routes, order)) {
        force(routes, order);
        forced++;
      }
      continue;
    }
    const decision = chooseTechnicianForOrder(routes, order, travel);
    if (!decision.assigned) {
      force(routes, order);
      forced++;
      continue;
    }
    const i = routes.findIndex((r) => r.technicianId === decision.technicianId);
    const chosen = routes[i]!;
    let stops = insertAt(chosen.stops, decision.position, order);
    if (variant !== 'insertion') stops = improveRoute(chosen.shift, stops, travel);
    routes[i] = { ...chosen, stops };
    if (variant === '+reassign') routes = rebalanceRoutes(routes, travel).map((r) => ({ ...r, stops: improveRoute(r.shift, r.stops, travel) }));
    if (variant === '+replan') routes = replanRoutes(routes, travel, { ...REPLAN, seed: SEED * 1000 + Number(order.id) });
  }
  let distance = 0;
  let missed = 0;
  for (const r of routes) {
    const s = scheduleRoute(r.shift, r.stops, travel);
    distance += s.travel;
    missed += s.violations.filter((v) => v.kind !== 'capacity').length;
    if (s.violations.some((v) => v.kind === 'capacity')) throw new Error(`${inst.name} ${variant}: capacity broken`);
  }
  const served = routes.reduce((n, r) => n + r.stops.length, 0);
  if (served !== inst.customers.length) throw new Error(`${inst.name} ${variant}: ${served} of ${inst.customers.length} orders on a route`);
  return { distance, missed, technicians: routes.filter((r) => r.stops.length > 0).length, forced, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
}

function publishedDistance(inst: SolomonInstance, routes: number[][]): number {
  const byId = new Map([inst.depot, ...inst.customers].map((n) => [n.id, n]));
  let d = 0;
  for (const r of routes) {
    let here = inst.depot;
    for (const id of r) {
      const n = byId.get(id)!;
      d += solomonDistance(here, n);
      here = n;
    }
    d += solomonDistance(here, inst.depot);
  }
  return d;
}

const pad = (s: string | number, n: number) => String(s).padStart(n);
const out = (line: string) => process.stdout.write(`${line}\n`);

out('Dispatch route quality on Solomon VRPTW (online, orders in order of ready time; DIMACS distances)');
out(`goal: 0 windows missed, distance <= ${TARGET_RATIO.toFixed(2)} x optimum, <= ${CLEARLY_BETTER.toFixed(2)} x greedy-nearest`);
out('');
out(`${'instance'.padEnd(8)} ${'policy'.padEnd(15)} ${pad('distance', 9)} ${pad('missed', 6)} ${pad('techs', 5)} ${pad('/opt', 6)} ${pad('/greedy', 7)} ${pad('ms', 6)}  verdict`);
const summary: Record<Variant, { ratio: number[]; pass: number }> = {
  'greedy-nearest': { ratio: [], pass: 0 },
  insertion: { ratio: [], pass: 0 },
  '+2opt/or-opt': { ratio: [], pass: 0 },
  '+reassign': { ratio: [], pass: 0 },
  '+replan': { ratio: [], pass: 0 },
};
for (const name of INSTANCES) {
  const inst = parseSolomonVrp(readFileSync(join(DATA, `${name}.vrp`), 'utf8'));
  const sol = parseSolomonSol(readFileSync(join(DATA, `${name}.sol`), 'utf8'));
  const remeasured = publishedDistance(inst, sol.routes);
  if (Math.abs(remeasured - sol.cost) > 0.05) throw new Error(`${name}: published routes measure ${remeasured.toFixed(1)}, the .sol says ${sol.cost}`);
  out(`${name.padEnd(8)} ${'optimum'.padEnd(15)} ${pad(sol.cost.toFixed(1), 9)} ${pad(0, 6)} ${pad(sol.routes.length, 5)} ${pad('1.000', 6)} ${pad('', 7)} ${pad('', 6)}  (published; re-measured ${remeasured.toFixed(1)})`);
  const results = new Map<Variant, Outcome>();
  for (const v of VARIANTS) results.set(v, run(inst, v));
  const greedy = results.get('greedy-nearest')!;
  for (const v of VARIANTS) {
    const o = results.get(v)!;
    const ratio = o.distance / sol.cost;
    const vsGreedy = o.distance / greedy.distance;
    summary[v].ratio.push(ratio);
    let verdict = '';
    if (v !== 'greedy-nearest') {
      const misses: string[] = [];
      if (o.missed > 0) misses.push(`${o.missed} windows missed`);
      if (ratio > TARGET_RATIO) misses.push(`${ratio.toFixed(3)} > ${TARGET_RATIO.toFixed(2)} x optimum`);
      // Where greedy itself is already optimal nothing can be clearly better: say so rather than count it as met or missed.
      const greedyOptimal = greedy.distance <= sol.cost + 0.05;
      if (vsGreedy > CLEARLY_BETTER && !greedyOptimal) misses.push('not clearly better than greedy');
      verdict = misses.length === 0 ? 'PASS' : `FAIL (${misses.join('; ')})`;
      if (misses.length === 0 && vsGreedy > CLEARLY_BETTER) verdict = 'PASS* (optimal; greedy is optimal here too, so it cannot be beaten)';
      if (misses.length === 0) summary[v].pass++;
    }
    if (o.forced > 0) verdict += ` [${o.forced} orders no technician could keep]`;
    out(`${''.padEnd(8)} ${v.padEnd(15)} ${pad(o.distance.toFixed(1), 9)} ${pad(o.missed, 6)} ${pad(o.technicians, 5)} ${pad(ratio.toFixed(3), 6)} ${pad(vsGreedy.toFixed(3), 7)} ${pad(o.ms.toFixed(0), 6)}  ${verdict}`);
  }
}
out('');
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
for (const v of VARIANTS) {
  const s = summary[v];
  out(`${v.padEnd(15)} mean distance/optimum ${mean(s.ratio).toFixed(3)}${v === 'greedy-nearest' ? '' : `, goal met on ${s.pass} of ${INSTANCES.length}`}`);
}
