/**
 * Decision latency of dispatch (issue 5, "Performance and quality": p99 ≤ 10 ms with 10,000
 * technicians and 100,000 open orders — a spatial index, not a scan). `make bench-dispatch-latency`
 * (part of `make bench`) compiles and runs it; no infrastructure, all in memory.
 *
 * It generates a seeded province: technicians in groups of 4–6 per area (one zone per engineer),
 * areas scattered around several cities (one region per city), a support team per city, skills,
 * daily capacities, one engineer per group resting, a few off duty; then orders near the areas.
 * The first BENCH_ORDERS − BENCH_DECISIONS orders are placed before timing (with the index), so the
 * timed decisions run against a loaded roster. Then each timed order is placed one at a time, and
 * between orders the day goes on: about every second decision an open assignment completes (the
 * technician is now at that order's place), every 50th a technician goes on or off duty.
 *
 * Compared on every timed decision, in the same run, over the same state:
 *   index          TechnicianIndex.nearestEligible(order, k) + selectFromIndex + assignmentPlaced
 *   selector scan  TechnicianSelector.select over the region's roster (what the service runs now,
 *                  after loading that roster), + the chosen one's open count
 *   linear min     one pass over the region's roster keeping the best eligible (no sort, no text):
 *                  the cheapest a scan can be
 * It prints p50/p95/p99/max per decision, the ratio of the p99s, PASS/FAIL against 10 ms for the
 * index, and how often the three chose differently (expected 0). Not a test: asserts nothing.
 *
 * BENCH_SEED (1), BENCH_TECHNICIANS (10000), BENCH_ORDERS (100000), BENCH_DECISIONS (5000: the scans
 * dominate the run time; 20000 takes ≈ 2.5 min on a busy 2-core machine),
 * BENCH_K (5, candidates the index returns), BENCH_CELL (0.02, grid cell in degrees), BENCH_CITIES (6, 1–8).
 */
import { cpus, loadavg } from 'node:os';
import { TechnicianIndex, selectFromIndex } from '../../apps/dispatch/src/domain/technician-index';
import {
  TechnicianSelector,
  byTravelThenWorkload,
  exclusionOf,
  travelTo,
  type Skill,
  type TechnicianCandidate,
  type TicketToDispatch,
} from '../../apps/dispatch/src/domain/technician-selector';
import type { GeoPoint } from '../../apps/dispatch/src/domain/route-planning';
import type { TicketKind, TicketService } from '../../apps/dispatch/src/domain/ticket-work';

const int = (name: string, fallback: number) => {
  const v = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(v) || v < 0) throw new Error(`${name} must be a non-negative number`);
  return v;
};
const SEED = int('BENCH_SEED', 1);
const TECHNICIANS = int('BENCH_TECHNICIANS', 10_000);
const ORDERS = int('BENCH_ORDERS', 100_000);
const DECISIONS = Math.min(int('BENCH_DECISIONS', 5_000), ORDERS);
const K = Math.max(1, int('BENCH_K', 5));
const CELL = Number(process.env.BENCH_CELL ?? 0.02);
const CITY_COUNT = Math.min(8, Math.max(1, int('BENCH_CITIES', 6)));
const GOAL_MS = 10;

// Zhejiang's cities (centre, relative size): a region each.
const CITIES = [
  { region: 'hangzhou', lat: 30.27, lon: 120.16, weight: 3 },
  { region: 'ningbo', lat: 29.87, lon: 121.55, weight: 2 },
  { region: 'wenzhou', lat: 28.0, lon: 120.67, weight: 1.5 },
  { region: 'shaoxing', lat: 30.0, lon: 120.58, weight: 1 },
  { region: 'jiaxing', lat: 30.75, lon: 120.76, weight: 1 },
  { region: 'huzhou', lat: 30.87, lon: 120.09, weight: 1 },
  { region: 'jinhua', lat: 29.08, lon: 119.65, weight: 1 },
  { region: 'taizhou', lat: 28.66, lon: 121.42, weight: 1 },
].slice(0, CITY_COUNT);

