import type { KpiPeriod } from '@switchboard/contracts';
import { localDateOf } from '@switchboard/time';

/** The reporting time zone whose calendar cuts the KPI windows (configuration; domain default). */
export const DEFAULT_REPORTING_TIME_ZONE = 'Asia/Shanghai';

export interface KpiWindowSpan {
  period: KpiPeriod;
  /** First local calendar day (YYYY-MM-DD). */
  start: string;
  /** Last local calendar day, included. */
  end: string;
}

const DAY_MS = 86_400_000;

function parseDay(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function formatDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The window of `period` holding a local calendar day: the day; its ISO week (Monday to Sunday); its month. */
export function windowOfDay(date: string, period: KpiPeriod): KpiWindowSpan {
  const ms = parseDay(date);
  if (period === 'day') return { period, start: date, end: date };
  if (period === 'week') {
    const isoWeekday = ((new Date(ms).getUTCDay() + 6) % 7) + 1; // Monday 1 … Sunday 7
    const monday = ms - (isoWeekday - 1) * DAY_MS;
    return { period, start: formatDay(monday), end: formatDay(monday + 6 * DAY_MS) };
  }
  const d = new Date(ms);
  const first = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  const last = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - DAY_MS;
  return { period, start: formatDay(first), end: formatDay(last) };
}

/** The day, ISO week and month windows an instant falls in, on the reporting zone's calendar. */
export function windowsOf(instant: number | Date, timeZone: string): KpiWindowSpan[] {
  const day = localDateOf(instant, timeZone);
  return (['day', 'week', 'month'] as const).map((p) => windowOfDay(day, p));
}
