import {
  instantOfAlert,
  nextReminder,
  notifyAt,
  parseAlertKey,
  parseQuietHours,
  pendingAlerts,
  planAlertSchedule,
  shiftForPause,
  shiftSchedule,
  type AlertSchedule,
  type LadderClock,
} from './alert-ladder';
import { BusinessCalendar } from './business-calendar';
import { DEFAULT_CALENDAR, DEFAULT_OFFICE_CALENDAR, defaultSlaPolicies, type SlaPolicy } from './sla-policy';

const MIN = 60_000;
const at = (iso: string) => new Date(iso);
const policy = (id: string) => defaultSlaPolicies().find((p) => p.id === id)!;
const metric = (p: SlaPolicy, name: string) => p.metrics.find((m) => m.metric === name)!;

describe('alert keys', () => {
  it('reads every kind and refuses anything else', () => {
    expect(parseAlertKey('warning')).toEqual({ kind: 'warning' });
    expect(parseAlertKey('breached')).toEqual({ kind: 'breached' });
    expect(parseAlertKey('warned:0.5')).toEqual({ kind: 'warned', fraction: 0.5 });
    expect(parseAlertKey('escalated:team-lead')).toEqual({ kind: 'escalated', level: 'team-lead' });
    expect(parseAlertKey('reminder:12')).toEqual({ kind: 'reminder', n: 12 });
    for (const bad of ['', 'warned:', 'warned:1.5', 'escalated:Team', 'reminder:0', 'reminder:-1', 'breached:x', 'other']) expect(parseAlertKey(bad)).toBeUndefined();
  });
});

describe('planAlertSchedule: warnings at fractions, escalations at signed offsets from the target', () => {
  it('first response 30 min on 24x7: warned at 50 % and 80 %, team lead at −10 min, department head at 0, leadership at +24 h', () => {
    const p = policy('repair-broadband');
    const s = planAlertSchedule(p, metric(p, 'first-response'), at('2026-11-27T07:00:00Z'), 30 * MIN);
    expect(s.calendar).toEqual(DEFAULT_CALENDAR);
    expect(s.warnings).toEqual([
      { fraction: 0.5, at: '2026-11-27T07:15:00.000Z' },
      { fraction: 0.8, at: '2026-11-27T07:24:00.000Z' },
    ]);
    expect(s.escalations).toEqual([
      { level: 'team-lead', notify: 'team-lead', action: 'raise-priority', at: '2026-11-27T07:20:00.000Z' },
      { level: 'department-head', notify: 'department-head', action: 'support-team', at: '2026-11-27T07:30:00.000Z' },
      { level: 'company-leadership', notify: 'company-leadership', action: 'none', at: '2026-11-28T07:30:00.000Z' },
    ]);
  });

  it('scales targets and offsets alike (SLA_TIME_SCALE 0.002: 3.6 s, −1.2 s, 0, +172.8 s)', () => {
    const p = policy('repair-broadband');
    const start = at('2026-11-27T07:00:00Z');
    const s = planAlertSchedule(p, metric(p, 'first-response'), start, 3_600, 0.002);
    const ms = (iso: string) => new Date(iso).getTime() - start.getTime();
    expect(s.warnings.map((w) => ms(w.at))).toEqual([1_800, 2_880]);
    expect(s.escalations.map((e) => ms(e.at))).toEqual([2_400, 3_600, 3_600 + 172_800]);
  });

  it('never escalates before the start: −10 min of a 5-minute target is the start itself', () => {
    const p = policy('repair-broadband');
    const def = { ...metric(p, 'first-response'), target: { amount: 5, unit: 'minutes' as const } };
    const s = planAlertSchedule(p, def, at('2026-11-27T07:00:00Z'), 5 * MIN);
    expect(s.escalations[0]!.at).toBe('2026-11-27T07:00:00.000Z');
  });

  it('walks office hours: a written reply from Friday 15:00 Shanghai escalates to the team lead on Monday 14:50', () => {
    const p = policy('complaint-written');
    const start = at('2026-11-27T07:00:00Z');
    const s = planAlertSchedule(p, metric(p, 'reply'), start, BusinessCalendar.of(DEFAULT_OFFICE_CALENDAR).budgetMs(start, metric(p, 'reply').target));
    expect(s.calendar).toEqual(DEFAULT_OFFICE_CALENDAR);
    expect(s.escalations.slice(0, 2).map((e) => e.at)).toEqual(['2026-11-30T06:50:00.000Z', '2026-11-30T07:00:00.000Z']);
  });
});

