import { channels, customerTiers, services, ticketKinds } from '@switchboard/contracts';
import {
  DEFAULT_CALENDAR,
  DEFAULT_OFFICE_CALENDAR,
  defaultSlaPolicies,
  type MetricDefinition,
  nextVersion,
  policiesInForce,
  PolicySpecError,
  selectPolicy,
  type SlaPolicy,
  specificity,
  type TicketProfile,
  validatePolicy,
  validatePolicyHistory,
} from './sla-policy';
import { DEFAULT_SLA_TARGETS } from './sla-targets';

const ticket = (over: Partial<TicketProfile> = {}): TicketProfile => ({ kind: 'repair', service: 'broadband', channel: 'phone', customerTier: 'standard', region: 'hangzhou', ...over });
const metricDef = (over: Partial<MetricDefinition> = {}): MetricDefinition => ({
  metric: 'first-response',
  target: { amount: 30, unit: 'minutes' },
  startsOn: 'ticket',
  stopsOn: 'first-contact',
  pausable: false,
  warnings: [0.5, 0.8],
  escalations: [],
  ...over,
});
const policy = (over: Partial<SlaPolicy> = {}): SlaPolicy => ({
  id: 'p',
  version: 1,
  effectiveFrom: new Date('2026-01-01T00:00:00Z'),
  name: 'a policy',
  selector: {},
  calendar: DEFAULT_CALENDAR,
  metrics: [metricDef()],
  ...over,
});
const codes = (p: SlaPolicy) => validatePolicy(p).map((x) => `${x.code} ${x.path}`);
const NOW = new Date('2026-11-24T00:00:00Z');
const targetOf = (p: SlaPolicy | null, metric: string) => p?.metrics.find((m) => m.metric === metric)?.target;

describe('the default policies (domain.md §4)', () => {
  const defaults = defaultSlaPolicies();

  it('are valid version-1 policies in force from the start', () => {
    for (const p of defaults) expect(validatePolicy(p)).toEqual([]);
    expect(validatePolicyHistory(defaults)).toEqual([]);
    expect(policiesInForce(defaults, new Date(0))).toHaveLength(defaults.length);
  });

  it('cover every ticket, with a first response within 30 minutes', () => {
    for (const kind of ticketKinds)
      for (const service of services)
        for (const channel of channels)
          for (const customerTier of customerTiers) {
            const p = selectPolicy(defaults, ticket({ kind, service, channel, customerTier }), NOW);
            expect(p).not.toBeNull();
            expect(targetOf(p, 'first-response')).toEqual({ amount: 30, unit: 'minutes' });
            expect(p!.metrics.find((m) => m.metric === 'first-response')!.pausable).toBe(false);
          }
  });

  it('give a phone complaint a reply within 1 hour and a written or email one within 1 working day of office hours', () => {
    const phone = selectPolicy(defaults, ticket({ kind: 'complaint', channel: 'phone' }), NOW)!;
    expect(phone.id).toBe('complaint-phone');
    expect(targetOf(phone, 'reply')).toEqual({ amount: 1, unit: 'hours' });
    for (const channel of ['email', 'letter'] as const) {
      const written = selectPolicy(defaults, ticket({ kind: 'complaint', channel }), NOW)!;
      expect(written.id).toBe('complaint-written');
      expect(targetOf(written, 'reply')).toEqual({ amount: 1, unit: 'working-days' });
      expect(written.metrics.find((m) => m.metric === 'reply')!.calendar).toEqual(DEFAULT_OFFICE_CALENDAR);
    }
    const found = selectPolicy(defaults, ticket({ kind: 'complaint', channel: 'inspection' }), NOW)!;
    expect(found.id).toBe('complaint');
    expect(targetOf(found, 'reply')).toBeUndefined();
  });

  it('handle every complaint within 1 week, and pause only resolution and on site', () => {
    for (const channel of channels) expect(targetOf(selectPolicy(defaults, ticket({ kind: 'complaint', channel }), NOW), 'resolution')).toEqual({ amount: 7 * 24, unit: 'hours' });
    for (const p of defaults) {
      for (const m of p.metrics) expect(m.pausable).toBe(m.metric === 'resolution' || m.metric === 'on-site');
    }
  });

  it('repair per service with on site within 24 hours, and call back after completion', () => {
    for (const service of services) {
      const p = selectPolicy(defaults, ticket({ kind: 'repair', service }), NOW)!;
      expect(p.id).toBe(`repair-${service}`);
      expect(targetOf(p, 'on-site')).toEqual({ amount: 24, unit: 'hours' });
      expect(targetOf(p, 'resolution')).toEqual({ amount: 24, unit: 'hours' });
      expect(p.metrics.find((m) => m.metric === 'callback')).toMatchObject({ startsOn: 'completion', stopsOn: 'callback' });
    }
    expect(targetOf(selectPolicy(defaults, ticket({ kind: 'install' }), NOW), 'resolution')).toEqual({ amount: 72, unit: 'hours' });
  });

  it('follow a configured target table', () => {
    const custom = defaultSlaPolicies({ ...DEFAULT_SLA_TARGETS, firstResponseMs: 15 * 60_000 });
    expect(targetOf(selectPolicy(custom, ticket(), NOW), 'first-response')).toEqual({ amount: 15, unit: 'minutes' });
  });

  it('warn at 50 % and 80 % and escalate to team lead, department head and company leadership', () => {
    const m = defaults[0]!.metrics[0]!;
    expect(m.warnings).toEqual([0.5, 0.8]);
    expect(m.escalations.map((e) => [e.level, e.offset.amount, e.offset.unit, e.dispatchAction])).toEqual([
      ['team-lead', -10, 'minutes', 'raise-priority'],
      ['department-head', 0, 'minutes', 'support-team'],
      ['company-leadership', 24, 'hours', 'none'],
    ]);
  });
});

