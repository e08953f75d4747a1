import { areaRowSchema, cellRowSchema, type AreaRow, type CellRow } from '@switchboard/contracts';

/** One reason per bad field of a bad row: `path` is `line <n>.<column>` (line 1 is the header). */
export interface CsvReason {
  path: string;
  code: string;
  message: string;
}

export type CsvResult<R> = { ok: true; rows: R[] } | { ok: false; reasons: CsvReason[] };

/** The most rows one import takes (a larger file is split by the operator). */
export const MAX_CSV_ROWS = 50_000;
/** The most reasons a 422 lists (the first ones, in line order). */
export const MAX_CSV_REASONS = 200;

/** Splits one CSV line into fields: comma-separated, a field may be "double-quoted" with "" for a quote. */
export function splitCsvLine(line: string): string[] | undefined {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        if (i >= line.length) return undefined; // an unterminated quote
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += line[i++];
      }
      if (i < line.length && line[i] !== ',') return undefined;
    } else {
      const end = line.indexOf(',', i);
      field = end < 0 ? line.slice(i) : line.slice(i, end);
      i = end < 0 ? line.length : end;
    }
    fields.push(field.trim());
    if (i >= line.length) return fields;
    i++; // the comma
  }
}

type Column<R> = { name: string; aliases?: string[]; set: (row: Partial<Record<keyof R, unknown>>, value: string, fail: (code: string, message: string) => void) => void };

function parseCsv<R>(text: string, columns: Column<R>[], validate: (row: unknown) => { ok: true; value: R } | { ok: false; reasons: CsvReason[] }, keyOf: (row: R) => string): CsvResult<R> {
  const reasons: CsvReason[] = [];
  const fail = (line: number, column: string, code: string, message: string) => {
    if (reasons.length < MAX_CSV_REASONS) reasons.push({ path: `line ${line}.${column}`, code, message: `line ${line}, ${column}: ${message}` });
  };
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? '')?.map((h) => h.toLowerCase().replace(/[\s_-]/g, ''));
  const expected = columns.map((c) => c.name);
  const positions = columns.map((c) => header?.findIndex((h) => h === c.name.toLowerCase().replace(/[\s_-]/g, '') || (c.aliases ?? []).includes(h)) ?? -1);
  if (!header || positions.some((p) => p < 0)) {
    return { ok: false, reasons: [{ path: 'line 1', code: 'CSV.HEADER', message: `line 1 must be the header ${expected.join(',')} (in any order); got "${(lines[0] ?? '').slice(0, 200)}"` }] };
  }
  const rows: R[] = [];
  const firstLineOf = new Map<string, number>();
  let dataRows = 0;
  for (let i = 1; i < lines.length; i++) {
    const line = i + 1;
    if (lines[i]!.trim() === '') continue;
    if (++dataRows > MAX_CSV_ROWS) {
      return { ok: false, reasons: [{ path: `line ${line}`, code: 'CSV.TOO_MANY_ROWS', message: `at most ${MAX_CSV_ROWS} rows per import` }] };
    }
    const fields = splitCsvLine(lines[i]!);
    if (!fields) {
      fail(line, '(row)', 'CSV.MALFORMED', 'an unterminated or misplaced double quote');
      continue;
    }
    if (fields.length !== header.length) {
      fail(line, '(row)', 'CSV.FIELD_COUNT', `${fields.length} fields, the header has ${header.length}`);
      continue;
    }
    const draft: Partial<Record<keyof R, unknown>> = {};
    let bad = false;
    columns.forEach((c, k) =>
      c.set(draft, fields[positions[k]!]!, (code, message) => {
        bad = true;
        fail(line, c.name, code, message);
      }),
    );
    if (bad) continue;
    const checked = validate(draft);
    if (!checked.ok) {
      for (const r of checked.reasons) fail(line, r.path, r.code, r.message);
      continue;
    }
    const key = keyOf(checked.value);
    const first = firstLineOf.get(key);
    if (first !== undefined) {
      fail(line, columns[0]!.name, 'CSV.DUPLICATE', `"${key}" is already on line ${first}`);
      continue;
    }
    firstLineOf.set(key, line);
    rows.push(checked.value);
  }
  if (reasons.length > 0) return { ok: false, reasons };
  if (rows.length === 0) return { ok: false, reasons: [{ path: 'line 2', code: 'CSV.EMPTY', message: 'no rows after the header' }] };
  return { ok: true, rows };
}

const text = <R>(key: keyof R) => (row: Partial<Record<keyof R, unknown>>, value: string) => {
  row[key] = value;
};
const number =
  <R>(key: keyof R) =>
  (row: Partial<Record<keyof R, unknown>>, value: string, fail: (code: string, message: string) => void) => {
    const n = value === '' ? NaN : Number(value);
    if (!Number.isFinite(n)) fail('CSV.NOT_A_NUMBER', `"${value.slice(0, 50)}" is not a number`);
    row[key] = n;
  };

function zodCheck<R>(schema: { safeParse: (v: unknown) => { success: true; data: R } | { success: false; error: { issues: { path: PropertyKey[]; code: string; message: string }[] } } }) {
  return (row: unknown) => {
    const r = schema.safeParse(row);
    if (r.success) return { ok: true as const, value: r.data };
    const reasons = r.error.issues.map((i) => ({ path: String(i.path[0] ?? '(row)'), code: `CSV.INVALID_${i.code.toUpperCase()}`, message: i.message }));
    // The first reason per field is enough to fix it.
    return { ok: false as const, reasons: reasons.filter((reason, k) => reasons.findIndex((other) => other.path === reason.path) === k) };
  };
}

/**
 * The operator's radio cells (`POST /v1/cells`): header `cellId,region,lat,lon,neighbours`
 * (cell_id also accepted), neighbours `;`-separated and possibly empty (then distance decides
 * adjacency). Every bad row is reported, with its line and field.
 */
export function parseCellsCsv(csv: string): CsvResult<CellRow> {
  return parseCsv<CellRow>(
    csv,
    [
      { name: 'cellId', aliases: ['cellid', 'cell'], set: text('cellId') },
      { name: 'region', set: text('region') },
      { name: 'lat', aliases: ['latitude'], set: number('lat') },
      { name: 'lon', aliases: ['lng', 'longitude'], set: number('lon') },
      {
        name: 'neighbours',
        aliases: ['neighbors'],
        set: (row, value) => {
          row.neighbours = value === '' ? [] : value.split(';').map((n) => n.trim()).filter((n) => n !== '');
        },
      },
    ],
    (row) => {
      const checked = zodCheck<CellRow>(cellRowSchema)(row);
      if (checked.ok && checked.value.neighbours.includes(checked.value.cellId)) {
        return { ok: false, reasons: [{ path: 'neighbours', code: 'CSV.SELF_NEIGHBOUR', message: 'a cell cannot be its own neighbour' }] };
      }
      return checked;
    },
    (r) => r.cellId,
  );
}

/** The geography (`POST /v1/areas`): header `region,county,zone`; a zone appears once per region. */
export function parseAreasCsv(csv: string): CsvResult<AreaRow> {
  return parseCsv<AreaRow>(
    csv,
    [
      { name: 'region', set: text('region') },
      { name: 'county', set: text('county') },
      { name: 'zone', set: text('zone') },
    ],
    zodCheck<AreaRow>(areaRowSchema),
    (r) => `${r.region}/${r.zone}`,
  );
}

/** Splits rows into chunks of at most `size` (the import commands' limit). */
export function chunk<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