/** mulberry32 */
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
const rand = seeded(SEED);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
const KM_LAT = 1 / 111.2;
const around = (c: GeoPoint, km: number): GeoPoint => ({
  lat: c.lat + gauss() * km * KM_LAT,
  lon: c.lon + (gauss() * km * KM_LAT) / Math.cos((c.lat * Math.PI) / 180),
});
function weighted<T>(items: readonly T[], weight: (t: T) => number): T {
  const total = items.reduce((s, t) => s + weight(t), 0);
  let u = rand() * total;
  for (const t of items) if ((u -= weight(t)) <= 0) return t;
  return items[items.length - 1]!;
}

const SERVICES: TicketService[] = ['broadband', 'fixed', 'mobile', 'iptv'];
const KINDS: TicketKind[] = ['install', 'move', 'repair'];

interface Area {
  region: string;
  centre: GeoPoint;
  zones: string[];
}

// ---- the province ----
const roster: TechnicianCandidate[] = [];
const areas: Area[] = [];
const totalWeight = CITIES.reduce((s, c) => s + c.weight, 0);
for (const city of CITIES) {
  const support = 4;
  const share = Math.round((TECHNICIANS * city.weight) / totalWeight);
  let made = 0;
  for (let i = 0; i < support && made < share; i++, made++) {
    roster.push({
      technicianId: `T-${city.region}-S${i}`,
      name: `Support ${i}`,
      phone: '+86 138 0000 0000',
      region: city.region,
      zone: `${city.region}-support`,
      onDuty: true,
      skills: SERVICES.map((service) => ({ service, kinds: KINDS })),
      dailyCapacity: 16,
      openAssignments: 0,
      position: around(city, 2),
    });
  }
  for (let a = 0; made < share; a++) {
    const size = Math.min(4 + Math.floor(rand() * 3), share - made);
    const area: Area = { region: city.region, centre: around(city, 12), zones: [] };
    areas.push(area);
    const resting = Math.floor(rand() * size);
    for (let j = 0; j < size; j++, made++) {
      const zone = `${city.region}-a${a}-z${j}`;
      area.zones.push(zone);
      const skills: Skill[] = SERVICES.filter((s) => rand() < (s === 'broadband' ? 0.85 : 0.45)).map((service) => ({
        service,
        kinds: KINDS.filter(() => rand() < 0.75),
      }));
      if (skills.length === 0) skills.push({ service: 'broadband', kinds: ['repair'] });
      roster.push({
        technicianId: `T-${city.region}-${a}-${j}`,
        name: `Engineer ${a}-${j}`,
        phone: '+86 138 0000 0000',
        region: city.region,
        zone,
        onDuty: rand() < 0.93,
        skills,
        dailyCapacity: 12 + Math.floor(rand() * 9),
        openAssignments: 0,
        unavailable: j === resting && size >= 4 ? { status: 'resting', reason: 'rest rota' } : undefined,
        position: around(area.centre, 1),
      });
    }
  }
}
const byRegion = new Map<string, TechnicianCandidate[]>();
const byId = new Map<string, TechnicianCandidate>();
for (const t of roster) {
  byId.set(t.technicianId, t);
  let list = byRegion.get(t.region);
  if (!list) byRegion.set(t.region, (list = []));
  list.push(t);
}
const areasByRegion = new Map<string, Area[]>();
for (const a of areas) areasByRegion.set(a.region, [...(areasByRegion.get(a.region) ?? []), a]);

const orders: TicketToDispatch[] = [];
for (let i = 0; i < ORDERS; i++) {
  const city = weighted(CITIES, (c) => c.weight);
  const area = pick(areasByRegion.get(city.region) ?? [{ region: city.region, centre: city, zones: ['none'] }]);
  orders.push({
    ticketId: `O-${i}`,
    service: weighted(SERVICES, (s) => ({ broadband: 50, fixed: 15, mobile: 20, iptv: 15 })[s]),
    kind: weighted(KINDS, (k) => ({ repair: 60, install: 25, move: 15, complaint: 0 })[k]),
    region: city.region,
    zone: pick(area.zones),
    at: rand() < 0.95 ? around(area.centre, 1.5) : around(city, 12),
  });
}

// ---- the index, and the day before timing ----
const buildStart = process.hrtime.bigint();
const index = new TechnicianIndex({ cellDegrees: CELL });
for (const t of roster) index.upsert(t);
const buildMs = Number(process.hrtime.bigint() - buildStart) / 1e6;
const selector = new TechnicianSelector(index.travel);