describe('selecting a policy: the most specific match wins', () => {
  it('prefers more constrained dimensions, whatever the storage order', () => {
    const broad = policy({ id: 'broad', selector: { kinds: ['repair'] } });
    const narrow = policy({ id: 'narrow', selector: { kinds: ['repair'], tiers: ['vip'] } });
    expect(selectPolicy([broad, narrow], ticket({ customerTier: 'vip' }), NOW)!.id).toBe('narrow');
    expect(selectPolicy([narrow, broad], ticket({ customerTier: 'vip' }), NOW)!.id).toBe('narrow');
    expect(selectPolicy([narrow, broad], ticket({ customerTier: 'standard' }), NOW)!.id).toBe('broad');
  });

  it('breaks a tie on the number of dimensions by their order: kind, service, channel, tier, region', () => {
    const byRegion = policy({ id: 'a-region', selector: { regions: ['hangzhou'] } });
    const byKind = policy({ id: 'z-kind', selector: { kinds: ['repair'] } });
    const byTier = policy({ id: 'b-tier', selector: { tiers: ['standard'] } });
    expect(selectPolicy([byRegion, byTier, byKind], ticket(), NOW)!.id).toBe('z-kind');
    expect(selectPolicy([byRegion, byTier], ticket(), NOW)!.id).toBe('b-tier');
  });

  it('then by fewer listed values, then by the smaller id', () => {
    const one = policy({ id: 'z-one', selector: { channels: ['phone'] } });
    const two = policy({ id: 'a-two', selector: { channels: ['phone', 'email'] } });
    expect(selectPolicy([two, one], ticket(), NOW)!.id).toBe('z-one');
    const twin = policy({ id: 'a-twin', selector: { channels: ['phone'] } });
    expect(selectPolicy([one, twin], ticket(), NOW)!.id).toBe('a-twin');
    expect(selectPolicy([twin, one], ticket(), NOW)!.id).toBe('a-twin');
  });

  it('ranks selectors element by element', () => {
    expect(specificity({})).toEqual([0, 0, 0, 0, 0, 0, -0]);
    expect(specificity({ kinds: ['complaint'], channels: ['email', 'letter'] })).toEqual([2, 1, 0, 1, 0, 0, -3]);
  });

  it('selects nothing when no policy matches', () => {
    expect(selectPolicy([policy({ selector: { regions: ['ningbo'] } })], ticket(), NOW)).toBeNull();
    expect(selectPolicy([], ticket(), NOW)).toBeNull();
  });
});

