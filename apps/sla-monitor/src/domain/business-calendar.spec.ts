import {
  BusinessCalendar,
  type BusinessCalendarSpec,
  CalendarNeverOpensError,
  CalendarSpecError,
  validateCalendarSpec,
} from './business-calendar';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** Shanghai local time (UTC+8, no DST). */
const sh = (local: string) => new Date(`${local}+08:00`);
const iso = (d: Date | null) => d?.toISOString() ?? null;

const OFFICE_DAY = ['09:00-12:00', '13:00-18:00'];
const officeSpec: BusinessCalendarSpec = {
  timeZone: 'Asia/Shanghai',
  hours: { mon: OFFICE_DAY, tue: OFFICE_DAY, wed: OFFICE_DAY, thu: OFFICE_DAY, fri: OFFICE_DAY, sat: ['08:00-11:00', '17:00-21:00'] },
  holidays: [{ from: '2026-10-01', to: '2026-10-07', name: 'National Day' }, { yearly: '01-01', name: 'New Year' }, { date: '2026-12-25' }],
};
// Mon–Fri with a lunch break, Saturday a split shift, Sunday closed.
const office = BusinessCalendar.of(officeSpec);
const weekdaysOnly = (timeZone: string, day: readonly string[]): BusinessCalendar =>
  BusinessCalendar.of({ timeZone, hours: { mon: day, tue: day, wed: day, thu: day, fri: day } });
const monFri = weekdaysOnly('Asia/Shanghai', OFFICE_DAY);
const shanghai24x7 = BusinessCalendar.of({ timeZone: 'Asia/Shanghai', hours: '24x7' });
const berlin24x7 = BusinessCalendar.of({ timeZone: 'Europe/Berlin', hours: '24x7' });
const newYork24x7 = BusinessCalendar.of({ timeZone: 'America/New_York', hours: '24x7' });
const berlinOffice = weekdaysOnly('Europe/Berlin', ['08:00-17:00']);
const berlinSundays = (interval: string) => BusinessCalendar.of({ timeZone: 'Europe/Berlin', hours: { sun: [interval] } });

const codes = (spec: BusinessCalendarSpec) => validateCalendarSpec(spec).map((p) => `${p.code} ${p.path}`);