const open: { technicianId: string; at: GeoPoint }[] = [];
let unassignedBefore = 0;
const warm = ORDERS - DECISIONS;
const warmStart = process.hrtime.bigint();
for (let i = 0; i < warm; i++) {
  const chosen = index.nearestEligible(orders[i]!, 1)[0]?.technician.technicianId;
  if (!chosen) {
    unassignedBefore++;
    continue;
  }
  index.assignmentPlaced(chosen);
  byId.get(chosen)!.openAssignments++;
  open.push({ technicianId: chosen, at: orders[i]!.at! });
}
const warmMs = Number(process.hrtime.bigint() - warmStart) / 1e6;
const openBefore = open.length;

/** The cheapest scan: one pass, the best eligible by (zone engineer, travel, workload, id). */
function linearMin(ticket: TicketToDispatch, list: readonly TechnicianCandidate[]): string | undefined {
  let best: { t: TechnicianCandidate; travel: number; zone: boolean } | undefined;
  for (const t of list) {
    if (exclusionOf(t, ticket) !== undefined) continue;
    const c = { t, travel: travelTo(t, ticket, index.travel), zone: t.zone === ticket.zone };
    if (!best || (c.zone && !best.zone) || (c.zone === best.zone && byTravelThenWorkload(c, best) < 0)) best = c;
  }
  return best?.t.technicianId;
}

// ---- timed decisions ----
const tIndex = new Float64Array(DECISIONS);
const tScan = new Float64Array(DECISIONS);
const tMin = new Float64Array(DECISIONS);
const tUpdates: number[] = [];
// CPU time of the process over the same spans: what the work costs without the time the OS gave others.
const cIndex = new Float64Array(DECISIONS);
const cScan = new Float64Array(DECISIONS);
const cMin = new Float64Array(DECISIONS);
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let differentChoice = 0;
let differentFirstK = 0;
let differentMin = 0;
let unassigned = 0;
let fallbacks = 0;
const now = () => process.hrtime.bigint();
const ms = (from: bigint, to: bigint) => Number(to - from) / 1e6;

const timedStart = now();
for (let d = 0; d < DECISIONS; d++) {
  // The day goes on between decisions: a completion (the technician is now at that place), a duty change.
  if (rand() < 0.5 && open.length > 0) {
    const at = Math.floor(rand() * open.length);
    const done = open[at]!;
    open[at] = open[open.length - 1]!;
    open.pop();
    const t = byId.get(done.technicianId)!;
    t.openAssignments--;
    t.position = done.at;
    const u0 = now();
    index.assignmentClosed(done.technicianId);
    index.move(done.technicianId, done.at);
    tUpdates.push(ms(u0, now()));
  }
  if (d % 50 === 49) {
    const t = pick(roster);
    t.onDuty = !t.onDuty;
    const u0 = now();
    index.setOnDuty(t.technicianId, t.onDuty);
    tUpdates.push(ms(u0, now()));
  }

  const order = orders[warm + d]!;
  const regionRoster = byRegion.get(order.region) ?? [];

  const mc = cpu();
  const m0 = now();
  const minChoice = linearMin(order, regionRoster);
  const m1 = now();
  cMin[d] = cpu() - mc;
  tMin[d] = ms(m0, m1);

  const sc = cpu();
  const s0 = now();
  const scan = selector.select(order, regionRoster);
  if (scan.assigned) scan.technician.openAssignments++;
  const s1 = now();
  cScan[d] = cpu() - sc;
  tScan[d] = ms(s0, s1);

  const ic = cpu();
  const i0 = now();
  const fromIndex = selectFromIndex(index, order, K);
  if (fromIndex.assigned) index.assignmentPlaced(fromIndex.technician.technicianId);
  const i1 = now();
  cIndex[d] = cpu() - ic;
  tIndex[d] = ms(i0, i1);

  const scanId = scan.assigned ? scan.technician.technicianId : undefined;
  const indexId = fromIndex.assigned ? fromIndex.technician.technicianId : undefined;
  if (scanId !== indexId) differentChoice++;
  if (minChoice !== scanId) differentMin++;
  const scanFirstK = scan.assigned ? scan.candidates.slice(0, K).map((c) => c.technicianId).join(',') : '';
  const indexFirstK = fromIndex.assigned ? fromIndex.candidates.map((c) => c.technicianId).join(',') : '';
  if (scanFirstK !== indexFirstK) differentFirstK++;
  if (!scan.assigned) unassigned++;
  else {
    if (scan.rule === 'region-fallback') fallbacks++;
    open.push({ technicianId: scan.technician.technicianId, at: order.at! });
  }
}
const timedSeconds = ms(timedStart, now()) / 1000;