describe('policy versions', () => {
  const v1 = policy({ id: 'vip', version: 1, effectiveFrom: new Date('2026-01-01T00:00:00Z'), selector: { tiers: ['vip'] } });
  const v2 = policy({ ...v1, version: 2, effectiveFrom: new Date('2026-06-01T00:00:00Z'), metrics: [metricDef({ target: { amount: 15, unit: 'minutes' } })] });
  const v3 = policy({ ...v1, version: 3, effectiveFrom: new Date('2026-12-01T00:00:00Z'), retired: true, metrics: [] });

  it('puts in force the highest version already effective, and none before the first or after retirement', () => {
    const history = [v3, v1, v2];
    expect(policiesInForce(history, new Date('2025-12-31T00:00:00Z'))).toEqual([]);
    expect(policiesInForce(history, new Date('2026-03-01T00:00:00Z'))).toEqual([v1]);
    expect(policiesInForce(history, new Date('2026-06-01T00:00:00Z'))).toEqual([v2]);
    expect(policiesInForce(history, new Date('2026-12-01T00:00:00Z'))).toEqual([]);
    expect(validatePolicy(v3)).toEqual([]);
  });

  it('selects the version in force at the instant asked', () => {
    const fallback = policy({ id: 'all' });
    expect(selectPolicy([v1, v2, fallback], ticket({ customerTier: 'vip' }), new Date('2026-03-01T00:00:00Z'))).toBe(v1);
    expect(selectPolicy([v1, v2, fallback], ticket({ customerTier: 'vip' }), new Date('2026-07-01T00:00:00Z'))).toBe(v2);
    expect(selectPolicy([v1, v2, v3, fallback], ticket({ customerTier: 'vip' }), new Date('2026-12-02T00:00:00Z'))).toBe(fallback);
  });

  it('makes an edit the next version, never taking effect before the latest', () => {
    const edit = { id: v2.id, name: v2.name, selector: v2.selector, calendar: v2.calendar, metrics: v2.metrics };
    const v3edit = nextVersion([v1, v2], { ...edit, name: 'faster' }, new Date('2026-07-01T00:00:00Z'));
    expect(v3edit).toMatchObject({ id: 'vip', version: 3, name: 'faster', effectiveFrom: new Date('2026-07-01T00:00:00Z') });
    expect(nextVersion([], { ...edit, id: 'new' }, NOW).version).toBe(1);
    expect(() => nextVersion([v1, v2], edit, new Date('2026-05-01T00:00:00Z'))).toThrow(PolicySpecError);
    expect(() => nextVersion([v1, v2], { ...edit, metrics: [] }, NOW)).toThrow(/NO_METRICS|at least one metric/);
  });

  it('checks that versions run 1, 2, 3 and take effect in order', () => {
    expect(validatePolicyHistory([v1, v2, v3])).toEqual([]);
    expect(validatePolicyHistory([v1, v3]).map((p) => p.code)).toEqual(['VERSION_SEQUENCE']);
    expect(validatePolicyHistory([v1, { ...v2, effectiveFrom: new Date('2025-01-01T00:00:00Z') }]).map((p) => p.code)).toEqual(['EFFECTIVE_FROM_ORDER']);
  });
});

