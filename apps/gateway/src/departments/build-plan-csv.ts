/**
 * `POST /v1/build-plan` as `text/csv`: the construction department's build-plan and no-investment
 * lists as a spreadsheet export (ADR 0030). Plain code, no Nest.
 */

/** A line of a CSV upload that could not be read, 1-based with the header as line 1. */
export interface CsvProblem {
  line: number;
  message: string;
}

const CSV_COLUMNS = ['list', 'target', 'targetId', 'region', 'siteId', 'plannedYear', 'plannedQuarter', 'note'] as const;

/**
 * Reads the lists from CSV with a header naming some of: list, target, targetId, region, siteId,
 * plannedYear, plannedQuarter, note (list, target, targetId and region required). Plain commas,
 * no quoting; empty cells are absent. Rows come back untyped-checked: the caller validates them
 * against the command's schema, which reports the field.
 */
export function parseBuildPlanCsv(text: string): { rows: Record<string, string | number>[]; problems: CsvProblem[] } {
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((h) => h.trim());
  const problems: CsvProblem[] = [];
  for (const required of ['list', 'target', 'targetId', 'region']) {
    if (!header.includes(required)) problems.push({ line: 1, message: `the header has no "${required}" column` });
  }
  for (const h of header) {
    if (h && !(CSV_COLUMNS as readonly string[]).includes(h)) problems.push({ line: 1, message: `unknown column "${h}" (known: ${CSV_COLUMNS.join(', ')})` });
  }
  if (problems.length > 0) return { rows: [], problems };
  const rows: Record<string, string | number>[] = [];
  lines.slice(1).forEach((raw, i) => {
    if (raw.trim() === '') return;
    const cells = raw.split(',').map((c) => c.trim());
    if (cells.length !== header.length) {
      problems.push({ line: i + 2, message: `${cells.length} cells, the header has ${header.length}` });
      return;
    }
    const row: Record<string, string | number> = {};
    header.forEach((h, k) => {
      const v = cells[k]!;
      if (v === '') return;
      row[h] = (h === 'plannedYear' || h === 'plannedQuarter') && /^\d+$/.test(v) ? Number(v) : v;
    });
    rows.push(row);
  });
  return { rows, problems };
}