// ---- the table ----
function stats(xs: ArrayLike<number>) {
  const sorted = Float64Array.from(xs).sort();
  const q = (p: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!);
  const mean = sorted.reduce((s, x) => s + x, 0) / Math.max(1, sorted.length);
  return { p50: q(0.5), p95: q(0.95), p99: q(0.99), max: sorted.length ? sorted[sorted.length - 1]! : NaN, mean };
}
const f = (x: number) => (x < 1 ? x.toFixed(3) : x.toFixed(2)).padStart(9);
const n = (x: number) => x.toLocaleString('en-US');
const regionSizes = [...byRegion.values()].map((l) => l.length);
const si = stats(tIndex);
const ss = stats(tScan);
const sm = stats(tMin);
const su = stats(tUpdates);

console.log(`\nDispatch decision latency (issue 5) — seed ${SEED}, node ${process.version}, ${new Date().toISOString()}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`);
console.log(
  `${n(roster.length)} technicians in ${CITIES.length === 1 ? '1 region' : `${CITIES.length} regions`} (${n(Math.min(...regionSizes))}–${n(Math.max(...regionSizes))} per region), ${n(areas.length)} areas; ` +
    `${n(ORDERS)} orders: ${n(warm)} placed before timing (${n(openBefore)} open, ${n(unassignedBefore)} unassignable), ${n(DECISIONS)} timed decisions`,
);
console.log(`index: cell ${CELL}°, k = ${K}, built in ${buildMs.toFixed(1)} ms; the ${n(warm)} untimed placements took ${(warmMs / 1000).toFixed(1)} s\n`);
console.log(`| per decision (ms)                              |       p50 |       p95 |       p99 |       max |      mean |`);
console.log(`| ---------------------------------------------- | --------- | --------- | --------- | --------- | --------- |`);
const row = (label: string, s: ReturnType<typeof stats>) => console.log(`| ${label.padEnd(46)} | ${f(s.p50)} | ${f(s.p95)} | ${f(s.p99)} | ${f(s.max)} | ${f(s.mean)} |`);
row('index: query + selection + update', si);
row('selector scan of the region (the service today)', ss);
row('linear min over the region (no sort, no text)', sm);
row(`index updates between decisions (${n(tUpdates.length)})`, su);
row('CPU time: index', stats(cIndex));
row('CPU time: selector scan', stats(cScan));
row('CPU time: linear min', stats(cMin));
console.log('');
console.log(`p99 selector scan / p99 index: ${(ss.p99 / si.p99).toFixed(1)}×   p99 linear min / p99 index: ${(sm.p99 / si.p99).toFixed(1)}×`);
console.log(`goal: index p99 ≤ ${GOAL_MS} ms with ${n(roster.length)} technicians and ${n(ORDERS)} orders: ${si.p99 <= GOAL_MS ? 'PASS' : 'FAIL'} (${si.p99.toFixed(3)} ms)`);
console.log(`same technician as the selector scan: ${n(DECISIONS - differentChoice)} of ${n(DECISIONS)} (disagreements: ${differentChoice})`);
console.log(`same first ${K} candidates as the selector scan: ${n(DECISIONS - differentFirstK)} of ${n(DECISIONS)} (disagreements: ${differentFirstK}); linear min vs selector: ${differentMin} disagreements`);
console.log(
  `outcomes: ${n(DECISIONS - unassigned - fallbacks)} to the zone's engineer, ${n(fallbacks)} to the region, ${n(unassigned)} unassignable; ` +
    `${n(open.length)} orders open at the end; timed phase ${timedSeconds.toFixed(1)} s`,
);
console.log('Wall-clock rows include time the OS gave other processes (see the load average); CPU rows (process.cpuUsage: all threads,');
console.log('GC included) do not. The scans run on a roster already in memory; the service today also loads it from PostgreSQL per decision.\n');
