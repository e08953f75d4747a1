/**
 * What every people-and-contractor rule returns so that a monthly scorecard can show its
 * arithmetic (issue 8: "the scorecard shows the arithmetic line by line"): one line per step,
 * `amount = round(quantity × rate)`. Money is in fen (1/100 yuan) so pay adds up exactly; points
 * are whole or hundredth points as the rule says.
 */
export interface ArithmeticLine {
  /** Stable machine code of the line, e.g. `piece:repair:complex`, `complaint:escalated`, `streak:good:6`. */
  code: string;
  /** What the line counts, in words and ids only (never a name or a phone number). */
  label: string;
  quantity: number;
  rate: number;
  amount: number;
  unit: LineUnit;
}

export type LineUnit = 'fen' | 'points';

/** A calendar month, `YYYY-MM`. */
export type Month = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Throws a RangeError unless `month` is `YYYY-MM`. */
export function assertMonth(month: Month): void {
  if (!MONTH.test(month)) throw new RangeError(`not a month (YYYY-MM): ${month}`);
}

/** The month after `month` (`2026-12` → `2027-01`). */
export function nextMonth(month: Month): Month {
  assertMonth(month);
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Rounds to `decimals` places, halves away from zero (so −0.5 points is −1, like 0.5 is 1). */
export function roundTo(value: number, decimals = 0): number {
  const f = 10 ** decimals;
  const r = (Math.sign(value) * Math.round(Math.abs(value) * f + 1e-9)) / f;
  return r === 0 ? 0 : r;
}

/** A line whose amount is `round(quantity × rate)` to `decimals` places. */
export function line(code: string, label: string, quantity: number, rate: number, unit: LineUnit, decimals = 0): ArithmeticLine {
  return { code, label, quantity, rate, amount: roundTo(quantity * rate, decimals), unit };
}

/** The sum of the lines' amounts, rounded like them. */
export function sumAmounts(lines: readonly ArithmeticLine[], decimals = 0): number {
  return roundTo(
    lines.reduce((s, l) => s + l.amount, 0),
    decimals,
  );
}
