import { distanceKm, IncidentDetector, type CellPosition, type WindowComplaint } from './incident-detector';

const T0 = Date.parse('2026-11-24T10:00:00Z');
const min = (m: number) => new Date(T0 + m * 60_000);

// A chain A–B–C–D by neighbour lists, ~1 km apart; E far away; P and Q have no neighbour lists.
const cell = (cellId: string, lat: number, lon: number, neighbours: string[] = []): CellPosition => ({ cellId, lat, lon, neighbours });
const CELLS = new Map(
  [
    cell('A', 30.25, 120.1, ['B']),
    cell('B', 30.26, 120.1, ['A', 'C']),
    cell('C', 30.27, 120.1, ['B', 'D']),
    cell('D', 30.28, 120.1, ['C']),
    cell('E', 31.5, 121.5, []),
    cell('P', 30.0, 120.0),
    cell('Q', 30.01, 120.0),
    cell('R', 30.2, 120.0),
  ].map((c) => [c.cellId, c]),
);

let n = 0;
const complaint = (cellId: string, minute: number): WindowComplaint => ({ ticketId: `t${++n}`, cellId, reportedAt: min(minute) });

describe('IncidentDetector (domain.md §2 important complaint: ≤ 3 adjacent cells, more than 5 an hour)', () => {
  const detector = new IncidentDetector({ maxCells: 3, minComplaints: 5, windowMinutes: 60, adjacentKm: 2 });

  it('opens an incident at the sixth complaint in one cell within the hour, with all six', () => {
    const earlier = [0, 5, 10, 20, 30].map((m) => complaint('A', m));
    expect(detector.detect(earlier[4]!, earlier.slice(0, 4), CELLS)).toEqual({ open: false });
    const sixth = complaint('A', 40);
    const d = detector.detect(sixth, earlier, CELLS);
    expect(d).toEqual({ open: true, cells: ['A'], ticketIds: [sixth.ticketId, ...earlier.map((c) => c.ticketId)] });
  });

  it('needs MORE than the minimum: five complaints are not an incident', () => {
    const five = [0, 1, 2, 3].map((m) => complaint('A', m));
    expect(detector.detect(complaint('A', 4), five, CELLS).open).toBe(false);
  });

  it('counts complaints across up to three adjacent cells (neighbour lists), not four', () => {
    const spread = [complaint('A', 0), complaint('B', 1), complaint('C', 2), complaint('B', 3), complaint('A', 4)];
    const d = detector.detect(complaint('C', 5), spread, CELLS);
    expect(d).toMatchObject({ open: true, cells: ['A', 'B', 'C'] });
    // A and D are not within three adjacent cells of each other: A, B | C, D split 3 + 3 at best.
    const chain = [complaint('A', 0), complaint('A', 1), complaint('B', 2), complaint('D', 3), complaint('D', 4)];
    expect(detector.detect(complaint('D', 5), chain, CELLS).open).toBe(false);
  });

  it('does not group cells that are neither neighbours nor close', () => {
    const mixed = [complaint('A', 0), complaint('A', 1), complaint('A', 2), complaint('E', 3), complaint('E', 4)];
    expect(detector.detect(complaint('A', 5), mixed, CELLS).open).toBe(false);
  });

  it('lets distance decide between cells without neighbour lists', () => {
    expect(detector.adjacent('P', 'Q', CELLS)).toBe(true); // ~1.1 km
    expect(detector.adjacent('P', 'R', CELLS)).toBe(false); // ~22 km
    expect(detector.adjacent('A', 'C', CELLS)).toBe(false); // both have lists; neither names the other
    expect(detector.adjacent('B', 'A', CELLS)).toBe(true);
    expect(detector.adjacent('A', 'unknown', CELLS)).toBe(false);
    const near = [0, 1, 2, 3, 4].map((m) => complaint(m % 2 === 0 ? 'P' : 'Q', m));
    expect(detector.detect(complaint('Q', 5), near, CELLS)).toMatchObject({ open: true, cells: ['P', 'Q'] });
  });

  it('uses the configured distance', () => {
    const strict = new IncidentDetector({ maxCells: 3, minComplaints: 5, windowMinutes: 60, adjacentKm: 0.5 });
    expect(strict.adjacent('P', 'Q', CELLS)).toBe(false);
    expect(distanceKm(CELLS.get('P')!, CELLS.get('Q')!)).toBeCloseTo(1.11, 1);
  });

  it('keeps the window rolling: a complaint exactly one window earlier is outside, one minute later is inside', () => {
    const edge = [complaint('A', 0), complaint('A', 10), complaint('A', 20), complaint('A', 30), complaint('A', 40)];
    expect(detector.detect(complaint('A', 60), edge, CELLS).open).toBe(false);
    const inside = [complaint('A', 1), complaint('A', 10), complaint('A', 20), complaint('A', 30), complaint('A', 40)];
    expect(detector.detect(complaint('A', 60), inside, CELLS)).toMatchObject({ open: true });
  });

  it('finds the window when the complaint arrives late (reported before the others)', () => {
    const later = [10, 20, 30, 40, 50].map((m) => complaint('A', m));
    expect(detector.detect(complaint('A', 0), later, CELLS)).toMatchObject({ open: true });
    // …but not complaints more than a window apart from each other.
    const spreadOut = [10, 20, 30, 40, 70].map((m) => complaint('A', m));
    expect(detector.detect(complaint('A', 0), spreadOut, CELLS).open).toBe(false);
  });

  it('takes the configured numbers', () => {
    const small = new IncidentDetector({ maxCells: 1, minComplaints: 2, windowMinutes: 10, adjacentKm: 2 });
    expect(small.detect(complaint('A', 0), [complaint('A', 1), complaint('A', 2)], CELLS)).toMatchObject({ open: true, cells: ['A'] });
    expect(small.detect(complaint('A', 0), [complaint('B', 1), complaint('B', 2)], CELLS).open).toBe(false);
    expect(small.detect(complaint('A', 0), [complaint('A', 5), complaint('A', 11)], CELLS).open).toBe(false);
    expect(() => new IncidentDetector({ maxCells: 0, minComplaints: 5, windowMinutes: 60, adjacentKm: 2 })).toThrow('invalid incident rules');
  });

  it('lets a later complaint join an incident of its cell, or grow it by an adjacent cell while it has fewer than three', () => {
    const open = [{ incidentId: 'i1', cells: ['A', 'B'] }];
    expect(detector.join('B', open, CELLS)).toEqual({ incidentId: 'i1', cells: ['A', 'B'] });
    expect(detector.join('C', open, CELLS)).toEqual({ incidentId: 'i1', cells: ['A', 'B', 'C'] });
    expect(detector.join('D', open, CELLS)).toBeUndefined();
    expect(detector.join('D', [{ incidentId: 'i2', cells: ['A', 'B', 'C'] }], CELLS)).toBeUndefined();
    expect(detector.join('E', open, CELLS)).toBeUndefined();
  });
});
