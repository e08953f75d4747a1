/**
 * Appointment offers (issue 5, ADR 0027): how long `offerSlots` takes for a technician whose days
 * are already partly booked, and whether its O(1)-per-position insertion agrees with a brute-force
 * check (insert the order at every position of the technician's route, in its `seq` order, and
 * time the whole route with `scheduleRoute`). Not a
 * test: asserts nothing, prints measured numbers.
 *
 *   npx swc test/bench -d dist --quiet && node dist/test/bench/appointment-slots.js
 *
 * BENCH_SEED (1), BENCH_OFFERS (20000), BENCH_BOOKED_PER_DAY (0–8 at random, max), BENCH_RADIUS_KM (15).
 */
import { cpus, loadavg } from 'node:os';
import {
  canKeep,
  dayWindows,
  defaultAppointmentPolicy,
  offerSlots,
  travelBetween,
  type BookedAppointment,
  type Place,
  type Window,
} from '../../apps/dispatch/src/domain/appointment-slots';
import { scheduleRoute, type RouteStop } from '../../apps/dispatch/src/domain/route-planning';

const env = (k: string, d: number) => (process.env[k] ? Number(process.env[k]) : d);
let seed = env('BENCH_SEED', 1);
const rnd = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const OFFERS = env('BENCH_OFFERS', 20_000);
const MAX_BOOKED = env('BENCH_BOOKED_PER_DAY', 8);
const RADIUS = env('BENCH_RADIUS_KM', 15);
const policy = { ...defaultAppointmentPolicy, offerCount: 15 };
const DAY = 86_400_000;
const MIN = 60_000;
const days = [0, 1, 2].map((i) => Date.UTC(2026, 10, 25) + i * DAY);
const home = { lat: 30.25, lon: 120.15 };
const near = (): Place => ({ lat: home.lat + ((rnd() * 2 - 1) * RADIUS) / 111.2, lon: home.lon + ((rnd() * 2 - 1) * RADIUS) / 96 });
const travel = travelBetween(policy);

/** A feasible booked day: windows drawn at random, kept only while the day stays feasible. */
function bookedDays(): BookedAppointment[] {
  const out: BookedAppointment[] = [];
  for (const d of days) {
    const n = Math.floor(rnd() * (MAX_BOOKED + 1));
    for (let i = 0; i < n; i++) {
      const ws = dayWindows(d, policy);
      const w = ws[Math.floor(rnd() * ws.length)]!;
      const cand = { ticketId: `b${out.length}`, at: near(), serviceMinutes: [60, 90, 120][Math.floor(rnd() * 3)]! };
      // Booked the way dispatch books: where the insertion fits, at its seq.
      const fit = canKeep({ home, capacity: 10 }, out, cand, w, d, policy);
      if (fit.feasible) out.push({ ...cand, window: w, seq: fit.seq });
    }
  }
  return out;
}

/** Every insertion position, each route timed whole: the reference for `offerSlots`. */
function feasibleByBruteForce(booked: BookedAppointment[], order: Omit<BookedAppointment, 'seq'>, dayStart: number): number | undefined {
  const rel = (t: number) => (t - dayStart) / MIN;
  const stops: RouteStop<Place>[] = [...booked]
    .sort((a, b) => a.seq - b.seq)
    .map((b) => ({ id: b.ticketId, at: b.at, ready: rel(b.window.from), due: rel(b.window.to), service: b.serviceMinutes, load: 1 }));
  const stop: RouteStop<Place> = { id: order.ticketId, at: order.at, ready: rel(order.window.from), due: rel(order.window.to), service: order.serviceMinutes, load: 1 };
  const shift = { home, start: policy.shiftStartMinute, end: policy.shiftEndMinute, capacity: 10 };
  for (let p = 0; p <= stops.length; p++) {
    const route = [...stops.slice(0, p), stop, ...stops.slice(p)];
    if (scheduleRoute(shift, route, travel).violations.length === 0) return p;
  }
  return undefined;
}

const fast: number[] = [];
const brute: number[] = [];
let disagreements = 0;
let offered = 0;
let bookedTotal = 0;
for (let i = 0; i < OFFERS; i++) {
  const booked = bookedDays();
  bookedTotal += booked.length;
  const order = { ticketId: 'new', at: near(), serviceMinutes: [60, 90, 120][i % 3]! };
  let t = process.hrtime.bigint();
  const slots = offerSlots({ now: days[0]!, dayStarts: days, day: { home, capacity: 10 }, booked, order }, policy);
  fast.push(Number(process.hrtime.bigint() - t) / 1e6);
  offered += slots.length;
  t = process.hrtime.bigint();
  const reference: Window[] = [];
  for (const d of days) {
    for (const w of dayWindows(d, policy)) {
      if (reference.length >= policy.offerCount) break;
      const dayBooked = booked.filter((b) => b.window.from >= d && b.window.from < d + DAY);
      if (feasibleByBruteForce(dayBooked, { ...order, window: w }, d) !== undefined) reference.push(w);
    }
  }
  brute.push(Number(process.hrtime.bigint() - t) / 1e6);
  if (JSON.stringify(reference) !== JSON.stringify(slots)) disagreements++;
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const row = (name: string, xs: number[]) => `${name.padEnd(28)} p50 ${pct(xs, 50).toFixed(3)} ms  p99 ${pct(xs, 99).toFixed(3)} ms  max ${Math.max(...xs).toFixed(3)} ms`;
console.log(`appointment offers: ${OFFERS} offers, 3 days × 5 windows of 2 h, ${(bookedTotal / OFFERS).toFixed(1)} booked appointments per technician on average (≤ ${MAX_BOOKED}/day), customers within ${RADIUS} km`);
console.log(`machine: ${cpus().length} cores, load ${loadavg()[0]!.toFixed(2)}`);
console.log(row('offerSlots (O(1) insertion)', fast));
console.log(row('brute force (every position)', brute));
console.log(`windows offered per order: ${(offered / OFFERS).toFixed(2)} of 15 candidates; disagreements with brute force: ${disagreements}`);