describe('validating a calendar', () => {
  it('accepts weekly hours with split days and every kind of holiday, and 24x7', () => {
    expect(validateCalendarSpec(officeSpec)).toEqual([]);
    expect(validateCalendarSpec({ timeZone: 'America/New_York', hours: '24x7' })).toEqual([]);
    expect(validateCalendarSpec({ timeZone: 'UTC', hours: { sun: ['00:00-24:00'] }, holidays: [{ yearly: '02-29' }] })).toEqual([]);
  });

  it('refuses a time zone that is not IANA', () => {
    expect(codes({ timeZone: 'Mars/Olympus_Mons', hours: '24x7' })).toEqual(['BAD_TIME_ZONE timeZone']);
    expect(codes({ timeZone: '', hours: '24x7' })).toEqual(['BAD_TIME_ZONE timeZone']);
  });

  it('refuses an unknown weekday', () => {
    expect(codes({ timeZone: 'UTC', hours: { monday: ['09:00-17:00'] } as never })).toEqual(['UNKNOWN_WEEKDAY hours.monday']);
  });

  it('refuses malformed intervals and times out of range', () => {
    expect(codes({ timeZone: 'UTC', hours: { mon: ['9:00-12:00', '09:60-10:00', '25:00-26:00', '24:00-24:00', '10:00-24:01', '08:00-09:00'] } })).toEqual([
      'BAD_INTERVAL hours.mon[0]',
      'BAD_INTERVAL hours.mon[1]',
      'BAD_INTERVAL hours.mon[2]',
      'BAD_INTERVAL hours.mon[3]',
      'BAD_INTERVAL hours.mon[4]',
    ]);
    expect(codes({ timeZone: 'UTC', hours: { mon: '09:00-17:00' } as never })).toEqual(['BAD_INTERVAL hours.mon']);
  });

  it('refuses an interval that ends before or when it starts (a night shift is split at midnight)', () => {
    expect(codes({ timeZone: 'UTC', hours: { mon: ['22:00-06:00'], tue: ['09:00-09:00'] } })).toEqual(['END_NOT_AFTER_START hours.mon[0]', 'END_NOT_AFTER_START hours.tue[0]']);
    expect(codes({ timeZone: 'UTC', hours: { mon: ['22:00-24:00'], tue: ['00:00-06:00'] } })).toEqual([]);
  });

  it('refuses overlapping intervals, accepts touching ones as one', () => {
    expect(codes({ timeZone: 'UTC', hours: { wed: ['13:00-18:00', '09:00-13:30'] } })).toEqual(['OVERLAPPING_INTERVALS hours.wed[0]']);
    const touching = BusinessCalendar.of({ timeZone: 'UTC', hours: { wed: ['12:00-13:00', '09:00-12:00'] } });
    expect(touching.businessTimeBetween(new Date('2026-11-25T00:00:00Z'), new Date('2026-11-26T00:00:00Z'))).toBe(4 * HOUR);
  });

  it('refuses weekly hours with no opening at all', () => {
    expect(codes({ timeZone: 'UTC', hours: {} })).toEqual(['NO_OPENING_HOURS hours']);
    expect(codes({ timeZone: 'UTC', hours: { mon: [], sun: [] } })).toEqual(['NO_OPENING_HOURS hours']);
  });

  it('refuses bad holiday dates, reversed ranges, bad month-days and holidays on a 24x7 calendar', () => {
    const hours = { mon: ['09:00-17:00'] };
    expect(
      codes({
        timeZone: 'UTC',
        hours,
        holidays: [{ date: '2026-02-30' }, { from: '2026-10-07', to: '2026-10-01' }, { from: '2026-13-01', to: 'soon' }, { yearly: '13-01' }, { yearly: '02-30' }, {} as never],
      }),
    ).toEqual([
      'BAD_DATE holidays[0].date',
      'RANGE_END_BEFORE_START holidays[1]',
      'BAD_DATE holidays[2].from',
      'BAD_DATE holidays[2].to',
      'BAD_MONTH_DAY holidays[3].yearly',
      'BAD_MONTH_DAY holidays[4].yearly',
      'BAD_HOLIDAY holidays[5]',
    ]);
    expect(codes({ timeZone: 'UTC', hours: '24x7', holidays: [{ date: '2026-10-01' }] })).toEqual(['HOLIDAYS_ON_24X7 holidays']);
  });

  it('throws every problem at once with a stable code when building one', () => {
    const build = () => BusinessCalendar.of({ timeZone: 'Nowhere', hours: { mon: ['18:00-09:00'] } });
    expect(build).toThrow(CalendarSpecError);
    try {
      build();
    } catch (e) {
      expect((e as CalendarSpecError).code).toBe('CALENDAR.INVALID');
      expect((e as CalendarSpecError).problems.map((p) => p.code)).toEqual(['BAD_TIME_ZONE', 'END_NOT_AFTER_START']);
      expect((e as Error).message).toMatch(/timeZone: "Nowhere" is not an IANA time zone; hours.mon\[0\]/);
    }
  });
});

describe('is the calendar open', () => {
  it('is open from the start of an interval up to, not including, its end', () => {
    expect(office.isOpenAt(sh('2026-11-23T09:00:00'))).toBe(true); // Monday
    expect(office.isOpenAt(sh('2026-11-23T08:59:59.999'))).toBe(false);
    expect(office.isOpenAt(sh('2026-11-23T11:59:59.999'))).toBe(true);
    expect(office.isOpenAt(sh('2026-11-23T12:00:00'))).toBe(false); // lunch
    expect(office.isOpenAt(sh('2026-11-23T13:00:00'))).toBe(true);
    expect(office.isOpenAt(sh('2026-11-23T18:00:00'))).toBe(false);
  });

  it('opens twice on a split-shift Saturday and never on Sunday', () => {
    expect(office.isOpenAt(sh('2026-11-28T10:00:00'))).toBe(true);
    expect(office.isOpenAt(sh('2026-11-28T14:00:00'))).toBe(false);
    expect(office.isOpenAt(sh('2026-11-28T20:59:00'))).toBe(true);
    expect(office.isOpenAt(sh('2026-11-29T10:00:00'))).toBe(false);
  });

  it('is closed on a single holiday, every day of a holiday range, and a yearly holiday in any year', () => {
    expect(office.isOpenAt(sh('2026-12-25T10:00:00'))).toBe(false);
    for (const day of ['01', '02', '05', '06', '07']) expect(office.isOpenAt(sh(`2026-10-${day}T10:00:00`))).toBe(false);
    expect(office.isOpenAt(sh('2026-10-08T10:00:00'))).toBe(true);
    expect(office.isOpenAt(sh('2027-01-01T10:00:00'))).toBe(false); // a Friday
    expect(office.isOpenAt(sh('2031-01-01T10:00:00'))).toBe(false); // a Wednesday
    expect(office.isHoliday('2030-01-01')).toBe(true);
    expect(office.isHoliday('2026-10-08')).toBe(false);
    expect(office.isWorkingDay('2026-10-08')).toBe(true);
    expect(office.isWorkingDay('2026-11-29')).toBe(false); // Sunday
    expect(office.isWorkingDay('2026-11-28')).toBe(true); // Saturday shift
  });

  it('is always open when 24x7', () => {
    expect(shanghai24x7.isOpenAt(sh('2026-10-01T03:00:00'))).toBe(true);
    expect(shanghai24x7.isWorkingDay('2026-10-01')).toBe(true);
  });

  it('refuses a malformed date', () => {
    expect(() => office.isHoliday('2026-10-32')).toThrow(RangeError);
    expect(() => office.isWorkingDay('tomorrow')).toThrow(RangeError);
  });
});

