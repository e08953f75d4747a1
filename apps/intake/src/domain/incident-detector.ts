/** A radio cell as the operator loaded it (`/v1/cells`). */
export interface CellPosition {
  cellId: string;
  lat: number;
  lon: number;
  /** The operator's neighbour list; empty: distance decides. */
  neighbours: readonly string[];
}

/** A complaint with a category and a cell, not yet in an incident. */
export interface WindowComplaint {
  ticketId: string;
  cellId: string;
  reportedAt: Date;
}

export interface IncidentRules {
  /** Up to this many adjacent cells form one incident (source 003: 3). */
  maxCells: number;
  /** An incident needs MORE than this many complaints (source 003: "more than 5"). */
  minComplaints: number;
  /** …within a rolling window of this many minutes (source 003: one hour). */
  windowMinutes: number;
  /** Two cells of which at least one has no neighbour list are adjacent within this distance. */
  adjacentKm: number;
}

/** domain.md §2 "important complaint": up to 3 adjacent cells, more than 5 per hour. */
export const DEFAULT_INCIDENT_RULES: IncidentRules = { maxCells: 3, minComplaints: 5, windowMinutes: 60, adjacentKm: 2 };

export type Detection = { open: false } | { open: true; cells: string[]; ticketIds: string[] };

export interface OpenIncident {
  incidentId: string;
  cells: readonly string[];
}

const EARTH_KM = 6371;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in km. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The important-complaint rule (domain.md §2, source 003 "重要投诉"): complaints of one category
 * whose cells lie within up to `maxCells` adjacent cells, more than `minComplaints` within any
 * rolling `windowMinutes`, form an incident. Pure: the caller reads the window from Postgres
 * under a lock per region and category and passes it in.
 */
export class IncidentDetector {
  constructor(readonly rules: IncidentRules = DEFAULT_INCIDENT_RULES) {
    if (rules.maxCells < 1 || rules.minComplaints < 0 || rules.windowMinutes <= 0 || rules.adjacentKm < 0) throw new Error(`invalid incident rules ${JSON.stringify(rules)}`);
  }

  get windowMs(): number {
    return this.rules.windowMinutes * 60_000;
  }

  /** The earliest report time that can share a window with a complaint reported at `at`. */
  lookbackFrom(at: Date): Date {
    return new Date(at.getTime() - this.windowMs);
  }

  /**
   * Adjacent when either lists the other as a neighbour; when one of them has no neighbour list,
   * when they lie within `adjacentKm`. A cell intake does not know is adjacent to nothing.
   */
  adjacent(a: string, b: string, cells: ReadonlyMap<string, CellPosition>): boolean {
    if (a === b) return true;
    const A = cells.get(a);
    const B = cells.get(b);
    if (!A || !B) return false;
    if (A.neighbours.includes(b) || B.neighbours.includes(a)) return true;
    if (A.neighbours.length === 0 || B.neighbours.length === 0) return distanceKm(A, B) <= this.rules.adjacentKm;
    return false;
  }

  /**
   * Whether `complaint` with the ungrouped complaints `others` (same region and category) opens
   * an incident: the connected set of at most `maxCells` cells around the complaint's cell whose
   * busiest rolling window holding the complaint has the most complaints, if more than
   * `minComplaints`. The incident takes the complaints of that window.
   */
  detect(complaint: WindowComplaint, others: readonly WindowComplaint[], cells: ReadonlyMap<string, CellPosition>): Detection {
    const at = complaint.reportedAt.getTime();
    const near = [complaint, ...others.filter((o) => o.ticketId !== complaint.ticketId && Math.abs(o.reportedAt.getTime() - at) < this.windowMs)];
    // A listed neighbour without complaints may still join two cells that have some.
    const withComplaints = new Set(near.map((c) => c.cellId));
    const candidateCells = [...new Set([...withComplaints, ...[...withComplaints].flatMap((c) => cells.get(c)?.neighbours ?? [])])];
    let best: { cells: string[]; ticketIds: string[] } | undefined;
    for (const set of this.connectedSets(complaint.cellId, candidateCells, cells)) {
      const inSet = near.filter((c) => set.includes(c.cellId));
      const window = this.busiestWindow(inSet, at);
      if (!best || window.length > best.ticketIds.length || (window.length === best.ticketIds.length && set.length < best.cells.length)) {
        best = { cells: [...set].sort(), ticketIds: window.map((c) => c.ticketId) };
      }
    }
    if (!best || best.ticketIds.length <= this.rules.minComplaints) return { open: false };
    return { open: true, ...best };
  }

  /**
   * The open incident a later complaint joins: one whose cells include the complaint's cell, or,
   * while it has fewer than `maxCells` cells, one with a cell adjacent to it (the cell is added).
   */
  join(cellId: string, incidents: readonly OpenIncident[], cells: ReadonlyMap<string, CellPosition>): { incidentId: string; cells: string[] } | undefined {
    const same = incidents.find((i) => i.cells.includes(cellId));
    if (same) return { incidentId: same.incidentId, cells: [...same.cells] };
    const grown = incidents.find((i) => i.cells.length < this.rules.maxCells && i.cells.some((c) => this.adjacent(c, cellId, cells)));
    return grown ? { incidentId: grown.incidentId, cells: [...grown.cells, cellId].sort() } : undefined;
  }

  /** Every connected set of cells (by `adjacent`) of size 1..maxCells that contains `start`, drawn from `candidates`. */
  private connectedSets(start: string, candidates: readonly string[], cells: ReadonlyMap<string, CellPosition>): string[][] {
    const seen = new Set<string>([start]);
    const result: string[][] = [[start]];
    let frontier: string[][] = [[start]];
    for (let size = 2; size <= this.rules.maxCells; size++) {
      const next: string[][] = [];
      for (const set of frontier) {
        for (const cell of candidates) {
          if (set.includes(cell) || !set.some((member) => this.adjacent(member, cell, cells))) continue;
          const grown = [...set, cell].sort();
          const key = grown.join('\u0000');
          if (seen.has(key)) continue;
          seen.add(key);
          next.push(grown);
        }
      }
      result.push(...next);
      frontier = next;
    }
    return result;
  }

  /** The complaints of the rolling window [t, t + window) that holds the complaint at `at` and the most complaints. */
  private busiestWindow(complaints: readonly WindowComplaint[], at: number): WindowComplaint[] {
    let best: WindowComplaint[] = [];
    for (const start of complaints) {
      const from = start.reportedAt.getTime();
      if (from > at || at - from >= this.windowMs) continue;
      const inside = complaints.filter((c) => c.reportedAt.getTime() >= from && c.reportedAt.getTime() - from < this.windowMs);
      if (inside.length > best.length) best = inside;
    }
    return best;
  }
}
