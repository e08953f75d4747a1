import { loadSlaMonitorConfig } from './sla-monitor.config';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('SLA monitor configuration', () => {
  it('defaults to the targets of domain.md §4, an 80 % warning and a key per deployment', () => {
    const config = loadSlaMonitorConfig({});
    expect(config.targets.targetMs('first-response', 'complaint')).toBe(30 * MIN);
    expect(config.targets.targetMs('resolution', 'complaint')).toBe(168 * HOUR);
    expect(config.targets.targetMs('resolution', 'repair')).toBe(24 * HOUR);
    expect(config.schedule.plan(new Date(0), 100_000).warnAt.getTime()).toBe(80_000);
    expect(config).toMatchObject({ pollMs: 250, reconcileMs: 30_000, redisKey: 'switchboard:sla-monitor:timers' });
  });

  it('reads targets, warning fraction, time scale, intervals and key from the environment', () => {
    const config = loadSlaMonitorConfig({
      SLA_FIRST_RESPONSE_MINUTES: '10',
      SLA_RESOLUTION_HOURS_MOVE: '48',
      SLA_WARNING_FRACTION: '0.5',
      SLA_TIME_SCALE: '0.002',
      SLA_POLL_MS: '100',
      SLA_RECONCILE_MS: '500',
      CONSUMER_GROUP_PREFIX: 'staging',
    });
    expect(config.targets.targetMs('first-response', 'move')).toBe(1_200);
    expect(config.targets.targetMs('resolution', 'move')).toBe(345_600);
    expect(config.schedule.plan(new Date(0), 1_000).warnAt.getTime()).toBe(500);
    expect(config).toMatchObject({ pollMs: 100, reconcileMs: 500, redisKey: 'staging:sla-monitor:timers' });
    expect(loadSlaMonitorConfig({ SLA_REDIS_KEY: 'mine' }).redisKey).toBe('mine');
  });

  it('names every bad variable', () => {
    expect(() => loadSlaMonitorConfig({ SLA_TIME_SCALE: '0', SLA_WARNING_FRACTION: '1.5', SLA_RESOLUTION_HOURS_REPAIR: 'soon' })).toThrow(
      /SLA_RESOLUTION_HOURS_REPAIR[\s\S]*SLA_WARNING_FRACTION[\s\S]*SLA_TIME_SCALE/,
    );
  });

  it('reminds every 30 minutes, scaled like the targets, with quiet hours 22:00–08:00 and a 30 s claim lease by default', () => {
    expect(loadSlaMonitorConfig({})).toMatchObject({ reminderIntervalMs: 30 * MIN, quietHours: { from: '22:00', to: '08:00' }, claimLeaseMs: 30_000 });
    expect(loadSlaMonitorConfig({ SLA_REMINDER_MINUTES: '10', SLA_TIME_SCALE: '0.002', SLA_QUIET_HOURS: 'none', SLA_CLAIM_LEASE_MS: '5000' })).toMatchObject({
      reminderIntervalMs: 1_200,
      quietHours: null,
      claimLeaseMs: 5_000,
    });
    expect(loadSlaMonitorConfig({ SLA_REMINDER_MINUTES: '0' }).reminderIntervalMs).toBe(0);
    expect(() => loadSlaMonitorConfig({ SLA_QUIET_HOURS: '22-08' })).toThrow(/SLA_QUIET_HOURS/);
  });
});