describe('the next opening', () => {
  it('is the instant itself while open', () => {
    expect(iso(office.nextOpening(sh('2026-11-23T10:15:00')))).toBe(iso(sh('2026-11-23T10:15:00')));
  });

  it('is the end of the lunch break, the next morning, or Monday after the weekend', () => {
    expect(iso(office.nextOpening(sh('2026-11-23T12:30:00')))).toBe(iso(sh('2026-11-23T13:00:00')));
    expect(iso(office.nextOpening(sh('2026-11-23T18:00:00')))).toBe(iso(sh('2026-11-24T09:00:00')));
    expect(iso(office.nextOpening(sh('2026-11-28T21:00:00')))).toBe(iso(sh('2026-11-30T09:00:00')));
  });

  it('skips a holiday range', () => {
    expect(iso(office.nextOpening(sh('2026-09-30T18:30:00')))).toBe(iso(sh('2026-10-08T09:00:00')));
  });

  it('gives up when the calendar stays closed for years', () => {
    const closed = BusinessCalendar.of({ timeZone: 'UTC', hours: { mon: ['09:00-17:00'] }, holidays: [{ from: '2026-01-01', to: '2030-12-31' }] });
    expect(() => closed.nextOpening(new Date('2026-06-01T00:00:00Z'))).toThrow(CalendarNeverOpensError);
    expect(() => closed.addBusinessTime(new Date('2026-06-01T00:00:00Z'), HOUR)).toThrow(/no opening within 1099 days/);
    expect(iso(closed.nextOpening(new Date('2030-06-01T00:00:00Z')))).toBe('2031-01-06T09:00:00.000Z');
  });
});

