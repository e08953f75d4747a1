import { haversineTravel, type GeoPoint, type TravelEstimate } from './route-planning';
import {
  byTravelThenWorkload,
  consideredCandidate,
  describeCandidate,
  exclusionOf,
  type Selection,
  type TechnicianCandidate,
  type TicketToDispatch,
} from './technician-selector';

/**
 * An in-memory spatial index of a roster (issue 5, "decision latency p99 ≤ 10 ms with 10,000
 * technicians and 100,000 open orders: a spatial index, not a scan"; docs/adr/0023).
 *
 * Technicians with a position sit in a uniform grid of lat/lon cells per region; a query looks at
 * the ticket's zone engineers directly (a zone has a handful), then searches the grid in square
 * rings around the ticket's cell until it holds the wanted number of eligible technicians and the
 * unsearched part of the region provably cannot hold a nearer one. It answers with the same first
 * candidates, in the same order, as TechnicianSelector's scan over the same roster (hard rules:
 * on duty, not resting or absent, skilled, under capacity; then the zone's engineers, nearest,
 * fewest open assignments, id). Kept up to date one change at a time: a technician joins, moves,
 * goes on or off duty, rests, gets or completes an assignment.
 *
 * Assumes city-sized regions away from the poles and the ±180° meridian (the ring bound below).
 */
export interface TechnicianIndexOptions {
  /** Side of a grid cell in degrees of latitude and of longitude (default 0.02°: ≈ 2.2 × 1.9 km at 30° N). */
  cellDegrees?: number;
  /** The travel estimate's average speed (default 30 km/h, as DEFAULT_DISPATCH_TRAVEL). */
  speedKmh?: number;
  /** The travel estimate's road detour over the great circle (default 1.3, as haversineTravel). */
  detourFactor?: number;
}

export interface RankedTechnician {
  technician: Readonly<TechnicianCandidate>;
  /** Minutes to the ticket; Infinity when either position is unknown. */
  travel: number;
}

interface Entry {
  t: TechnicianCandidate;
  /** Its skills as `service/kind` keys, each once. */
  skillKeys: string[];
  /** On duty, not resting or absent, under capacity: in the grid (or `unplaced`) and counted. */
  available: boolean;
  /** The grid cell's key, when available and placed. */
  cell?: number;
}

interface RegionGrid {
  /** Only available technicians with a position: a full or off-duty one costs the search nothing. */
  cells: Map<number, Set<Entry>>;
  /** Available technicians without a position. */
  unplaced: Set<Entry>;
  all: Set<Entry>;
  /** Available technicians in `cells` per `service/kind`: the search stops once it has seen them all. */
  placedBySkill: Map<string, number>;
  /** Cells ever occupied in this region (grows only; a wider box only costs a few empty rings). */
  box?: { minRow: number; maxRow: number; minCol: number; maxCol: number };
}

const EARTH_RADIUS_KM = 6371;
const RAD = Math.PI / 180;
// Column offsets stay below this, so row * COLS + col is unique (cellDegrees ≥ 0.001 → |col| ≤ 180,000).
const COLS = 1_000_003;
// The bound and the haversine are computed differently, and a point on a grid line may fall either
// side of it by an ulp: stop only when the bound wins by more than rounding (relative, and 1e-6 min ≈ 0.5 mm).
const BOUND_MARGIN = 1e-9;
const BOUND_SLACK_MINUTES = 1e-6;

export class TechnicianIndex {
  readonly cellDegrees: number;
  /** The travel estimate the index orders by; give the same one to TechnicianSelector to compare. */
  readonly travel: TravelEstimate<GeoPoint>;
  private readonly minutesPerRadian: number;
  private readonly entries = new Map<string, Entry>();
  private readonly regions = new Map<string, RegionGrid>();
  private readonly zones = new Map<string, Set<Entry>>();

  constructor(options: TechnicianIndexOptions = {}) {
    const { cellDegrees = 0.02, speedKmh = 30, detourFactor = 1.3 } = options;
    if (!(cellDegrees >= 0.001 && cellDegrees <= 10)) throw new Error('cellDegrees must be between 0.001 and 10');
    if (!(detourFactor >= 1)) throw new Error('detourFactor must be at least 1');
    this.cellDegrees = cellDegrees;
    this.travel = haversineTravel({ speedKmh, detourFactor });
    this.minutesPerRadian = ((EARTH_RADIUS_KM * detourFactor) / speedKmh) * 60;
  }

