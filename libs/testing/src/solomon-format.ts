/**
 * Readers for Solomon VRPTW instances in VRPLIB text format (`.vrp`) and their solution files
 * (`.sol`), as published by PyVRP/Instances (see test/bench/solomon/README.md). Plain parsing,
 * no I/O: the caller reads the files.
 */

export interface SolomonNode {
  /** Node number as in the file (1 = the depot). */
  id: number;
  x: number;
  y: number;
  demand: number;
  ready: number;
  due: number;
  service: number;
}

export interface SolomonInstance {
  name: string;
  vehicles: number;
  capacity: number;
  depot: SolomonNode;
  /** Every node but the depot, in file order. */
  customers: SolomonNode[];
}

export interface SolomonSolution {
  /** Each route as file node ids (the .sol numbers customers from 1, the depot being 0, so file id = number + 1). */
  routes: number[][];
  cost: number;
}

const numbers = (line: string, where: string): number[] => {
  const parts = line.trim().split(/\s+/).map(Number);
  if (parts.some((n) => !Number.isFinite(n))) throw new Error(`not a row of numbers in ${where}: "${line.trim()}"`);
  return parts;
};

export function parseSolomonVrp(text: string): SolomonInstance {
  const header = new Map<string, string>();
  const sections = new Map<string, number[][]>();
  let section: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line === 'EOF') continue;
    const kv = /^([A-Z_]+)\s*:\s*(.*)$/.exec(line);
    if (kv) {
      header.set(kv[1]!, kv[2]!.trim());
      section = undefined;
    } else if (/^[A-Z_]+_SECTION$/.test(line)) {
      section = line;
      sections.set(section, []);
    } else if (section) {
      sections.get(section)!.push(numbers(line, section));
    } else {
      throw new Error(`unexpected line outside any section: "${line}"`);
    }
  }
  const need = (key: string) => {
    const v = Number(header.get(key));
    if (!header.has(key) || !Number.isFinite(v)) throw new Error(`missing or bad ${key}`);
    return v;
  };
  const rows = (name: string) => {
    const r = sections.get(name);
    if (!r) throw new Error(`missing ${name}`);
    return new Map(r.map((row) => [row[0]!, row.slice(1)]));
  };
  const coords = rows('NODE_COORD_SECTION');
  const demands = rows('DEMAND_SECTION');
  const windows = rows('TIME_WINDOW_SECTION');
  const depotId = (sections.get('DEPOT_SECTION') ?? [[1]])[0]![0]!;
  const service = header.has('SERVICE_TIME') ? need('SERVICE_TIME') : 0;
  const nodes: SolomonNode[] = [...coords.entries()].map(([id, [x, y]]) => {
    const w = windows.get(id);
    const d = demands.get(id);
    if (x === undefined || y === undefined || !w || w.length < 2 || !d) throw new Error(`node ${id}: incomplete coordinates, demand or window`);
    return { id, x, y, demand: d[0]!, ready: w[0]!, due: w[1]!, service: id === depotId ? 0 : service };
  });
  if (nodes.length !== need('DIMENSION')) throw new Error(`DIMENSION ${need('DIMENSION')} but ${nodes.length} nodes`);
  const depot = nodes.find((n) => n.id === depotId);
  if (!depot) throw new Error(`depot ${depotId} has no coordinates`);
  return {
    name: header.get('NAME') ?? '',
    vehicles: need('VEHICLES'),
    capacity: need('CAPACITY'),
    depot,
    customers: nodes.filter((n) => n.id !== depotId),
  };
}

export function parseSolomonSol(text: string): SolomonSolution {
  const routes: number[][] = [];
  let cost: number | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const route = /^Route\s*#\d+\s*:(.*)$/i.exec(line);
    if (route) routes.push(numbers(route[1]!, line).map((c) => c + 1));
    const c = /^Cost\s+([\d.]+)$/i.exec(line);
    if (c) cost = Number(c[1]);
  }
  if (cost === undefined) throw new Error('no Cost line');
  if (routes.length === 0) throw new Error('no Route lines');
  return { routes, cost };
}

/** DIMACS convention for Solomon's instances: Euclidean distance truncated to one decimal. */
export const solomonDistance = (a: { x: number; y: number }, b: { x: number; y: number }): number => Math.floor(Math.hypot(a.x - b.x, a.y - b.y) * 10) / 10;
