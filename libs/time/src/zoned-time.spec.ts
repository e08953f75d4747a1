import { instantOfLocalTime, isTimeZone, localDateOf, wallClockAt, zoneOffsetMs } from './zoned-time';

const HOUR = 3_600_000;
const iso = (d: Date) => d.toISOString();

describe('zoned time (Intl, no dependency)', () => {
  it('reads the zone offsets: Berlin and New York change with daylight saving, Shanghai does not', () => {
    expect(zoneOffsetMs('Europe/Berlin', Date.parse('2026-01-15T12:00:00Z'))).toBe(HOUR);
    expect(zoneOffsetMs('Europe/Berlin', Date.parse('2026-03-29T00:59:59Z'))).toBe(HOUR);
    expect(zoneOffsetMs('Europe/Berlin', Date.parse('2026-03-29T01:00:00Z'))).toBe(2 * HOUR);
    expect(zoneOffsetMs('America/New_York', Date.parse('2026-11-01T05:59:59Z'))).toBe(-4 * HOUR);
    expect(zoneOffsetMs('America/New_York', Date.parse('2026-11-01T06:00:00Z'))).toBe(-5 * HOUR);
    for (const t of ['2026-01-15T00:00:00Z', '2026-03-29T01:00:00Z', '2026-07-15T00:00:00Z', '2026-10-25T01:00:00Z']) {
      expect(zoneOffsetMs('Asia/Shanghai', Date.parse(t))).toBe(8 * HOUR);
    }
  });

  it('places a wall time skipped by the spring change after the gap, and a repeated one at its first occurrence', () => {
    // 02:30 does not exist in Berlin on 29 March 2026; it reads as 03:30 CEST = 01:30Z.
    expect(iso(instantOfLocalTime(2026, 3, 29, 150, 'Europe/Berlin'))).toBe('2026-03-29T01:30:00.000Z');
    // 02:30 happens twice on 25 October 2026: the first time, still CEST (00:30Z).
    expect(iso(instantOfLocalTime(2026, 10, 25, 150, 'Europe/Berlin'))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(instantOfLocalTime(2026, 11, 24, 9 * 60, 'Asia/Shanghai'))).toBe('2026-11-24T01:00:00.000Z');
  });

  it("gives an instant's local date and clock in a zone", () => {
    const lateUtc = Date.parse('2026-11-24T17:30:00Z');
    expect(localDateOf(lateUtc, 'Asia/Shanghai')).toBe('2026-11-25');
    expect(localDateOf(lateUtc, 'UTC')).toBe('2026-11-24');
    expect(wallClockAt(lateUtc, 'Asia/Shanghai')).toEqual({ year: 2026, month: 11, day: 25, hour: 1, minute: 30, second: 0 });
  });

  it('knows the IANA zones of the runtime and nothing else', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    for (const bad of ['Mars/Olympus', '', '   ', 42, undefined]) expect(isTimeZone(bad)).toBe(false);
  });
});
