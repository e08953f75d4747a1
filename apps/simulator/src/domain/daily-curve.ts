/**
 * How a call centre's volume moves through the day: quiet at night, a morning peak, a dip at
 * lunch, an afternoon peak and a long evening tail. Relative weights per local hour (the value
 * at hh:00); normalised so the day's mean is 1, so `rate × curve` keeps `rate` as the day's
 * average tickets per minute.
 */
const HOURLY_WEIGHTS = [
  0.18, 0.12, 0.1, 0.08, 0.08, 0.12, 0.25, 0.55, 1.0, 1.45, 1.6, 1.5, 1.2, 1.25, 1.45, 1.5, 1.45, 1.3, 1.25, 1.3, 1.2, 0.95, 0.6, 0.32,
] as const;

const MEAN = HOURLY_WEIGHTS.reduce((s, w) => s + w, 0) / HOURLY_WEIGHTS.length;

/** Relative volume at a local time of day in hours (0 ≤ h < 24, fractions allowed), day mean 1. */
export function dailyCurve(localHour: number): number {
  const h = ((localHour % 24) + 24) % 24;
  const i = Math.floor(h);
  const frac = h - i;
  const a = HOURLY_WEIGHTS[i]!;
  const b = HOURLY_WEIGHTS[(i + 1) % 24]!;
  return (a + (b - a) * frac) / MEAN;
}

/** The local time of day in hours of an instant, for a region at a fixed UTC offset. */
export function localHourOf(at: Date, utcOffsetMinutes: number): number {
  const minutes = at.getUTCHours() * 60 + at.getUTCMinutes() + at.getUTCSeconds() / 60 + utcOffsetMinutes;
  return (((minutes / 60) % 24) + 24) % 24;
}

/** Tickets per minute at an instant: the day's average `rate` shaped by the curve. */
export function ticketsPerMinuteAt(rate: number, at: Date, utcOffsetMinutes: number): number {
  return rate * dailyCurve(localHourOf(at, utcOffsetMinutes));
}

/**
 * The instant of `now`'s calendar day (in the region) at local time `hh:mm`: where a run that
 * wants to start in the busy part of the day puts its simulated clock.
 */
export function atLocalTime(now: Date, hhmm: string, utcOffsetMinutes: number): Date {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!m) throw new Error(`not a time of day: "${hhmm}" (use HH:MM)`);
  const localMidnight = Math.floor((now.getTime() + utcOffsetMinutes * 60_000) / 86_400_000) * 86_400_000;
  return new Date(localMidnight - utcOffsetMinutes * 60_000 + (Number(m[1]) * 60 + Number(m[2])) * 60_000);
}