  get size(): number {
    return this.entries.size;
  }

  get(technicianId: string): Readonly<TechnicianCandidate> | undefined {
    return this.entries.get(technicianId)?.t;
  }

  /** Adds a technician or replaces what the index knew of it (the index keeps its own copy). */
  upsert(technician: TechnicianCandidate): void {
    this.remove(technician.technicianId);
    const skillKeys = [...new Set(technician.skills.flatMap((s) => s.kinds.map((k) => `${s.service}/${k}`)))];
    const entry: Entry = { t: { ...technician, position: technician.position && { ...technician.position } }, skillKeys, available: false };
    this.entries.set(technician.technicianId, entry);
    const grid = this.gridOf(technician.region);
    grid.all.add(entry);
    this.attach(grid, entry);
    const zoneKey = this.zoneKey(technician.region, technician.zone);
    let zone = this.zones.get(zoneKey);
    if (!zone) this.zones.set(zoneKey, (zone = new Set()));
    zone.add(entry);
  }

  remove(technicianId: string): void {
    const entry = this.entries.get(technicianId);
    if (!entry) return;
    this.entries.delete(technicianId);
    const grid = this.regions.get(entry.t.region)!;
    grid.all.delete(entry);
    this.detach(grid, entry);
    const zoneKey = this.zoneKey(entry.t.region, entry.t.zone);
    const zone = this.zones.get(zoneKey)!;
    zone.delete(entry);
    if (zone.size === 0) this.zones.delete(zoneKey);
  }

  /** A new position (from a technician action), or undefined when it is no longer known. */
  move(technicianId: string, position: GeoPoint | undefined): void {
    this.change(technicianId, (t) => (t.position = position ? { lat: position.lat, lon: position.lon } : undefined));
  }

  setOnDuty(technicianId: string, onDuty: boolean): void {
    this.change(technicianId, (t) => (t.onDuty = onDuty));
  }

  /** The rest rota or an approved absence for the business date the index serves; undefined clears it. */
  setUnavailable(technicianId: string, unavailable: TechnicianCandidate['unavailable']): void {
    this.change(technicianId, (t) => (t.unavailable = unavailable));
  }

  assignmentPlaced(technicianId: string): void {
    this.change(technicianId, (t) => t.openAssignments++);
  }

  /** An assignment completed or withdrawn. */
  assignmentClosed(technicianId: string): void {
    this.change(technicianId, (t) => (t.openAssignments = Math.max(0, t.openAssignments - 1)));
  }

  /**
   * The first `k` technicians TechnicianSelector would rank for this ticket, in its order: the
   * zone's eligible engineers (nearest, then fewest open, then id), then the region's other
   * eligible technicians in the same order. Fewer when fewer are eligible. Without `ticket.at`
   * nothing is nearer than anything and the region's technicians are scanned.
   */
  nearestEligible(ticket: TicketToDispatch, k: number): RankedTechnician[] {
    if (!(k >= 1)) return [];
    const zone = this.zones.get(this.zoneKey(ticket.region, ticket.zone));
    const zoneEngineers = zone ? this.rankEligible(zone, ticket, () => true) : [];
    if (zoneEngineers.length >= k) return zoneEngineers.slice(0, k);
    const need = k - zoneEngineers.length;
    const grid = this.regions.get(ticket.region);
    if (!grid) return zoneEngineers;
    const notOfZone = (e: Entry) => e.t.zone !== ticket.zone;
    if (!ticket.at) return zoneEngineers.concat(this.rankEligible(grid.all, ticket, notOfZone).slice(0, need));
    const placedZoneEngineers = zoneEngineers.filter((z) => z.technician.position !== undefined).length;
    const placedOthers = (grid.placedBySkill.get(`${ticket.service}/${ticket.kind}`) ?? 0) - placedZoneEngineers;
    return zoneEngineers.concat(this.ringSearch(grid, ticket, ticket.at, need, placedOthers));
  }