const schedule: AlertSchedule = {
  calendar: DEFAULT_CALENDAR,
  warnings: [
    { fraction: 0.5, at: '2026-11-27T07:15:00.000Z' },
    { fraction: 0.8, at: '2026-11-27T07:24:00.000Z' },
  ],
  escalations: [{ level: 'team-lead', notify: 'team-lead', action: 'raise-priority', at: '2026-11-27T07:20:00.000Z' }],
};
const clock: LadderClock = { warnAt: at('2026-11-27T07:24:00Z'), dueAt: at('2026-11-27T07:30:00Z'), schedule };

describe('pendingAlerts and reminders', () => {
  it('lists every alert of a fresh clock, no reminder before a warning', () => {
    expect(pendingAlerts(clock, new Map(), 10 * MIN).map((t) => t.key)).toEqual(['warning', 'warned:0.5', 'warned:0.8', 'breached', 'escalated:team-lead']);
  });

  it('leaves out what was raised, and arms the first reminder one interval after the first warning', () => {
    const alerted = new Map([['warned:0.5', at('2026-11-27T07:15:00.300Z')]]);
    expect(pendingAlerts(clock, alerted, 10 * MIN)).toEqual([
      { key: 'warning', at: at('2026-11-27T07:24:00Z') },
      { key: 'warned:0.8', at: at('2026-11-27T07:24:00Z') },
      { key: 'breached', at: at('2026-11-27T07:30:00Z') },
      { key: 'escalated:team-lead', at: at('2026-11-27T07:20:00Z') },
      { key: 'reminder:1', at: at('2026-11-27T07:25:00.300Z') },
    ]);
  });

  it('counts reminders on from the latest warning or reminder raised', () => {
    const alerted = new Map([
      ['warned:0.5', at('2026-11-27T07:15:00Z')],
      ['reminder:1', at('2026-11-27T07:25:00Z')],
      ['warned:0.8', at('2026-11-27T07:24:00Z')],
      ['breached', at('2026-11-27T07:30:00Z')],
    ]);
    expect(nextReminder(alerted, 10 * MIN)).toEqual({ key: 'reminder:2', at: at('2026-11-27T07:35:00Z') });
    expect(nextReminder(alerted, 0)).toBeNull();
    expect(nextReminder(new Map([['breached', at('2026-11-27T07:30:00Z')]]), 10 * MIN)).toBeNull();
  });

  it('knows only the next reminder and the levels of the clock', () => {
    const alerted = new Map([['warned:0.5', at('2026-11-27T07:15:00Z')]]);
    expect(instantOfAlert(clock, 'reminder:1', alerted, 10 * MIN)).toEqual(at('2026-11-27T07:25:00Z'));
    expect(instantOfAlert(clock, 'reminder:2', alerted, 10 * MIN)).toBeUndefined();
    expect(instantOfAlert(clock, 'warned:0.5', alerted, 10 * MIN)).toBeUndefined();
    expect(instantOfAlert(clock, 'escalated:department-head', alerted, 10 * MIN)).toBeUndefined();
    expect(instantOfAlert({ ...clock, schedule: null }, 'warning', new Map(), 10 * MIN)).toEqual(clock.warnAt);
  });
});

describe('shifting for a pause in business time', () => {
  const office = BusinessCalendar.of(DEFAULT_OFFICE_CALENDAR);

  it('on 24x7 moves an instant ahead by the pause, to the millisecond', () => {
    const c = BusinessCalendar.of(DEFAULT_CALENDAR);
    expect(shiftForPause(c, at('2026-11-27T07:30:00Z'), at('2026-11-27T07:10:00Z'), at('2026-11-27T09:10:00.001Z'))).toEqual(at('2026-11-27T09:30:00.001Z'));
  });

  it('on office hours keeps the business time left: paused Friday 17:00, resumed Monday 09:00, Monday 10:00 becomes 11:00', () => {
    // Left at the pause: Friday 17–18 and Monday 9–10 = 2 h of office time, spent from Monday 09:00.
    expect(shiftForPause(office, at('2026-11-30T02:00:00Z'), at('2026-11-27T09:00:00Z'), at('2026-11-30T01:00:00Z'))).toEqual(at('2026-11-30T03:00:00Z'));
  });

  it('moves nothing at or before the pause, nor for a resume dated before it', () => {
    expect(shiftForPause(office, at('2026-11-27T09:00:00Z'), at('2026-11-27T09:00:00Z'), at('2026-11-30T01:00:00Z'))).toEqual(at('2026-11-27T09:00:00Z'));
    expect(shiftForPause(office, at('2026-11-30T02:00:00Z'), at('2026-11-27T09:00:00Z'), at('2026-11-27T08:00:00Z'))).toEqual(at('2026-11-30T02:00:00Z'));
  });

  it('shifts a whole schedule, leaving what was already past at the pause', () => {
    const shifted = shiftSchedule(schedule, at('2026-11-27T07:18:00Z'), at('2026-11-27T08:18:00Z'));
    expect(shifted.warnings.map((w) => w.at)).toEqual(['2026-11-27T07:15:00.000Z', '2026-11-27T08:24:00.000Z']);
    expect(shifted.escalations.map((e) => e.at)).toEqual(['2026-11-27T08:20:00.000Z']);
  });
});

