import { decidePause, decideResume, holdPausesClocks, isMetAtStop, type PausableClock } from './clock-pause';

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