  /** The `need` nearest eligible technicians not of the ticket's zone; `placedOthers` of them are in the grid. */
  private ringSearch(grid: RegionGrid, ticket: TicketToDispatch, at: GeoPoint, need: number, placedOthers: number): RankedTechnician[] {
    const found: RankedTechnician[] = [];
    const box = grid.box;
    if (box && placedOthers > 0) {
      const row0 = Math.floor(at.lat / this.cellDegrees);
      const col0 = Math.floor(at.lon / this.cellDegrees);
      // Rings nearer than the region's box are empty: start at the first one that touches it.
      const first = Math.max(0, box.minRow - row0, row0 - box.maxRow, box.minCol - col0, col0 - box.maxCol);
      const skill = `${ticket.service}/${ticket.kind}`;
      for (let r = first; ; r++) {
        this.visitRing(grid, row0, col0, r, (e) => {
          // Everyone in the grid is available (on duty, not off rota, under capacity): only the skill is left to check.
          if (e.t.zone === ticket.zone || !e.skillKeys.includes(skill)) return;
          found.push({ technician: e.t, travel: this.travel(e.t.position!, at) });
        });
        if (found.length >= placedOthers) break; // every eligible one in the grid is found
        if (row0 - r <= box.minRow && row0 + r >= box.maxRow && col0 - r <= box.minCol && col0 + r >= box.maxCol) break;
        if (found.length >= need) {
          found.sort(byRank);
          if (this.beyondRing(at, row0, col0, r, box) * (1 - BOUND_MARGIN) - BOUND_SLACK_MINUTES > found[need - 1]!.travel) break;
        }
      }
      found.sort(byRank);
    }
    if (found.length >= need) return found.slice(0, need);
    // Unknown positions rank after every known one (travel Infinity), by workload then id.
    return found.concat(this.rankEligible(grid.unplaced, ticket, (e) => e.t.zone !== ticket.zone)).slice(0, need);
  }

  /** Calls `visit` for every technician in the cells at Chebyshev distance r from (row0, col0), within the box. */
  private visitRing(grid: RegionGrid, row0: number, col0: number, r: number, visit: (e: Entry) => void): void {
    const box = grid.box!;
    const cell = (row: number, col: number) => {
      if (row < box.minRow || row > box.maxRow || col < box.minCol || col > box.maxCol) return;
      const members = grid.cells.get(row * COLS + col);
      if (members) for (const e of members) visit(e);
    };
    if (r === 0) return cell(row0, col0);
    const colFrom = Math.max(col0 - r, box.minCol);
    const colTo = Math.min(col0 + r, box.maxCol);
    for (let col = colFrom; col <= colTo; col++) {
      cell(row0 - r, col);
      cell(row0 + r, col);
    }
    const rowFrom = Math.max(row0 - r + 1, box.minRow);
    const rowTo = Math.min(row0 + r - 1, box.maxRow);
    for (let row = rowFrom; row <= rowTo; row++) {
      cell(row, col0 - r);
      cell(row, col0 + r);
    }
  }

  /**
   * A lower bound on the travel from `at` to any technician of the box outside rings 0..r: the
   * great-circle distance to the nearest side of the searched square that the box extends beyond —
   * a parallel is at least the latitude difference away, a meridian at least asin(cos φ · sin Δλ).
   */
  private beyondRing(at: GeoPoint, row0: number, col0: number, r: number, box: NonNullable<RegionGrid['box']>): number {
    const c = this.cellDegrees;
    let angle = Infinity;
    if (box.minRow < row0 - r) angle = Math.min(angle, (at.lat - (row0 - r) * c) * RAD);
    if (box.maxRow > row0 + r) angle = Math.min(angle, ((row0 + r + 1) * c - at.lat) * RAD);
    const cosLat = Math.cos(at.lat * RAD);
    const toMeridian = (dLonDeg: number) => Math.asin(Math.min(1, cosLat * Math.sin(Math.min(90, dLonDeg) * RAD)));
    if (box.minCol < col0 - r) angle = Math.min(angle, toMeridian(at.lon - (col0 - r) * c));
    if (box.maxCol > col0 + r) angle = Math.min(angle, toMeridian((col0 + r + 1) * c - at.lon));
    return angle * this.minutesPerRadian;
  }

  private rankEligible(entries: Iterable<Entry>, ticket: TicketToDispatch, keep: (e: Entry) => boolean): RankedTechnician[] {
    const out: RankedTechnician[] = [];
    for (const e of entries) {
      if (!keep(e) || exclusionOf(e.t, ticket) !== undefined) continue;
      out.push({ technician: e.t, travel: e.t.position && ticket.at ? this.travel(e.t.position, ticket.at) : Infinity });
    }
    return out.sort(byRank);
  }

  /** Applies a change to a technician, moving it in or out of the grid and the counts. */
  private change(technicianId: string, mutate: (t: TechnicianCandidate) => void): void {
    const entry = this.entry(technicianId);
    const grid = this.regions.get(entry.t.region)!;
    this.detach(grid, entry);
    mutate(entry.t);
    this.attach(grid, entry);
  }

