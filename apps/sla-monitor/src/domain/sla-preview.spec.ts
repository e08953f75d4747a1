import { type TimeInterval } from './business-calendar';
import { DEFAULT_OFFICE_CALENDAR, defaultSlaPolicies, type MetricDefinition, selectPolicy, type SlaPolicy, type TicketProfile } from './sla-policy';
import { type MetricPlan, previewPolicy, ticketClockStart } from './sla-preview';

const sh = (local: string) => new Date(`${local}+08:00`);
const defaults = defaultSlaPolicies();
const policyFor = (over: Partial<TicketProfile>): SlaPolicy =>
  selectPolicy(defaults, { kind: 'repair', service: 'broadband', channel: 'phone', customerTier: 'standard', region: 'hangzhou', ...over }, new Date('2026-11-24T00:00:00Z'))!;
const planOf = (plans: MetricPlan[], metric: string) => plans.find((p) => p.metric === metric)!;
/** A plan's instants in Shanghai local time, for reading. */
const local = (d: Date | null) => (d ? new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : null);
const instants = (p: MetricPlan) => ({
  due: local(p.dueAt),
  warnings: p.warnings.map((w) => local(w.at)),
  escalations: p.escalations.map((e) => `${e.level} ${local(e.at)}`),
});

describe('previewing a policy', () => {
  it('gives a phone complaint its first response, reply and resolution instants, and no callback before completion', () => {
    const plans = previewPolicy(policyFor({ kind: 'complaint', channel: 'phone' }), { start: sh('2026-11-27T15:00:00') });
    expect(plans.map((p) => p.metric)).toEqual(['first-response', 'reply', 'resolution', 'callback']);
    expect(instants(planOf(plans, 'first-response'))).toEqual({
      due: '2026-11-27 15:30',
      warnings: ['2026-11-27 15:15', '2026-11-27 15:24'],
      escalations: ['team-lead 2026-11-27 15:20', 'department-head 2026-11-27 15:30', 'company-leadership 2026-11-28 15:30'],
    });
    expect(local(planOf(plans, 'reply').dueAt)).toBe('2026-11-27 16:00');
    expect(local(planOf(plans, 'resolution').dueAt)).toBe('2026-12-04 15:00');
    expect(planOf(plans, 'callback')).toEqual({ metric: 'callback', startsOn: 'completion', startedAt: null, targetMs: null, dueAt: null, warnings: [], escalations: [] });
  });

  it('counts a written complaint’s reply in office working days: Friday 15:00 is due Monday 15:00', () => {
    const reply = planOf(previewPolicy(policyFor({ kind: 'complaint', channel: 'email' }), { start: sh('2026-11-27T15:00:00') }), 'reply');
    expect(reply.targetMs).toBe(8 * 3_600_000); // Friday 15–18, Monday 9–12 and 13–15
    expect(instants(reply)).toEqual({
      due: '2026-11-30 15:00',
      warnings: ['2026-11-30 10:00', '2026-11-30 13:24'],
      escalations: ['team-lead 2026-11-30 14:50', 'department-head 2026-11-30 15:00', 'company-leadership 2026-12-03 15:00'],
    });
  });

  it('counts a written complaint received on Saturday from Monday’s opening', () => {
    const reply = planOf(previewPolicy(policyFor({ kind: 'complaint', channel: 'letter' }), { start: sh('2026-11-28T10:00:00') }), 'reply');
    expect(local(reply.dueAt)).toBe('2026-12-01 09:00');
  });

  it('starts the callback at completion', () => {
    const plans = previewPolicy(policyFor({ kind: 'repair' }), { start: sh('2026-11-23T10:00:00'), completedAt: sh('2026-11-23T16:00:00') });
    expect(local(planOf(plans, 'callback').dueAt)).toBe('2026-11-24 16:00');
  });

  it('starts an operational clock at a department hand-over', () => {
    const ola: SlaPolicy = { ...policyFor({}), metrics: [{ ...policyFor({}).metrics[0]!, metric: 'maintenance-ola', startsOn: 'hand-over', target: { amount: 4, unit: 'hours' } }] };
    expect(planOf(previewPolicy(ola, { start: sh('2026-11-23T10:00:00') }), 'maintenance-ola').dueAt).toBeNull();
    expect(local(planOf(previewPolicy(ola, { start: sh('2026-11-23T10:00:00'), handedOverAt: sh('2026-11-23T11:00:00') }), 'maintenance-ola').dueAt)).toBe('2026-11-23 15:00');
  });

  it('never lets an escalation before the due instant fall before the start', () => {
    const quick: SlaPolicy = { ...policyFor({}), metrics: [{ ...policyFor({}).metrics[0]!, target: { amount: 5, unit: 'minutes' } }] };
    expect(planOf(previewPolicy(quick, { start: sh('2026-11-23T10:00:00') }), 'first-response').escalations[0]!.at).toEqual(sh('2026-11-23T10:00:00'));
  });

  it('counts an escalation offset in working days from the due instant', () => {
    const base = policyFor({ kind: 'complaint', channel: 'email' });
    const reply = base.metrics.find((m) => m.metric === 'reply')!;
    const later: MetricDefinition = { ...reply, escalations: [{ level: 'company-leadership', offset: { amount: 1, unit: 'working-days' }, notify: 'ceo', dispatchAction: 'none' }] };
    const plan = planOf(previewPolicy({ ...base, metrics: [later] }, { start: sh('2026-11-27T15:00:00') }), 'reply');
    expect(plan.escalations.map((e) => local(e.at))).toEqual(['2026-12-01 15:00']);
  });
});

