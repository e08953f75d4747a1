import { ManualClock } from '@switchboard/persistence/clock';
import { ClockSchedule } from './clock-schedule';
import { SlaTargets } from './sla-targets';

describe('ClockSchedule', () => {
  const start = new Date('2026-11-24T01:12:00.000Z');

  it('warns at 80 % of the target and falls due at 100 %', () => {
    const times = new ClockSchedule().plan(start, new SlaTargets().targetMs('first-response', 'repair'));
    expect(times.startedAt.toISOString()).toBe('2026-11-24T01:12:00.000Z');
    expect(times.warnAt.toISOString()).toBe('2026-11-24T01:36:00.000Z');
    expect(times.dueAt.toISOString()).toBe('2026-11-24T01:42:00.000Z');
  });

  it('takes a configured warning fraction', () => {
    const times = new ClockSchedule(0.5).plan(start, 60_000);
    expect(times.warnAt.getTime() - start.getTime()).toBe(30_000);
    expect(times.dueAt.getTime() - start.getTime()).toBe(60_000);
  });

  it('plans a scaled clock in seconds', () => {
    const times = new ClockSchedule().plan(start, new SlaTargets(undefined, 0.002).targetMs('first-response', 'install'));
    expect(times.warnAt.getTime() - start.getTime()).toBe(2_880);
    expect(times.dueAt.getTime() - start.getTime()).toBe(3_600);
  });

  it('gives each level its instant', () => {
    const times = new ClockSchedule().plan(start, 1_000);
    expect(ClockSchedule.instantOf('warning', times)).toEqual(times.warnAt);
    expect(ClockSchedule.instantOf('breached', times)).toEqual(times.dueAt);
  });

  it('counts a stop at the due instant as met, one millisecond later as missed', () => {
    const clock = new ManualClock(start);
    const { dueAt } = new ClockSchedule().plan(clock.now(), 30 * 60_000);
    expect(ClockSchedule.isMet(clock.advance(30 * 60_000), dueAt)).toBe(true);
    expect(ClockSchedule.isMet(clock.advance(1), dueAt)).toBe(false);
  });

  it('refuses a warning fraction outside (0, 1)', () => {
    expect(() => new ClockSchedule(0)).toThrow(/warning fraction/);
    expect(() => new ClockSchedule(1)).toThrow(/warning fraction/);
  });
});