describe('validating a policy', () => {
  it('accepts a custom metric, e.g. resources within 1 working day (000)', () => {
    const resources = metricDef({ metric: 'resource-supply', target: { amount: 1, unit: 'working-days' }, stopsOn: 'completion', calendar: DEFAULT_OFFICE_CALENDAR });
    expect(codes(policy({ metrics: [resources] }))).toEqual([]);
  });

  it('refuses a bad id, version and effective instant', () => {
    expect(codes(policy({ id: 'Not An Id', version: 0, effectiveFrom: new Date('nope') }))).toEqual(['BAD_ID id', 'BAD_VERSION version', 'BAD_EFFECTIVE_FROM effectiveFrom']);
  });

  it('refuses an empty selector list and values that do not exist', () => {
    expect(codes(policy({ selector: { kinds: [], services: ['satellite' as never], tiers: ['gold' as never], regions: [' '] } }))).toEqual([
      'EMPTY_SELECTOR_LIST selector.kinds',
      'UNKNOWN_SELECTOR_VALUE selector.services',
      'UNKNOWN_SELECTOR_VALUE selector.tiers',
      'UNKNOWN_SELECTOR_VALUE selector.regions',
    ]);
  });

  it('refuses no metrics, a duplicate or badly named metric', () => {
    expect(codes(policy({ metrics: [] }))).toEqual(['NO_METRICS metrics']);
    expect(codes(policy({ metrics: [metricDef(), metricDef(), metricDef({ metric: 'First Response' })] }))).toEqual(['DUPLICATE_METRIC metrics[1].metric', 'BAD_METRIC_NAME metrics[2].metric']);
  });

  it('refuses a target that is not positive, fractional working days and an unknown unit', () => {
    expect(
      codes(
        policy({
          metrics: [
            metricDef({ metric: 'a', target: { amount: 0, unit: 'minutes' } }),
            metricDef({ metric: 'b', target: { amount: 1.5, unit: 'working-days' } }),
            metricDef({ metric: 'c', target: { amount: 1, unit: 'weeks' as never } }),
            metricDef({ metric: 'd', target: { amount: Number.NaN, unit: 'hours' } }),
          ],
        }),
      ),
    ).toEqual(['BAD_TARGET metrics[0].target.amount', 'BAD_TARGET metrics[1].target.amount', 'BAD_TARGET metrics[2].target.unit', 'BAD_TARGET metrics[3].target.amount']);
  });

  it('refuses warnings outside (0, 1) or not increasing', () => {
    for (const warnings of [[0], [1], [0.8, 0.5], [0.5, 0.5]]) expect(codes(policy({ metrics: [metricDef({ warnings })] }))).toEqual(['BAD_WARNINGS metrics[0].warnings']);
    expect(codes(policy({ metrics: [metricDef({ warnings: [] })] }))).toEqual([]);
  });

  it('refuses a repeated level, nobody to tell, and an offset in working days before the due instant', () => {
    const level = { level: 'team-lead', offset: { amount: -10, unit: 'minutes' as const }, notify: 'team-lead', dispatchAction: 'none' as const };
    expect(
      codes(
        policy({
          metrics: [metricDef({ escalations: [level, level, { ...level, level: 'x', notify: ' ' }, { ...level, level: 'y', offset: { amount: -1, unit: 'working-days' } }, { ...level, level: 'z', offset: { amount: 2, unit: 'working-days' } }] })],
        }),
      ),
    ).toEqual(['BAD_ESCALATION metrics[0].escalations[1].level', 'BAD_ESCALATION metrics[0].escalations[2].notify', 'BAD_ESCALATION metrics[0].escalations[3].offset.amount']);
  });

  it('refuses a bad calendar, the policy’s or a metric’s, saying where', () => {
    expect(codes(policy({ calendar: { timeZone: 'Nowhere', hours: '24x7' }, metrics: [metricDef({ calendar: { timeZone: 'UTC', hours: { mon: ['12:00-09:00'] } } })] }))).toEqual([
      'BAD_CALENDAR calendar.timeZone',
      'BAD_CALENDAR metrics[0].calendar.hours.mon[0]',
    ]);
  });
});