describe('adding business time', () => {
  it('counts within a morning and across the lunch break', () => {
    expect(iso(office.addBusinessTime(sh('2026-11-23T09:00:00'), 2 * HOUR))).toBe(iso(sh('2026-11-23T11:00:00')));
    expect(iso(office.addBusinessTime(sh('2026-11-23T11:00:00'), 2 * HOUR))).toBe(iso(sh('2026-11-23T14:00:00')));
  });

  it('spans a weekend', () => {
    expect(iso(monFri.addBusinessTime(sh('2026-11-27T17:00:00'), 2 * HOUR))).toBe(iso(sh('2026-11-30T10:00:00')));
  });

  it('falls due at the next opening when the budget runs out at a closing (the last instant still within it)', () => {
    const due = monFri.addBusinessTime(sh('2026-11-27T17:00:00'), HOUR);
    expect(iso(due)).toBe(iso(sh('2026-11-30T09:00:00')));
    expect(monFri.businessTimeBetween(sh('2026-11-27T17:00:00'), sh('2026-11-28T12:00:00'))).toBe(HOUR); // a stop on Saturday is within the hour
    expect(iso(monFri.addBusinessTime(sh('2026-11-23T09:00:00'), 5 * 8 * HOUR))).toBe(iso(sh('2026-11-30T09:00:00')));
  });

  it('counts split shifts', () => {
    expect(iso(office.addBusinessTime(sh('2026-11-28T10:00:00'), 2 * HOUR))).toBe(iso(sh('2026-11-28T18:00:00')));
  });

  it('starts counting at the next opening when added from a closed instant', () => {
    expect(iso(office.addBusinessTime(sh('2026-11-29T10:00:00'), 30 * MIN))).toBe(iso(sh('2026-11-30T09:30:00')));
    expect(iso(office.addBusinessTime(sh('2026-11-29T10:00:00'), 0))).toBe(iso(sh('2026-11-30T09:00:00')));
    expect(iso(office.addBusinessTime(sh('2026-11-23T10:00:00'), 0))).toBe(iso(sh('2026-11-23T10:00:00')));
  });

  it('skips a holiday inside the window', () => {
    expect(iso(office.addBusinessTime(sh('2026-09-30T17:00:00'), 2 * HOUR))).toBe(iso(sh('2026-10-08T10:00:00')));
  });

  it('is plain elapsed time on a 24x7 calendar', () => {
    expect(iso(shanghai24x7.addBusinessTime(sh('2026-11-28T23:00:00'), 90 * MIN))).toBe(iso(sh('2026-11-29T00:30:00')));
    expect(iso(shanghai24x7.add(sh('2026-11-28T23:00:00'), { amount: 168, unit: 'hours' }))).toBe(iso(sh('2026-12-05T23:00:00')));
  });

  it('takes minutes and hours, and refuses a negative or infinite amount', () => {
    expect(iso(office.add(sh('2026-11-23T11:45:00'), { amount: 30, unit: 'minutes' }))).toBe(iso(sh('2026-11-23T13:15:00')));
    expect(iso(office.add(sh('2026-11-23T11:30:00'), { amount: 1.5, unit: 'hours' }))).toBe(iso(sh('2026-11-23T14:00:00')));
    expect(() => office.addBusinessTime(sh('2026-11-23T09:00:00'), -1)).toThrow(RangeError);
    expect(() => office.addBusinessTime(sh('2026-11-23T09:00:00'), Infinity)).toThrow(RangeError);
  });

  it('leaves out pauses, including pauses over nights and several days', () => {
    const start = sh('2026-11-23T09:00:00');
    // 11:00–14:00 holds 2 business hours (the lunch hour is closed anyway).
    expect(iso(monFri.addBusinessTimeExcluding(start, 8 * HOUR, [{ from: sh('2026-11-23T11:00:00'), to: sh('2026-11-23T14:00:00') }]))).toBe(iso(sh('2026-11-24T11:00:00')));
    // A pause over the night holds nothing.
    expect(iso(monFri.addBusinessTimeExcluding(start, 8 * HOUR, [{ from: sh('2026-11-23T18:00:00'), to: sh('2026-11-24T09:00:00') }]))).toBe(iso(sh('2026-11-24T09:00:00')));
    // Monday 17:00 to Wednesday 10:00: 1 + 8 + 1 business hours.
    const long = [{ from: sh('2026-11-23T17:00:00'), to: sh('2026-11-25T10:00:00') }];
    expect(monFri.businessTimeBetweenExcluding(start, sh('2026-11-27T18:00:00'), long)).toBe(40 * HOUR - 10 * HOUR);
    expect(iso(monFri.addBusinessTimeExcluding(start, 16 * HOUR, long))).toBe(iso(sh('2026-11-26T11:00:00')));
  });

  it('merges overlapping pauses and ignores those before the start', () => {
    const pauses = [
      { from: sh('2026-11-23T10:00:00'), to: sh('2026-11-23T11:00:00') },
      { from: sh('2026-11-23T10:30:00'), to: sh('2026-11-23T11:30:00') },
      { from: sh('2026-11-20T10:00:00'), to: sh('2026-11-20T11:00:00') },
    ];
    expect(iso(monFri.addBusinessTimeExcluding(sh('2026-11-23T09:00:00'), 2 * HOUR, pauses))).toBe(iso(sh('2026-11-23T13:30:00'))); // 9–10, 11:30–12, 13–13:30
    expect(() => monFri.addBusinessTimeExcluding(sh('2026-11-23T09:00:00'), HOUR, [{ from: sh('2026-11-23T11:00:00'), to: sh('2026-11-23T10:00:00') }])).toThrow(/ends .* before it starts/);
  });

  it('does not know the instant while an open-ended pause holds the clock before it', () => {
    const open = [{ from: sh('2026-11-23T10:00:00'), to: null }];
    expect(monFri.addBusinessTimeExcluding(sh('2026-11-23T09:00:00'), 2 * HOUR, open)).toBeNull();
    expect(iso(monFri.addBusinessTimeExcluding(sh('2026-11-23T09:00:00'), 30 * MIN, open))).toBe(iso(sh('2026-11-23T09:30:00')));
    expect(shanghai24x7.addBusinessTimeExcluding(sh('2026-11-23T09:00:00'), 2 * HOUR, open)).toBeNull();
    expect(iso(shanghai24x7.addBusinessTimeExcluding(sh('2026-11-23T09:00:00'), 2 * HOUR, [{ from: sh('2026-11-23T10:00:00'), to: sh('2026-11-23T10:20:00') }]))).toBe(
      iso(sh('2026-11-23T11:20:00')),
    );
  });
});

