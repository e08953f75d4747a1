import { DEFAULT_SLA_TARGETS, SlaTargets } from './sla-targets';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('SlaTargets', () => {
  const targets = new SlaTargets();

  it('gives 30 minutes for the first response whatever the kind', () => {
    for (const kind of ['install', 'move', 'repair', 'complaint'] as const) {
      expect(targets.targetMs('first-response', kind)).toBe(30 * MIN);
    }
  });

  it('resolves complaints within a week and the other kinds from the default table', () => {
    expect(targets.targetMs('resolution', 'complaint')).toBe(7 * 24 * HOUR);
    expect(targets.targetMs('resolution', 'repair')).toBe(24 * HOUR);
    expect(targets.targetMs('resolution', 'install')).toBe(72 * HOUR);
    expect(targets.targetMs('resolution', 'move')).toBe(72 * HOUR);
  });

  it('takes a configured table', () => {
    const custom = new SlaTargets({ firstResponseMs: 10 * MIN, resolutionMs: { ...DEFAULT_SLA_TARGETS.resolutionMs, repair: 4 * HOUR } });
    expect(custom.targetMs('first-response', 'repair')).toBe(10 * MIN);
    expect(custom.targetMs('resolution', 'repair')).toBe(4 * HOUR);
    expect(custom.targetMs('resolution', 'complaint')).toBe(7 * 24 * HOUR);
  });

  it('multiplies every target by the time scale', () => {
    const fast = new SlaTargets(DEFAULT_SLA_TARGETS, 0.002);
    expect(fast.targetMs('first-response', 'repair')).toBe(3_600);
    expect(fast.targetMs('resolution', 'repair')).toBe(172_800);
    expect(fast.targetMs('resolution', 'complaint')).toBe(1_209_600);
  });

  it('never scales a target down to zero', () => {
    expect(new SlaTargets(DEFAULT_SLA_TARGETS, 1e-12).targetMs('first-response', 'move')).toBe(1);
  });

  it('refuses a non-positive scale or target', () => {
    expect(() => new SlaTargets(DEFAULT_SLA_TARGETS, 0)).toThrow(/time scale/);
    expect(() => new SlaTargets(DEFAULT_SLA_TARGETS, Number.NaN)).toThrow(/time scale/);
    expect(() => new SlaTargets({ ...DEFAULT_SLA_TARGETS, firstResponseMs: 0 })).toThrow(/first response/);
    expect(() => new SlaTargets({ ...DEFAULT_SLA_TARGETS, resolutionMs: { ...DEFAULT_SLA_TARGETS.resolutionMs, move: -1 } })).toThrow(/move/);
  });
});
