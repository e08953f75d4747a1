import type { AlertSchedule } from './alert-ladder';
import { decidePause, decideResume, holdPausesClocks, isMetAtStop, KNOWN_ISSUE_HOLD, metricPauses, resumeInBusinessTime, suspensionHold, type PausableClock } from './clock-pause';
import { DEFAULT_OFFICE_CALENDAR } from './sla-policy';

const t = (minutes: number) => new Date(Date.UTC(2026, 10, 24, 8, minutes));
const paused = (over: Partial<PausableClock> = {}): PausableClock => ({ state: 'paused', warnAt: t(48), dueAt: t(60), pausedAt: t(10), pausedMs: 0, ...over });

describe('which holds pause the clocks', () => {
  it('pauses for an outage (known issue) and an incident, not for remote pre-handling', () => {
    expect(holdPausesClocks('known-issue')).toBe(true);
    expect(holdPausesClocks('incident')).toBe(true);
    expect(holdPausesClocks('remote-support')).toBe(false);
  });
});

describe('pausing a clock', () => {
  it('pauses a running clock at the hold time', () => {
    expect(decidePause({ state: 'running' }, t(10))).toEqual({ kind: 'pause', pausedAt: t(10) });
  });

  it('leaves a paused or stopped clock as it is', () => {
    expect(decidePause({ state: 'paused' }, t(20))).toEqual({ kind: 'ignore', why: 'the clock is paused' });
    expect(decidePause({ state: 'stopped' }, t(20))).toEqual({ kind: 'ignore', why: 'the clock is stopped' });
  });
});

describe('resuming a clock', () => {
  it('shifts the warning and due times by the paused duration and adds it up', () => {
    expect(decideResume(paused({ pausedMs: 5 * 60_000 }), t(40))).toEqual({ kind: 'resume', warnAt: t(78), dueAt: t(90), pausedMs: 35 * 60_000 });
  });

  it('shifts nothing for a resume dated before the pause', () => {
    expect(decideResume(paused(), t(5))).toEqual({ kind: 'resume', warnAt: t(48), dueAt: t(60), pausedMs: 0 });
  });

  it('only resumes a paused clock', () => {
    expect(decideResume(paused({ state: 'running', pausedAt: null }), t(40))).toEqual({ kind: 'ignore', why: 'the clock is running' });
    expect(decideResume(paused({ state: 'stopped' }), t(40)).kind).toBe('ignore');
  });
});

describe('whether a stop met the clock', () => {
  it('meets a running clock stopped by its due time, not after', () => {
    expect(isMetAtStop({ state: 'running', dueAt: t(60), pausedAt: null }, t(60))).toBe(true);
    expect(isMetAtStop({ state: 'running', dueAt: t(60), pausedAt: null }, t(61))).toBe(false);
  });

  it('meets a paused clock however late the stop, unless it had run out before the pause', () => {
    expect(isMetAtStop({ state: 'paused', dueAt: t(60), pausedAt: t(10) }, t(600))).toBe(true);
    expect(isMetAtStop({ state: 'paused', dueAt: t(60), pausedAt: t(61) }, t(70))).toBe(false);
  });
});

describe('which clocks pause (issue 6)', () => {
  it('pauses resolution, never first response', () => {
    expect(metricPauses('resolution')).toBe(true);
    expect(metricPauses('first-response')).toBe(false);
  });

  it('names the holds: one for known issues and incidents, one per approved suspension', () => {
    expect(KNOWN_ISSUE_HOLD).toBe('hold');
    expect(suspensionHold('7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6')).toBe('suspension:7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6');
  });
});

describe('resuming in business time', () => {
  const office: AlertSchedule = {
    calendar: DEFAULT_OFFICE_CALENDAR,
    warnings: [{ fraction: 0.5, at: '2026-11-30T02:00:00.000Z' }],
    escalations: [{ level: 'department-head', notify: 'department-head', action: 'support-team', at: '2026-11-30T04:00:00.000Z' }],
  };

  it('keeps each instant’s business time left: paused Friday 17:00 Shanghai, resumed Monday 09:00 — a night and a weekend cost nothing', () => {
    const pausedAt = new Date('2026-11-27T09:00:00Z');
    const resumedAt = new Date('2026-11-30T01:00:00Z');
    const r = resumeInBusinessTime({ state: 'paused', warnAt: new Date('2026-11-30T02:00:00Z'), dueAt: new Date('2026-11-30T04:00:00Z'), pausedAt, pausedMs: 0, schedule: office }, resumedAt);
    expect(r).toEqual({
      warnAt: new Date('2026-11-30T03:00:00Z'),
      // Monday 12:00 local had 4 h left (Friday 17–18, Monday 9–12): from Monday 09:00, lunch skipped, 14:00.
      dueAt: new Date('2026-11-30T06:00:00Z'),
      schedule: { ...office, warnings: [{ fraction: 0.5, at: '2026-11-30T03:00:00.000Z' }], escalations: [{ ...office.escalations[0]!, at: '2026-11-30T06:00:00.000Z' }] },
      pausedMs: resumedAt.getTime() - pausedAt.getTime(),
    });
  });

  it('shifts a clock without a schedule in real time, as before', () => {
    expect(resumeInBusinessTime({ ...paused({ pausedMs: 5 * 60_000 }), schedule: null }, t(40))).toEqual({ warnAt: t(78), dueAt: t(90), schedule: null, pausedMs: 35 * 60_000 });
  });

  it('ignores a clock that is not paused', () => {
    expect(resumeInBusinessTime({ ...paused(), state: 'running', schedule: null }, t(40))).toEqual({ kind: 'ignore', why: 'the clock is running' });
  });
});
