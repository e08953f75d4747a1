import { DEFAULT_OFFICE_CALENDAR, defaultSlaPolicies, selectPolicy, type SlaPolicy } from './sla-policy';
import { configuredDefaultPolicies, planPolicyClock, reattachPolicyClock } from './policy-clock';
import { DEFAULT_SLA_TARGETS } from './sla-targets';

const MIN = 60_000;
const HOUR = 60 * MIN;
const at = (iso: string) => new Date(iso);
const policy = (id: string) => defaultSlaPolicies().find((p) => p.id === id)!;
const metric = (p: SlaPolicy, name: string) => p.metrics.find((m) => m.metric === name)!;

describe('planPolicyClock', () => {
  it('runs a 24x7 policy in real time: first response 30 min, warned at 80 %', () => {
    const p = policy('repair-broadband');
    const start = at('2026-11-27T07:00:00Z');
    const times = planPolicyClock(p, metric(p, 'first-response'), start);
    expect(times.dueAt.getTime() - start.getTime()).toBe(30 * MIN);
    expect(times.warnAt.getTime() - start.getTime()).toBe(24 * MIN);
    expect(times.targetMs).toBe(30 * MIN);
  });

  it('counts a working-day target on its office calendar: Friday 15:00 Shanghai is due Monday 15:00', () => {
    const p = policy('complaint-written');
    const friday15 = at('2026-11-27T07:00:00Z'); // 15:00 in Shanghai
    const times = planPolicyClock(p, metric(p, 'reply'), friday15);
    expect(times.dueAt).toEqual(at('2026-11-30T07:00:00Z'));
    expect(metric(p, 'reply').calendar).toEqual(DEFAULT_OFFICE_CALENDAR);
  });

  it('scales the budget, still skipping closed hours (a demo runs a working day in seconds of office time)', () => {
    const p = policy('complaint-written');
    const saturday = at('2026-11-28T02:00:00Z');
    const times = planPolicyClock(p, metric(p, 'reply'), saturday, 0.001);
    // Closed all weekend: the budget starts at Monday 09:00 Shanghai (01:00Z); 8 business hours × 0.001 = 28.8 s.
    expect(times.dueAt).toEqual(new Date(at('2026-11-30T01:00:00Z').getTime() + 28_800));
    const scaled = planPolicyClock(policy('repair-broadband'), metric(policy('repair-broadband'), 'first-response'), saturday, 0.002);
    expect(scaled.dueAt.getTime() - saturday.getTime()).toBe(3_600);
  });
});

describe('configuredDefaultPolicies', () => {
  it('takes the configured targets and warning fraction', () => {
    const table = { ...DEFAULT_SLA_TARGETS, resolutionMs: { ...DEFAULT_SLA_TARGETS.resolutionMs, repair: 1 * HOUR } };
    const policies = configuredDefaultPolicies(table, 0.9);
    const repair = selectPolicy(policies, { kind: 'repair', service: 'iptv', channel: 'phone', customerTier: 'vip', region: 'x' }, new Date())!;
    expect(repair.id).toBe('repair-iptv');
    expect(metric(repair, 'resolution').target).toEqual({ amount: 1, unit: 'hours' });
    expect(metric(repair, 'resolution').warnings).toEqual([0.5, 0.9]);
    expect(metric(configuredDefaultPolicies(DEFAULT_SLA_TARGETS, 0.4)[0]!, 'first-response').warnings).toEqual([0.4]);
  });
});

describe('reattachPolicyClock', () => {
  const p = policy('repair-broadband');
  const firstResponse = metric(p, 'first-response');
  const longer: SlaPolicy = { ...p, version: 2, metrics: p.metrics.map((m) => (m.metric === 'first-response' ? { ...m, target: { amount: 2, unit: 'hours' } } : m)) };
  const start = at('2026-11-27T07:00:00Z');
  const clock = (pauses: { from: Date; to: Date }[]) => ({ metric: 'first-response', startedAt: start, calendar: p.calendar, pauses });

  it('keeps the time a clock spent and stood still: 20 min run, 10 min paused, then 2 h instead of 30 min', () => {
    const paused = { from: new Date(start.getTime() + 5 * MIN), to: new Date(start.getTime() + 15 * MIN) };
    const r = reattachPolicyClock(clock([paused]), longer, metric(longer, 'first-response'), new Date(start.getTime() + 30 * MIN));
    expect(r).toMatchObject({ elapsedMs: 20 * MIN, pausedMs: 10 * MIN });
    // 2 h of running time: the 10 minutes paused are added, never spent.
    expect(r.dueAt.getTime() - start.getTime()).toBe(2 * HOUR + 10 * MIN);
    expect(r.warnAt.getTime() - start.getTime()).toBe(96 * MIN + 10 * MIN);
  });

  it('re-attaching the same version at any time changes nothing; the time scale applies to the new target', () => {
    const same = reattachPolicyClock(clock([]), p, firstResponse, new Date(start.getTime() + 7 * MIN));
    expect(same.dueAt).toEqual(planPolicyClock(p, firstResponse, start).dueAt);
    const scaled = reattachPolicyClock(clock([]), longer, metric(longer, 'first-response'), new Date(start.getTime() + 1_000), 0.002);
    expect(scaled.dueAt.getTime() - start.getTime()).toBe(14_400);
  });

  it('keeps an instant whose budget was already spent where it was', () => {
    const shorter: SlaPolicy = { ...p, version: 2, metrics: p.metrics.map((m) => (m.metric === 'first-response' ? { ...m, target: { amount: 10, unit: 'minutes' } } : m)) };
    const r = reattachPolicyClock(clock([]), shorter, metric(shorter, 'first-response'), new Date(start.getTime() + 20 * MIN));
    expect(r.dueAt.getTime() - start.getTime()).toBe(10 * MIN);
  });

  it('carries the new version’s whole ladder, escalation offsets scaled like the target', () => {
    const r = reattachPolicyClock(clock([]), longer, metric(longer, 'first-response'), new Date(start.getTime() + 1_000), 0.002);
    const ms = (iso: string) => new Date(iso).getTime() - start.getTime();
    expect(r.schedule.warnings.map((w) => [w.fraction, ms(w.at)])).toEqual([
      [0.5, 7_200],
      [0.8, 11_520],
    ]);
    // 2 h → 14.4 s; −10 min → −1.2 s, 0, +24 h → +172.8 s.
    expect(r.schedule.escalations.map((e) => [e.level, ms(e.at)])).toEqual([
      ['team-lead', 13_200],
      ['department-head', 14_400],
      ['company-leadership', 187_200],
    ]);
  });
});
