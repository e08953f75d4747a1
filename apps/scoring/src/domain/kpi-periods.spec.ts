import { windowOfDay, windowsOf } from './kpi-periods';

describe('KPI windows: days, ISO weeks and months on the reporting zone’s calendar', () => {
  it('cuts an ISO week Monday to Sunday, across a month and a year', () => {
    expect(windowOfDay('2026-11-25', 'week')).toEqual({ period: 'week', start: '2026-11-23', end: '2026-11-29' }); // a Wednesday
    expect(windowOfDay('2026-11-23', 'week')).toEqual({ period: 'week', start: '2026-11-23', end: '2026-11-29' }); // Monday: its own week
    expect(windowOfDay('2026-11-29', 'week')).toEqual({ period: 'week', start: '2026-11-23', end: '2026-11-29' }); // Sunday: still the same week
    expect(windowOfDay('2026-11-30', 'week')).toEqual({ period: 'week', start: '2026-11-30', end: '2026-12-06' }); // the next Monday
    expect(windowOfDay('2027-01-01', 'week')).toEqual({ period: 'week', start: '2026-12-28', end: '2027-01-03' }); // ISO week 53 of 2026
  });

  it('cuts months to their last day, leap February included', () => {
    expect(windowOfDay('2026-11-30', 'month')).toEqual({ period: 'month', start: '2026-11-01', end: '2026-11-30' });
    expect(windowOfDay('2026-12-01', 'month')).toEqual({ period: 'month', start: '2026-12-01', end: '2026-12-31' });
    expect(windowOfDay('2028-02-10', 'month')).toEqual({ period: 'month', start: '2028-02-01', end: '2028-02-29' });
    expect(windowOfDay('2027-02-10', 'month')).toEqual({ period: 'month', start: '2027-02-01', end: '2027-02-28' });
    expect(windowOfDay('2026-11-24', 'day')).toEqual({ period: 'day', start: '2026-11-24', end: '2026-11-24' });
  });

  it('takes the day in the reporting zone: 15:59:59Z on 30 November is still November in Shanghai, 16:00Z is 1 December', () => {
    const before = windowsOf(new Date('2026-11-30T15:59:59.999Z'), 'Asia/Shanghai');
    expect(before.map((w) => w.start)).toEqual(['2026-11-30', '2026-11-30', '2026-11-01']);
    const after = windowsOf(new Date('2026-11-30T16:00:00Z'), 'Asia/Shanghai');
    expect(after).toEqual([
      { period: 'day', start: '2026-12-01', end: '2026-12-01' },
      { period: 'week', start: '2026-11-30', end: '2026-12-06' },
      { period: 'month', start: '2026-12-01', end: '2026-12-31' },
    ]);
    // The same instant in UTC is still 30 November.
    expect(windowsOf(new Date('2026-11-30T16:00:00Z'), 'UTC')[0]!.start).toBe('2026-11-30');
  });

  it('takes the week boundary in the zone: Sunday 23:59 Shanghai is the old week, Monday 00:00 the new', () => {
    expect(windowsOf(new Date('2026-11-29T15:59:00Z'), 'Asia/Shanghai')[1]!.start).toBe('2026-11-23');
    expect(windowsOf(new Date('2026-11-29T16:00:00Z'), 'Asia/Shanghai')[1]!.start).toBe('2026-11-30');
  });
});
