import { parseSolomonSol, parseSolomonVrp, solomonDistance } from './solomon-format';

const vrp = `NAME : TINY3
TYPE : CVRPTW
DIMENSION : 4
VEHICLES : 2
CAPACITY : 30
SERVICE_TIME : 10
EDGE_WEIGHT_TYPE : EUC_2D
NODE_COORD_SECTION
1 0 0
2 3 4
3 6 8
4 0 7
DEMAND_SECTION
1 0
2 10
3 20
4 5
TIME_WINDOW_SECTION
1 0 100
2 5 20
3 15 40
4 0 90
DEPOT_SECTION
1
-1
EOF
`;

const sol = `Route #1: 1 2
Route #2: 3
Cost 33.1
`;

describe('Solomon VRPLIB readers', () => {
  it('reads the depot, the customers with demand, window and the common service time, and the fleet', () => {
    const inst = parseSolomonVrp(vrp);
    expect(inst).toMatchObject({ name: 'TINY3', vehicles: 2, capacity: 30 });
    expect(inst.depot).toEqual({ id: 1, x: 0, y: 0, demand: 0, ready: 0, due: 100, service: 0 });
    expect(inst.customers).toEqual([
      { id: 2, x: 3, y: 4, demand: 10, ready: 5, due: 20, service: 10 },
      { id: 3, x: 6, y: 8, demand: 20, ready: 15, due: 40, service: 10 },
      { id: 4, x: 0, y: 7, demand: 5, ready: 0, due: 90, service: 10 },
    ]);
  });

  it('reads the routes as .vrp node ids (customer k is node k+1) and the cost', () => {
    expect(parseSolomonSol(sol)).toEqual({ routes: [[2, 3], [4]], cost: 33.1 });
  });

  it('rejects a file with a missing section or a broken row, saying which', () => {
    expect(() => parseSolomonVrp(vrp.replace(/DEMAND_SECTION[\s\S]*?TIME_WINDOW/, 'TIME_WINDOW'))).toThrow('missing DEMAND_SECTION');
    expect(() => parseSolomonVrp(vrp.replace('2 3 4', '2 3 x'))).toThrow('not a row of numbers in NODE_COORD_SECTION');
    expect(() => parseSolomonVrp(vrp.replace('DIMENSION : 4', 'DIMENSION : 5'))).toThrow('DIMENSION 5 but 4 nodes');
    expect(() => parseSolomonSol('Route #1: 1 2\n')).toThrow('no Cost line');
  });

  it('measures distance the DIMACS way: Euclidean truncated to one decimal', () => {
    expect(solomonDistance({ x: 0, y: 0 }, { x: 3, y: 4 })).toBe(5);
    expect(solomonDistance({ x: 0, y: 0 }, { x: 1, y: 1 })).toBe(1.4);
    expect(solomonDistance({ x: 0, y: 0 }, { x: 2, y: 3 })).toBe(3.6);
  });
});
