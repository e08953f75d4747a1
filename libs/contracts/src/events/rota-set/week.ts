/** The seven dates (`YYYY-MM-DD`) of an ISO week `YYYY-Www`, Monday first; undefined for a malformed or non-existent week. */
export function daysOfIsoWeek(week: string): string[] | undefined {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) return undefined;
  const year = Number(m[1]);
  const n = Number(m[2]);
  const jan4 = Date.UTC(year, 0, 4);
  const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000 + (n - 1) * 7 * 86_400_000;
  const days = Array.from({ length: 7 }, (_, i) => new Date(monday + i * 86_400_000).toISOString().slice(0, 10));
  const nextJan4Monday = Date.UTC(year + 1, 0, 4) - ((new Date(Date.UTC(year + 1, 0, 4)).getUTCDay() + 6) % 7) * 86_400_000;
  return n >= 1 && monday < nextJan4Monday ? days : undefined;
}