describe('quiet hours for people', () => {
  const quiet = parseQuietHours('22:00-08:00');
  const SH = 'Asia/Shanghai';

  it('reads HH:MM-HH:MM, none, or equal ends as no quiet hours, and refuses the rest', () => {
    expect(quiet).toEqual({ from: '22:00', to: '08:00' });
    expect(parseQuietHours('none')).toBeNull();
    expect(parseQuietHours('08:00-08:00')).toBeNull();
    for (const bad of ['22-08', '24:00-08:00', '22:00', '22:00-08:00-09:00']) expect(() => parseQuietHours(bad)).toThrow(RangeError);
  });

  it('defers across midnight to 08:00 the next morning, from exactly 22:00 on', () => {
    expect(notifyAt(at('2026-11-24T14:00:00Z'), quiet, SH)).toEqual(at('2026-11-25T00:00:00Z')); // 22:00 sharp
    expect(notifyAt(at('2026-11-24T14:30:00Z'), quiet, SH)).toEqual(at('2026-11-25T00:00:00Z')); // 22:30
    expect(notifyAt(at('2026-11-24T13:59:59Z'), quiet, SH)).toEqual(at('2026-11-24T13:59:59Z')); // 21:59:59: not quiet
  });

  it('defers after midnight to 08:00 the same morning; 08:00 sharp is no longer quiet', () => {
    expect(notifyAt(at('2026-11-24T18:00:00Z'), quiet, SH)).toEqual(at('2026-11-25T00:00:00Z')); // 02:00
    expect(notifyAt(at('2026-11-24T23:59:00Z'), quiet, SH)).toEqual(at('2026-11-25T00:00:00Z')); // 07:59
    expect(notifyAt(at('2026-11-25T00:00:00Z'), quiet, SH)).toEqual(at('2026-11-25T00:00:00Z')); // 08:00
  });

  it('ends on the wall clock across DST: Berlin spring (23 h night) and autumn (25 h night)', () => {
    // Saturday 28 March 2026 23:30 CET → Sunday 08:00 CEST = 06:00Z.
    expect(notifyAt(at('2026-03-28T22:30:00Z'), quiet, 'Europe/Berlin')).toEqual(at('2026-03-29T06:00:00Z'));
    // Saturday 24 October 2026 23:00 CEST → Sunday 08:00 CET = 07:00Z.
    expect(notifyAt(at('2026-10-24T21:00:00Z'), quiet, 'Europe/Berlin')).toEqual(at('2026-10-25T07:00:00Z'));
    // Quiet until 02:30, a wall time the spring-forward skips: moved forward by the gap, 03:30 CEST.
    expect(notifyAt(at('2026-03-28T22:30:00Z'), parseQuietHours('22:00-02:30'), 'Europe/Berlin')).toEqual(at('2026-03-29T01:30:00Z'));
  });

  it('handles quiet hours within one day', () => {
    const lunch = parseQuietHours('12:00-13:00');
    expect(notifyAt(at('2026-11-24T04:30:00Z'), lunch, SH)).toEqual(at('2026-11-24T05:00:00Z'));
    expect(notifyAt(at('2026-11-24T05:00:00Z'), lunch, SH)).toEqual(at('2026-11-24T05:00:00Z'));
    expect(notifyAt(at('2026-11-24T14:30:00Z'), null, SH)).toEqual(at('2026-11-24T14:30:00Z'));
  });
});