describe('adding working days (a working day is a day, not 8 hours)', () => {
  it('lands on the next working day at the same time: Friday 15:00 + 1 is Monday 15:00', () => {
    expect(iso(monFri.addWorkingDays(sh('2026-11-27T15:00:00'), 1))).toBe(iso(sh('2026-11-30T15:00:00')));
    expect(iso(monFri.add(sh('2026-11-23T10:00:00'), { amount: 3, unit: 'working-days' }))).toBe(iso(sh('2026-11-26T10:00:00')));
    expect(iso(monFri.addWorkingDays(sh('2026-11-23T10:00:00'), 5))).toBe(iso(sh('2026-11-30T10:00:00')));
  });

  it('counts from the next opening when started outside hours', () => {
    expect(iso(monFri.addWorkingDays(sh('2026-11-28T10:00:00'), 1))).toBe(iso(sh('2026-12-01T09:00:00'))); // Saturday → Monday 09:00 → Tuesday
    expect(iso(monFri.addWorkingDays(sh('2026-11-27T20:00:00'), 1))).toBe(iso(sh('2026-12-01T09:00:00'))); // Friday evening
    expect(iso(monFri.addWorkingDays(sh('2026-11-23T12:30:00'), 1))).toBe(iso(sh('2026-11-24T13:00:00'))); // lunch
    expect(iso(monFri.addWorkingDays(sh('2026-11-28T10:00:00'), 0))).toBe(iso(sh('2026-11-30T09:00:00')));
    expect(iso(monFri.addWorkingDays(sh('2026-11-23T10:00:00'), 0))).toBe(iso(sh('2026-11-23T10:00:00')));
  });

  it('moves a landing time that is closed on the landing day to the next opening at or after it', () => {
    const uneven = BusinessCalendar.of({
      timeZone: 'Asia/Shanghai',
      hours: { mon: ['09:00-18:00'], tue: ['09:00-12:00', '13:00-18:00'], thu: ['09:00-18:00'], fri: ['09:00-16:00'], sat: ['10:00-14:00'] },
    });
    expect(iso(uneven.addWorkingDays(sh('2026-11-23T12:30:00'), 1))).toBe(iso(sh('2026-11-24T13:00:00'))); // into Tuesday's lunch
    expect(iso(uneven.addWorkingDays(sh('2026-11-27T09:30:00'), 1))).toBe(iso(sh('2026-11-28T10:00:00'))); // before Saturday opens
    expect(iso(uneven.addWorkingDays(sh('2026-11-26T17:00:00'), 1))).toBe(iso(sh('2026-11-28T10:00:00'))); // after Friday closes
  });

  it('skips holidays and the weekend around them', () => {
    expect(iso(monFri.addWorkingDays(sh('2026-09-30T10:00:00'), 1))).toBe(iso(sh('2026-10-01T10:00:00'))); // monFri has no holidays
    expect(iso(office.addWorkingDays(sh('2026-09-30T10:00:00'), 1))).toBe(iso(sh('2026-10-08T10:00:00')));
    expect(iso(office.addWorkingDays(sh('2026-12-31T10:00:00'), 1))).toBe(iso(sh('2027-01-02T10:00:00'))); // New Year's Day, then the Saturday shift
  });

  it('is one calendar day at the same wall time on a 24x7 calendar', () => {
    expect(iso(shanghai24x7.addWorkingDays(sh('2026-11-28T12:00:00'), 1))).toBe(iso(sh('2026-11-29T12:00:00')));
  });

  it('refuses a fractional or negative count', () => {
    expect(() => monFri.addWorkingDays(sh('2026-11-23T10:00:00'), 1.5)).toThrow(RangeError);
    expect(() => monFri.addWorkingDays(sh('2026-11-23T10:00:00'), -1)).toThrow(RangeError);
  });

  it('has the same due instant as its budget of business time, from any start', () => {
    for (const calendar of [office, berlinOffice]) {
      for (let t = Date.parse('2026-03-25T00:00:00Z'); t < Date.parse('2026-04-02T00:00:00Z'); t += 37 * MIN) {
        const start = new Date(t);
        for (const n of [1, 2]) {
          const due = calendar.addWorkingDays(start, n);
          expect(iso(calendar.addBusinessTime(start, calendar.budgetMs(start, { amount: n, unit: 'working-days' })))).toBe(iso(due));
        }
      }
    }
  });
});