describe('previewing with pauses', () => {
  const repair = policyFor({ kind: 'repair' });
  const start = sh('2026-11-23T10:00:00');

  it('extends resolution and on site by the paused time, never the first response', () => {
    const pauses: TimeInterval[] = [{ from: sh('2026-11-23T10:05:00'), to: sh('2026-11-23T10:20:00') }, { from: sh('2026-11-23T12:00:00'), to: sh('2026-11-24T08:00:00') }];
    const plans = previewPolicy(repair, { start, pauses });
    expect(local(planOf(plans, 'first-response').dueAt)).toBe('2026-11-23 10:30');
    // 24 h + 15 min + 20 h over the night.
    expect(local(planOf(plans, 'resolution').dueAt)).toBe('2026-11-25 06:15');
    expect(local(planOf(plans, 'on-site').dueAt)).toBe('2026-11-25 06:15');
    expect(local(planOf(previewPolicy(repair, { start }), 'resolution').dueAt)).toBe('2026-11-24 10:00');
  });

  it('extends in business time: a pause over the night adds nothing on office hours, one over days adds their hours', () => {
    const base = policyFor({});
    const officeResolution: SlaPolicy = { ...base, metrics: [{ ...base.metrics[0]!, metric: 'resolution', pausable: true, target: { amount: 16, unit: 'hours' }, calendar: DEFAULT_OFFICE_CALENDAR }] };
    const night = previewPolicy(officeResolution, { start, pauses: [{ from: sh('2026-11-23T18:00:00'), to: sh('2026-11-24T09:00:00') }] });
    expect(local(planOf(night, 'resolution').dueAt)).toBe('2026-11-25 10:00'); // as without the pause
    // Monday 17:00 to Wednesday 10:00 holds 1 + 8 + 1 business hours: Wednesday 10:00 + 10 h runs
    // out at Thursday's lunch, so it falls due when the office reopens.
    const days = previewPolicy(officeResolution, { start, pauses: [{ from: sh('2026-11-23T17:00:00'), to: sh('2026-11-25T10:00:00') }] });
    expect(local(planOf(days, 'resolution').dueAt)).toBe('2026-11-26 13:00');
  });

  it('leaves instants after an open pause unknown, and those before it as they are', () => {
    const plans = previewPolicy(repair, { start, pauses: [{ from: sh('2026-11-23T22:30:00'), to: null }] });
    const resolution = planOf(plans, 'resolution');
    expect(resolution.dueAt).toBeNull();
    expect(resolution.warnings.map((w) => local(w.at))).toEqual(['2026-11-23 22:00', null]);
    expect(local(planOf(plans, 'first-response').dueAt)).toBe('2026-11-23 10:30');
  });
});

describe('the clock start', () => {
  it('is the reportedAt when earlier than intake (retroactive), else intake', () => {
    expect(ticketClockStart(sh('2026-11-23T09:12:00'), sh('2026-11-23T10:00:00'))).toEqual(sh('2026-11-23T09:12:00'));
    expect(ticketClockStart(sh('2026-11-23T10:05:00'), sh('2026-11-23T10:00:00'))).toEqual(sh('2026-11-23T10:00:00'));
  });

  it('makes a retroactive clock already late when the report is old', () => {
    const plans = previewPolicy(policyFor({}), { start: ticketClockStart(sh('2026-11-23T09:00:00'), sh('2026-11-23T10:00:00')) });
    expect(local(planOf(plans, 'first-response').dueAt)).toBe('2026-11-23 09:30');
  });
});
