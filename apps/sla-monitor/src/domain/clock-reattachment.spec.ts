import { type TimeInterval } from './business-calendar';
import { type AttachedClock, reattachClock, reattachPolicy } from './clock-reattachment';
import { DEFAULT_CALENDAR, DEFAULT_OFFICE_CALENDAR, defaultSlaPolicies, type MetricDefinition, metricCalendar, type SlaPolicy } from './sla-policy';
import { type MetricPlan, previewPolicy } from './sla-preview';

const HOUR = 3_600_000;
const sh = (local: string) => new Date(`${local}+08:00`);
const local = (d: Date | null) => (d ? new Date(d.getTime() + 8 * HOUR).toISOString().slice(0, 16).replace('T', ' ') : null);

const metric = (over: Partial<MetricDefinition> = {}): MetricDefinition => ({
  metric: 'resolution',
  target: { amount: 24, unit: 'hours' },
  startsOn: 'ticket',
  stopsOn: 'completion',
  pausable: true,
  warnings: [0.5, 0.8],
  escalations: [{ level: 'department-head', offset: { amount: 0, unit: 'minutes' }, notify: 'department-head', dispatchAction: 'support-team' }],
  ...over,
});
const policy = (id: string, metrics: MetricDefinition[], calendar = DEFAULT_CALENDAR): SlaPolicy => ({ id, version: 1, effectiveFrom: new Date(0), name: id, selector: {}, calendar, metrics });
const clock = (pauses: TimeInterval[], over: Partial<AttachedClock> = {}): AttachedClock => ({ metric: 'resolution', startedAt: sh('2026-11-23T08:00:00'), calendar: DEFAULT_CALENDAR, pauses, ...over });