describe('business time between two instants', () => {
  it('counts only open time', () => {
    expect(office.businessTimeBetween(sh('2026-11-23T09:00:00'), sh('2026-11-23T18:00:00'))).toBe(8 * HOUR);
    expect(monFri.businessTimeBetween(sh('2026-11-27T17:00:00'), sh('2026-11-30T10:00:00'))).toBe(2 * HOUR);
    expect(office.businessTimeBetween(sh('2026-09-30T17:00:00'), sh('2026-10-08T10:00:00'))).toBe(2 * HOUR);
    expect(office.businessTimeBetween(sh('2026-11-28T00:00:00'), sh('2026-11-30T00:00:00'))).toBe(7 * HOUR);
  });

  it('is negative backwards and plain elapsed time on 24x7', () => {
    expect(monFri.businessTimeBetween(sh('2026-11-30T10:00:00'), sh('2026-11-27T17:00:00'))).toBe(-2 * HOUR);
    expect(shanghai24x7.businessTimeBetween(sh('2026-11-27T17:00:00'), sh('2026-11-30T10:00:00'))).toBe(65 * HOUR);
  });

  it('is the inverse of adding business time', () => {
    for (const ms of [0, MIN, 3 * HOUR + 7 * MIN, 8 * HOUR, 41 * HOUR]) {
      const start = sh('2026-11-23T11:41:00');
      expect(office.businessTimeBetween(start, office.addBusinessTime(start, ms))).toBe(ms);
    }
  });
});

