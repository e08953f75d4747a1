import { atLocalTime, dailyCurve, localHourOf, ticketsPerMinuteAt } from './daily-curve';

describe('daily curve', () => {
  it('averages 1 over the day, so the rate is the daily mean', () => {
    let sum = 0;
    const steps = 24 * 60;
    for (let m = 0; m < steps; m++) sum += dailyCurve(m / 60);
    expect(sum / steps).toBeCloseTo(1, 2);
  });

  it('is busier in the day than at night', () => {
    expect(dailyCurve(10)).toBeGreaterThan(1.3);
    expect(dailyCurve(15)).toBeGreaterThan(1.3);
    expect(dailyCurve(3)).toBeLessThan(0.15);
    expect(dailyCurve(3) * 10).toBeLessThan(dailyCurve(10));
  });

  it('is continuous across midnight and periodic', () => {
    expect(dailyCurve(23.999)).toBeCloseTo(dailyCurve(0), 2);
    expect(dailyCurve(24 + 10.5)).toBeCloseTo(dailyCurve(10.5), 10);
    expect(dailyCurve(-1)).toBeCloseTo(dailyCurve(23), 10);
  });

  it('reads the local hour at the region offset', () => {
    expect(localHourOf(new Date('2026-11-24T02:30:00Z'), 480)).toBeCloseTo(10.5, 10);
    expect(localHourOf(new Date('2026-11-24T20:00:00Z'), 480)).toBeCloseTo(4, 10);
    expect(localHourOf(new Date('2026-11-24T01:00:00Z'), -120)).toBeCloseTo(23, 10);
  });

  it('scales with the rate', () => {
    const at = new Date('2026-11-24T02:00:00Z'); // 10:00 in Hangzhou
    expect(ticketsPerMinuteAt(60, at, 480)).toBeCloseTo(2 * ticketsPerMinuteAt(30, at, 480), 10);
    expect(ticketsPerMinuteAt(30, at, 480)).toBeCloseTo(30 * dailyCurve(10), 10);
  });
});

describe('a run starting at a local time of day', () => {
  it('puts the simulated clock at that time of the region\'s current day', () => {
    // 04:30 in Hangzhou on the 25th
    const now = new Date('2026-11-24T20:30:00Z');
    expect(atLocalTime(now, '10:00', 480).toISOString()).toBe('2026-11-25T02:00:00.000Z');
    expect(atLocalTime(now, '0:05', 480).toISOString()).toBe('2026-11-24T16:05:00.000Z');
    expect(localHourOf(atLocalTime(now, '23:30', -300), -300)).toBeCloseTo(23.5, 10);
  });

  it.each(['24:00', '9', '10:7', 'noon'])('refuses "%s"', (text) => {
    expect(() => atLocalTime(new Date(), text, 480)).toThrow('not a time of day');
  });
});