describe('re-attaching a policy keeps elapsed and paused time', () => {
  it('does not lose paused time: a 4-hour pause still extends the new, longer target', () => {
    const paused = clock([{ from: sh('2026-11-23T10:00:00'), to: sh('2026-11-23T14:00:00') }]);
    const longer = policy('vip', [metric({ target: { amount: 48, unit: 'hours' } })]);
    const re = reattachClock(paused, longer, longer.metrics[0]!, sh('2026-11-23T16:00:00'));
    expect(re).toMatchObject({ elapsedMs: 4 * HOUR, pausedMs: 4 * HOUR, state: 'running', targetMs: 48 * HOUR });
    expect(local(re.dueAt)).toBe('2026-11-25 12:00'); // start + 48 h + the 4 h pause
    // Recomputing from the start without the pause — what other systems do — would say 08:00.
    expect(local(previewPolicy(longer, { start: paused.startedAt }).find((p) => p.metric === 'resolution')!.dueAt)).toBe('2026-11-25 08:00');
  });

  it('changes nothing when the same policy is re-attached, at any instant, running or paused', () => {
    const start = sh('2026-11-27T15:00:00');
    const pauses: TimeInterval[] = [{ from: sh('2026-11-27T16:00:00'), to: sh('2026-11-30T10:30:00') }, { from: sh('2026-12-01T11:00:00'), to: sh('2026-12-01T14:00:00') }];
    const instants = (p: MetricPlan) => [p.dueAt, ...p.warnings.map((w) => w.at), ...p.escalations.map((e) => e.at)].map(local);
    for (const calendar of [DEFAULT_CALENDAR, DEFAULT_OFFICE_CALENDAR]) {
      for (const target of [{ amount: 3, unit: 'working-days' }, { amount: 20, unit: 'hours' }] as const) {
        const p = policy('same', [metric({ target, warnings: [0.25, 0.5, 0.8] })], calendar);
        for (let at = start.getTime(); at < start.getTime() + 8 * 24 * HOUR; at += 5 * HOUR + 17 * 60_000) {
          // What the clock knows at that instant: the pauses begun, the current one without an end.
          const known = pauses.filter((x) => x.from.getTime() < at).map((x) => (x.to!.getTime() > at ? { from: x.from, to: null } : x));
          const re = reattachClock({ metric: 'resolution', startedAt: start, calendar, pauses: known }, p, p.metrics[0]!, new Date(at));
          expect(instants(re)).toEqual(instants(previewPolicy(p, { start, pauses: known })[0]!));
          expect(re.state).toBe(known.some((x) => x.to === null) ? 'paused' : 'running');
        }
      }
    }
  });

  it('keeps a clock paused at re-attachment paused: its due waits for the resume, past instants stay', () => {
    const holding = clock([{ from: sh('2026-11-23T22:30:00'), to: null }]);
    const re = reattachClock(holding, policy('p', [metric()]), metric(), sh('2026-11-24T09:00:00'));
    expect(re.state).toBe('paused');
    expect(re.dueAt).toBeNull();
    expect(re.elapsedMs).toBe(14.5 * HOUR);
    expect(re.pausedMs).toBe(10.5 * HOUR);
    expect(re.warnings.map((w) => local(w.at))).toEqual(['2026-11-23 20:00', null]);
  });

  it('spends the elapsed time on the old calendar and the rest on the new one', () => {
    // A reply started Friday 20:00 on 24x7 with 8 h; at Saturday 01:00 (5 h spent) the policy changes to office hours.
    const reply = clock([], { metric: 'reply', startedAt: sh('2026-11-27T20:00:00') });
    const office = policy('office', [metric({ metric: 'reply', target: { amount: 8, unit: 'hours' }, pausable: false })], DEFAULT_OFFICE_CALENDAR);
    const re = reattachClock(reply, office, office.metrics[0]!, sh('2026-11-28T01:00:00'));
    expect(re.elapsedMs).toBe(5 * HOUR);
    expect(local(re.warnings[0]!.at)).toBe('2026-11-28 00:00'); // 4 h: already past, on the old calendar
    expect(local(re.warnings[1]!.at)).toBe('2026-11-30 10:24'); // 6.4 h: 1.4 h of Monday's office time
    expect(local(re.dueAt)).toBe('2026-11-30 13:00'); // 3 h left run out at the lunch break; due when it reopens
  });

  it('puts the due instant in the past when the new target is already spent, so it fires at once', () => {
    const re = reattachClock(clock([]), policy('p', [metric({ target: { amount: 6, unit: 'hours' } })]), metric({ target: { amount: 6, unit: 'hours' } }), sh('2026-11-23T20:00:00'));
    expect(local(re.dueAt)).toBe('2026-11-23 14:00');
  });

  it('counts nothing spent when re-attached before a retroactive start', () => {
    const re = reattachClock(clock([]), policy('p', [metric()]), metric(), sh('2026-11-23T07:00:00'));
    expect(re.elapsedMs).toBe(0);
    expect(local(re.dueAt)).toBe('2026-11-24 08:00');
  });

  it('re-attaches a ticket’s clocks by metric: kept, cancelled, and new ones to start', () => {
    const [phone, written] = ['complaint-phone', 'complaint-written'].map((id) => defaultSlaPolicies().find((p) => p.id === id)!);
    const clocks = ['first-response', 'reply', 'resolution'].map((m) => clock([], { metric: m, calendar: metricCalendar(phone!, phone!.metrics.find((d) => d.metric === m)!) }));
    const onlyResolution = policy('narrow', [metric()]);
    const re = reattachPolicy(clocks, onlyResolution, sh('2026-11-23T09:00:00'));
    expect(re.clocks.map((c) => c.metric)).toEqual(['resolution']);
    expect(re.cancelled).toEqual(['first-response', 'reply']);
    expect(re.toStart).toEqual([]);
    const toWritten = reattachPolicy(clocks.slice(0, 1), written!, sh('2026-11-23T09:00:00'));
    expect(toWritten.toStart.map((m) => m.metric)).toEqual(['reply', 'resolution', 'callback']);
  });
});