describe('daylight saving time', () => {
  it('makes the spring-forward day 23 hours and the fall-back day 25 hours long', () => {
    const sundays = berlinSundays('00:00-24:00');
    expect(sundays.businessTimeBetween(new Date('2026-03-28T00:00:00Z'), new Date('2026-03-31T00:00:00Z'))).toBe(23 * HOUR);
    expect(sundays.businessTimeBetween(new Date('2026-10-24T00:00:00Z'), new Date('2026-10-27T00:00:00Z'))).toBe(25 * HOUR);
  });

  it('keeps the wall time for a working day across the change, so the day lasts 23 or 25 hours', () => {
    // Berlin: Saturday 12:00 CET → Sunday 12:00 CEST; Saturday 12:00 CEST → Sunday 12:00 CET.
    expect(iso(berlin24x7.addWorkingDays(new Date('2026-03-28T12:00:00+01:00'), 1))).toBe('2026-03-29T10:00:00.000Z');
    expect(iso(berlin24x7.addWorkingDays(new Date('2026-10-24T12:00:00+02:00'), 1))).toBe('2026-10-25T11:00:00.000Z');
    // New York: spring forward on 8 March, fall back on 1 November 2026.
    expect(iso(newYork24x7.addWorkingDays(new Date('2026-03-07T09:00:00-05:00'), 1))).toBe('2026-03-08T13:00:00.000Z');
    expect(iso(newYork24x7.addWorkingDays(new Date('2026-10-31T09:00:00-04:00'), 1))).toBe('2026-11-01T14:00:00.000Z');
    // Shanghai has no DST: a day is 24 hours all year.
    expect(iso(shanghai24x7.addWorkingDays(sh('2026-03-28T12:00:00'), 1))).toBe(iso(sh('2026-03-29T12:00:00')));
    expect(shanghai24x7.addWorkingDays(sh('2026-10-24T12:00:00'), 1).getTime() - sh('2026-10-24T12:00:00').getTime()).toBe(DAY);
  });

  it('counts hours as hours across the change', () => {
    expect(iso(berlin24x7.add(new Date('2026-03-28T12:00:00+01:00'), { amount: 24, unit: 'hours' }))).toBe('2026-03-29T11:00:00.000Z'); // 13:00 CEST
  });

  it('keeps office hours in local time over a DST weekend', () => {
    // Friday 16:00 CET + 2 business hours = Monday 09:00 CEST; + 1 working day = Monday 16:00 CEST.
    expect(iso(berlinOffice.addBusinessTime(new Date('2026-03-27T16:00:00+01:00'), 2 * HOUR))).toBe('2026-03-30T07:00:00.000Z');
    expect(iso(berlinOffice.addWorkingDays(new Date('2026-03-27T16:00:00+01:00'), 1))).toBe('2026-03-30T14:00:00.000Z');
    expect(iso(berlinOffice.addWorkingDays(new Date('2026-10-23T16:00:00+02:00'), 1))).toBe('2026-10-26T15:00:00.000Z');
    expect(berlinOffice.businessTimeBetween(new Date('2026-03-27T16:00:00+01:00'), new Date('2026-03-30T16:00:00+02:00'))).toBe(9 * HOUR);
  });

  it('opens an interval that starts in the spring-forward gap when the gap ends, and one ending in it then', () => {
    const endsInGap = berlinSundays('01:30-02:30');
    expect(endsInGap.isOpenAt(new Date('2026-03-29T00:45:00Z'))).toBe(true); // 01:45 CET
    expect(endsInGap.isOpenAt(new Date('2026-03-29T01:00:00Z'))).toBe(false); // 03:00 CEST
    expect(endsInGap.businessTimeBetween(new Date('2026-03-28T00:00:00Z'), new Date('2026-03-30T00:00:00Z'))).toBe(30 * MIN);
    const startsInGap = berlinSundays('02:30-04:00');
    expect(iso(startsInGap.nextOpening(new Date('2026-03-28T12:00:00Z')))).toBe('2026-03-29T01:00:00.000Z'); // 03:00 CEST
    expect(startsInGap.businessTimeBetween(new Date('2026-03-28T00:00:00Z'), new Date('2026-03-30T00:00:00Z'))).toBe(HOUR);
    const insideGap = berlinSundays('02:10-02:50');
    expect(insideGap.isWorkingDay('2026-03-29')).toBe(false);
    expect(insideGap.isWorkingDay('2026-04-05')).toBe(true);
  });

  it('opens a repeated fall-back hour from its first occurrence', () => {
    expect(berlinSundays('02:00-03:00').businessTimeBetween(new Date('2026-10-24T00:00:00Z'), new Date('2026-10-26T00:00:00Z'))).toBe(2 * HOUR);
    expect(berlinSundays('00:00-02:30').businessTimeBetween(new Date('2026-10-24T00:00:00Z'), new Date('2026-10-26T00:00:00Z'))).toBe(2.5 * HOUR);
  });

  it('handles changes at midnight (Santiago): a skipped midnight opens the day at 01:00, a repeated hour lengthens the day before', () => {
    const santiago = (day: 'sat' | 'sun') => BusinessCalendar.of({ timeZone: 'America/Santiago', hours: { [day]: ['00:00-24:00'] } });
    expect(iso(santiago('sun').nextOpening(new Date('2026-09-05T12:00:00Z')))).toBe('2026-09-06T04:00:00.000Z'); // 01:00 -03
    expect(santiago('sun').businessTimeBetween(new Date('2026-09-05T00:00:00Z'), new Date('2026-09-08T00:00:00Z'))).toBe(23 * HOUR);
    expect(santiago('sat').businessTimeBetween(new Date('2026-04-03T00:00:00Z'), new Date('2026-04-06T00:00:00Z'))).toBe(25 * HOUR);
    expect(santiago('sat').isOpenAt(new Date('2026-04-05T03:30:00Z'))).toBe(true); // the second 23:30
    expect(santiago('sat').isOpenAt(new Date('2026-04-05T04:00:00Z'))).toBe(false);
  });

  it('lands a working day whose wall time is skipped at the end of the gap', () => {
    expect(iso(berlin24x7.addWorkingDays(new Date('2026-03-28T02:30:00+01:00'), 1))).toBe('2026-03-29T01:00:00.000Z'); // 03:00 CEST
  });

  it('gives local dates in the calendar zone', () => {
    expect(shanghai24x7.localDateOf(new Date('2026-11-27T17:00:00Z'))).toBe('2026-11-28');
    expect(newYork24x7.localDateOf(new Date('2026-11-01T03:30:00Z'))).toBe('2026-10-31');
  });
});