  private attach(grid: RegionGrid, entry: Entry): void {
    const t = entry.t;
    // The hard rules that do not depend on the ticket (exclusionOf, technician-selector.ts).
    entry.available = t.onDuty && !t.unavailable && t.openAssignments < t.dailyCapacity;
    if (!entry.available) return;
    const p = t.position;
    if (!p) {
      grid.unplaced.add(entry);
      return;
    }
    for (const key of entry.skillKeys) grid.placedBySkill.set(key, (grid.placedBySkill.get(key) ?? 0) + 1);
    const row = Math.floor(p.lat / this.cellDegrees);
    const col = Math.floor(p.lon / this.cellDegrees);
    entry.cell = row * COLS + col;
    let members = grid.cells.get(entry.cell);
    if (!members) grid.cells.set(entry.cell, (members = new Set()));
    members.add(entry);
    const b = grid.box;
    if (!b) grid.box = { minRow: row, maxRow: row, minCol: col, maxCol: col };
    else {
      b.minRow = Math.min(b.minRow, row);
      b.maxRow = Math.max(b.maxRow, row);
      b.minCol = Math.min(b.minCol, col);
      b.maxCol = Math.max(b.maxCol, col);
    }
  }

  private detach(grid: RegionGrid, entry: Entry): void {
    if (!entry.available) return;
    entry.available = false;
    if (entry.cell === undefined) {
      grid.unplaced.delete(entry);
      return;
    }
    const members = grid.cells.get(entry.cell)!;
    members.delete(entry);
    if (members.size === 0) grid.cells.delete(entry.cell);
    entry.cell = undefined;
    for (const key of entry.skillKeys) grid.placedBySkill.set(key, grid.placedBySkill.get(key)! - 1);
  }

  private gridOf(region: string): RegionGrid {
    let grid = this.regions.get(region);
    if (!grid) this.regions.set(region, (grid = { cells: new Map(), unplaced: new Set(), all: new Set(), placedBySkill: new Map() }));
    return grid;
  }

  private entry(technicianId: string): Entry {
    const entry = this.entries.get(technicianId);
    if (!entry) throw new Error(`technician ${technicianId} is not in the index`);
    return entry;
  }

  private zoneKey(region: string, zone: string): string {
    return `${region}\u0000${zone}`;
  }
}

const byRank = (a: RankedTechnician, b: RankedTechnician) => byTravelThenWorkload({ travel: a.travel, t: a.technician }, { travel: b.travel, t: b.technician });

/**
 * The index's answer as a Selection: the first candidate wins (the same technician as
 * TechnicianSelector.select over the same roster); the explanation lists the `k` considered.
 * The caller records the assignment with `index.assignmentPlaced`.
 */
export function selectFromIndex(index: TechnicianIndex, ticket: TicketToDispatch, k = 5): Selection {
  const ranked = index.nearestEligible(ticket, k);
  const work = `${ticket.service}/${ticket.kind}`;
  if (ranked.length === 0) {
    return { assigned: false, reason: `no on-duty technician skilled for ${work} with capacity left in zone ${ticket.zone} or region ${ticket.region}` };
  }
  const first = ranked[0]!;
  // A copy: a caller that bumps its open count (as TicketDispatcher does) must not bypass the grid; it calls assignmentPlaced.
  const chosen: TechnicianCandidate = { ...first.technician };
  const rule = chosen.zone === ticket.zone ? 'zone-engineer' : 'region-fallback';
  const candidates = ranked.map((c) => consideredCandidate({ t: c.technician as TechnicianCandidate, travel: c.travel }));
  const ordering = Number.isFinite(first.travel) ? `nearest (${first.travel.toFixed(1)} min), then fewest open assignments` : 'fewest open assignments';
  const why = rule === 'zone-engineer' ? `engineer of zone ${ticket.zone}, ${ordering}` : `no eligible engineer in zone ${ticket.zone}; from zone ${chosen.zone}, ${ordering} in region ${ticket.region}`;
  const explanation =
    `${rule}: ${chosen.technicianId} — on duty, skilled for ${work}, ${chosen.openAssignments} of ${chosen.dailyCapacity} open, ${why}; ` +
    `first ${candidates.length} candidates: ${candidates.map(describeCandidate).join(', ')}`;
  return { assigned: true, technician: chosen, rule, candidates, explanation };
}
