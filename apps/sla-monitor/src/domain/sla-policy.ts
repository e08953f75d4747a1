import { channels, customerTiers, services, ticketKinds, type TicketAccepted } from '@switchboard/contracts';
import { type BusinessCalendarSpec, type BusinessDuration, validateCalendarSpec } from './business-calendar';
import { DEFAULT_WARNING_FRACTION } from './clock-schedule';
import { DEFAULT_SLA_TARGETS, type SlaTargetTable, type TicketKind } from './sla-targets';

/**
 * SLA policies (domain.md §4, issue 6): a policy selects tickets by kind, service, channel,
 * customer tier and region, and defines its metrics — each a target in business time on a
 * calendar, warning fractions and an escalation ladder. Policies are versioned: an edit is a new
 * version with the instant it takes effect; the old versions stay for the clocks attached to them.
 */

export type Service = TicketAccepted['service'];
export type Channel = TicketAccepted['channel'];
export type CustomerTier = TicketAccepted['customerTier'];

/** What a policy is selected by. */
export interface TicketProfile {
  kind: TicketKind;
  service: Service;
  channel: Channel;
  customerTier: CustomerTier;
  region: string;
}

/** Each dimension lists the values it accepts; a missing dimension accepts any. */
export interface PolicySelector {
  kinds?: readonly TicketKind[];
  services?: readonly Service[];
  channels?: readonly Channel[];
  tiers?: readonly CustomerTier[];
  regions?: readonly string[];
}

/** The selector's dimensions, most decisive first: the tie-break between equally specific policies. */
export const SELECTOR_DIMENSIONS = ['kinds', 'services', 'channels', 'tiers', 'regions'] as const;
type Dimension = (typeof SELECTOR_DIMENSIONS)[number];

/** The metrics domain.md §4 names; a policy may add custom ones (any other kebab-case name). */
export const BUILT_IN_METRICS = ['first-response', 'reply', 'resolution', 'on-site', 'callback'] as const;

/** What starts a metric's clock: the ticket (its reportedAt when earlier than intake), completion (callback), a department hand-over (an OLA). */
export type ClockStartEvent = 'ticket' | 'completion' | 'hand-over';
/** What fulfils a metric and stops its clock. */
export type ClockStopEvent = 'first-contact' | 'reply' | 'arrival' | 'completion' | 'callback';
/** What dispatch should do when an escalation level is reached. */
export type DispatchAction = 'none' | 'raise-priority' | 'reassign' | 'support-team';

/** One level of the escalation ladder (domain.md §4: engineer → team lead → department head → company leadership). */
export interface EscalationLevel {
  level: string;
  /** Signed, from the due instant: −10 minutes is before it, +24 hours after; working days only ≥ 0. */
  offset: BusinessDuration;
  /** Who is told (a role). */
  notify: string;
  dispatchAction: DispatchAction;
}

export interface MetricDefinition {
  metric: string;
  target: BusinessDuration;
  startsOn: ClockStartEvent;
  stopsOn: ClockStopEvent;
  /** Whether approved suspensions and holds extend it (resolution, on site); never first response. */
  pausable: boolean;
  /** Fractions of the target at which the handler is warned, increasing, each in (0, 1). */
  warnings: readonly number[];
  escalations: readonly EscalationLevel[];
  /** This metric's own calendar (a written reply counted in office hours); default the policy's. */
  calendar?: BusinessCalendarSpec;
}

export interface SlaPolicy {
  id: string;
  version: number;
  effectiveFrom: Date;
  name: string;
  selector: PolicySelector;
  calendar: BusinessCalendarSpec;
  metrics: readonly MetricDefinition[];
  /** A retired version ends the policy from its effectiveFrom on. */
  retired?: boolean;
}

export type PolicyProblemCode =
  | 'BAD_ID'
  | 'BAD_VERSION'
  | 'BAD_EFFECTIVE_FROM'
  | 'EMPTY_SELECTOR_LIST'
  | 'UNKNOWN_SELECTOR_VALUE'
  | 'NO_METRICS'
  | 'BAD_METRIC_NAME'
  | 'DUPLICATE_METRIC'
  | 'BAD_TARGET'
  | 'BAD_WARNINGS'
  | 'BAD_ESCALATION'
  | 'BAD_CALENDAR'
  | 'VERSION_SEQUENCE'
  | 'EFFECTIVE_FROM_ORDER';

export interface PolicyProblem {
  code: PolicyProblemCode;
  path: string;
  message: string;
}

export class PolicySpecError extends Error {
  readonly code = 'SLA_POLICY.INVALID';
  constructor(readonly problems: readonly PolicyProblem[]) {
    super(`invalid SLA policy: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  }
}

const NAME = /^[a-z][a-z0-9-]{0,63}$/;
const KNOWN_VALUES: Record<Exclude<Dimension, 'regions'>, readonly string[]> = { kinds: ticketKinds, services, channels, tiers: customerTiers };

function durationProblems(d: BusinessDuration, path: string, signed: boolean): PolicyProblem[] {
  const code = signed ? 'BAD_ESCALATION' : 'BAD_TARGET';
  if (!['minutes', 'hours', 'working-days'].includes(d.unit)) return [{ code, path: `${path}.unit`, message: `"${d.unit}" is not minutes, hours or working-days` }];
  if (!Number.isFinite(d.amount)) return [{ code, path: `${path}.amount`, message: `${d.amount} is not a number` }];
  if (!signed && d.amount <= 0) return [{ code, path: `${path}.amount`, message: `a target must be positive, got ${d.amount}` }];
  if (d.unit === 'working-days' && !Number.isInteger(d.amount)) return [{ code, path: `${path}.amount`, message: `working days are whole, got ${d.amount}` }];
  if (signed && d.unit === 'working-days' && d.amount < 0) return [{ code, path: `${path}.amount`, message: 'an offset before the due instant is given in minutes or hours, not working days' }];
  return [];
}

function calendarProblems(spec: BusinessCalendarSpec, path: string): PolicyProblem[] {
  return validateCalendarSpec(spec).map((p) => ({ code: 'BAD_CALENDAR' as const, path: `${path}.${p.path}`, message: `${p.code}: ${p.message}` }));
}

function metricProblems(m: MetricDefinition, path: string): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  if (!NAME.test(m.metric)) problems.push({ code: 'BAD_METRIC_NAME', path: `${path}.metric`, message: `"${m.metric}" is not a kebab-case name` });
  problems.push(...durationProblems(m.target, `${path}.target`, false));
  const w = m.warnings;
  if (w.some((f, i) => !(f > 0 && f < 1) || (i > 0 && f <= w[i - 1]!))) {
    problems.push({ code: 'BAD_WARNINGS', path: `${path}.warnings`, message: `warning fractions must increase, each between 0 and 1 (exclusive), got [${w.join(', ')}]` });
  }
  const levels = new Set<string>();
  m.escalations.forEach((e, i) => {
    const at = `${path}.escalations[${i}]`;
    if (!NAME.test(e.level) || levels.has(e.level)) problems.push({ code: 'BAD_ESCALATION', path: `${at}.level`, message: `"${e.level}" is not a new kebab-case level name` });
    levels.add(e.level);
    if (e.notify.trim() === '') problems.push({ code: 'BAD_ESCALATION', path: `${at}.notify`, message: 'an escalation tells someone' });
    problems.push(...durationProblems(e.offset, `${at}.offset`, true));
  });
  if (m.calendar) problems.push(...calendarProblems(m.calendar, `${path}.calendar`));
  return problems;
}

/** Every reason the policy version cannot be used; empty when it can. */
export function validatePolicy(p: SlaPolicy): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  if (!NAME.test(p.id)) problems.push({ code: 'BAD_ID', path: 'id', message: `"${p.id}" is not a kebab-case id` });
  if (!Number.isInteger(p.version) || p.version < 1) problems.push({ code: 'BAD_VERSION', path: 'version', message: `a version is a whole number ≥ 1, got ${p.version}` });
  if (Number.isNaN(p.effectiveFrom.getTime())) problems.push({ code: 'BAD_EFFECTIVE_FROM', path: 'effectiveFrom', message: 'not a valid instant' });
  for (const dim of SELECTOR_DIMENSIONS) {
    const values = p.selector[dim];
    if (values === undefined) continue;
    if (values.length === 0) problems.push({ code: 'EMPTY_SELECTOR_LIST', path: `selector.${dim}`, message: 'an empty list matches no ticket; leave the dimension out to match any' });
    const known = dim === 'regions' ? null : KNOWN_VALUES[dim];
    for (const v of values) {
      if (known ? !known.includes(v) : v.trim() === '') problems.push({ code: 'UNKNOWN_SELECTOR_VALUE', path: `selector.${dim}`, message: `"${v}" is not ${known ? `one of ${known.join(', ')}` : 'a region'}` });
    }
  }
  problems.push(...calendarProblems(p.calendar, 'calendar'));
  if (p.metrics.length === 0 && !p.retired) problems.push({ code: 'NO_METRICS', path: 'metrics', message: 'a policy defines at least one metric' });
  const names = new Set<string>();
  p.metrics.forEach((m, i) => {
    if (names.has(m.metric)) problems.push({ code: 'DUPLICATE_METRIC', path: `metrics[${i}].metric`, message: `"${m.metric}" is defined twice` });
    names.add(m.metric);
    problems.push(...metricProblems(m, `metrics[${i}]`));
  });
  return problems;
}

/** The versions of each policy run 1, 2, 3… and take effect in that order. */
export function validatePolicyHistory(history: readonly SlaPolicy[]): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  for (const [id, versions] of byId(history)) {
    versions.forEach((v, i) => {
      if (v.version !== i + 1) problems.push({ code: 'VERSION_SEQUENCE', path: `${id}@${v.version}`, message: `expected version ${i + 1}` });
      const prev = versions[i - 1];
      if (prev && v.effectiveFrom.getTime() < prev.effectiveFrom.getTime()) {
        problems.push({ code: 'EFFECTIVE_FROM_ORDER', path: `${id}@${v.version}`, message: `takes effect before version ${prev.version}` });
      }
    });
  }
  return problems;
}

function byId(history: readonly SlaPolicy[]): Map<string, SlaPolicy[]> {
  const ids = new Map<string, SlaPolicy[]>();
  for (const p of history) ids.set(p.id, [...(ids.get(p.id) ?? []), p]);
  for (const versions of ids.values()) versions.sort((a, b) => a.version - b.version);
  return ids;
}

/**
 * An edit of a policy at run time: the next version of its id, taking effect at `effectiveFrom`
 * (not before the latest version does). Throws PolicySpecError when the result is invalid.
 */
export function nextVersion(history: readonly SlaPolicy[], edit: Omit<SlaPolicy, 'version' | 'effectiveFrom'>, effectiveFrom: Date): SlaPolicy {
  const latest = byId(history).get(edit.id)?.at(-1);
  const next: SlaPolicy = { ...edit, version: (latest?.version ?? 0) + 1, effectiveFrom };
  const problems = validatePolicy(next);
  if (latest && effectiveFrom.getTime() < latest.effectiveFrom.getTime()) {
    problems.push({ code: 'EFFECTIVE_FROM_ORDER', path: 'effectiveFrom', message: `takes effect before version ${latest.version} (${latest.effectiveFrom.toISOString()})` });
  }
  if (problems.length > 0) throw new PolicySpecError(problems);
  return next;
}

/** Each policy's version in force at an instant: the highest version already in effect, unless retired. */
export function policiesInForce(history: readonly SlaPolicy[], at: Date): SlaPolicy[] {
  const inForce: SlaPolicy[] = [];
  for (const versions of byId(history).values()) {
    const current = versions.filter((v) => v.effectiveFrom.getTime() <= at.getTime()).at(-1);
    if (current && !current.retired) inForce.push(current);
  }
  return inForce;
}

export function matches(selector: PolicySelector, ticket: TicketProfile): boolean {
  const value: Record<Dimension, string> = { kinds: ticket.kind, services: ticket.service, channels: ticket.channel, tiers: ticket.customerTier, regions: ticket.region };
  return SELECTOR_DIMENSIONS.every((dim) => selector[dim]?.includes(value[dim] as never) ?? true);
}

/**
 * How specific a selector is, compared element by element (greater wins): the number of
 * constrained dimensions; then which dimensions, in SELECTOR_DIMENSIONS order (a policy naming the
 * kind beats one naming only the region); then the fewer listed values.
 */
export function specificity(selector: PolicySelector): number[] {
  const constrained = SELECTOR_DIMENSIONS.map((dim) => (selector[dim] ? 1 : 0));
  const listed = SELECTOR_DIMENSIONS.reduce((n, dim) => n + (selector[dim]?.length ?? 0), 0);
  return [constrained.reduce<number>((a, b) => a + b, 0), ...constrained, -listed];
}

function compareSpecificity(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/**
 * The policy for a ticket at an instant: among the versions in force whose selector matches, the
 * most specific (see `specificity`); equally specific ones are decided by the smaller id, so the
 * choice never depends on the order policies were stored in. Null when none matches.
 */
export function selectPolicy(history: readonly SlaPolicy[], ticket: TicketProfile, at: Date): SlaPolicy | null {
  let best: { policy: SlaPolicy; rank: number[] } | null = null;
  for (const policy of policiesInForce(history, at)) {
    if (!matches(policy.selector, ticket)) continue;
    const rank = specificity(policy.selector);
    const order = best ? compareSpecificity(rank, best.rank) : 1;
    if (order > 0 || (order === 0 && best && policy.id < best.policy.id)) best = { policy, rank };
  }
  return best?.policy ?? null;
}

export function metricCalendar(policy: SlaPolicy, metric: MetricDefinition): BusinessCalendarSpec {
  return metric.calendar ?? policy.calendar;
}

// --- The defaults: the numbers of domain.md §4 ---

/** The hotline and the field run 7x24 (001); the demo region's zone. */
export const DEFAULT_CALENDAR: BusinessCalendarSpec = { timeZone: 'Asia/Shanghai', hours: '24x7' };

const OFFICE_DAY = ['09:00-12:00', '13:00-18:00'];
/** Back-office hours for working-day targets; domain.md gives none, so an assumption: Mon–Fri 9–12, 13–18. */
export const DEFAULT_OFFICE_CALENDAR: BusinessCalendarSpec = {
  timeZone: 'Asia/Shanghai',
  hours: { mon: OFFICE_DAY, tue: OFFICE_DAY, wed: OFFICE_DAY, thu: OFFICE_DAY, fri: OFFICE_DAY },
};

/** Default warnings at 50 % and 80 % of the target (issue 6; "超时预警", domain.md §4). */
export const DEFAULT_WARNING_FRACTIONS: readonly number[] = [0.5, DEFAULT_WARNING_FRACTION];

/** The ladder of domain.md §4 (000, 003) at the offsets issue 6 gives as its example. */
export const DEFAULT_ESCALATION_LADDER: readonly EscalationLevel[] = [
  { level: 'team-lead', offset: { amount: -10, unit: 'minutes' }, notify: 'team-lead', dispatchAction: 'raise-priority' },
  { level: 'department-head', offset: { amount: 0, unit: 'minutes' }, notify: 'department-head', dispatchAction: 'support-team' },
  { level: 'company-leadership', offset: { amount: 24, unit: 'hours' }, notify: 'company-leadership', dispatchAction: 'none' },
];

/** Phone complaint: a reply with the solution within 1 hour (000). */
export const PHONE_COMPLAINT_REPLY: BusinessDuration = { amount: 1, unit: 'hours' };
/** Written or email complaint: a written reply within 1 (working) day (000). */
export const WRITTEN_COMPLAINT_REPLY: BusinessDuration = { amount: 1, unit: 'working-days' };
/** On site within hours, at most 24 hours (001). */
export const ON_SITE_WITHIN: BusinessDuration = { amount: 24, unit: 'hours' };
/** The callback after completion: domain.md §5 gives no limit, so an assumption of one day. */
export const CALLBACK_WITHIN: BusinessDuration = { amount: 24, unit: 'hours' };
/** Channels whose complaints are written (email, letter, and the written web and SMS forms). */
export const WRITTEN_CHANNELS: readonly Channel[] = ['email', 'letter', 'web', 'sms'];

const EPOCH = new Date(0);

const metric = (name: string, target: BusinessDuration, startsOn: ClockStartEvent, stopsOn: ClockStopEvent, pausable: boolean, calendar?: BusinessCalendarSpec): MetricDefinition => ({
  metric: name,
  target,
  startsOn,
  stopsOn,
  pausable,
  warnings: DEFAULT_WARNING_FRACTIONS,
  escalations: DEFAULT_ESCALATION_LADDER,
  ...(calendar ? { calendar } : {}),
});

/** A target table's milliseconds as whole hours when they are, else minutes. */
const asDuration = (ms: number): BusinessDuration => (ms % 3_600_000 === 0 ? { amount: ms / 3_600_000, unit: 'hours' } : { amount: ms / 60_000, unit: 'minutes' });

/**
 * The default policies, version 1 in force since the epoch, built from the existing target table
 * (first response 30 min; resolution: complaint 1 week, repair 24 h, install and move 72 h):
 * one per installed/moved kind, one per repaired service, complaints with a reply by channel.
 */
export function defaultSlaPolicies(table: SlaTargetTable = DEFAULT_SLA_TARGETS): SlaPolicy[] {
  const firstResponse = metric('first-response', asDuration(table.firstResponseMs), 'ticket', 'first-contact', false);
  const resolution = (kind: TicketKind) => metric('resolution', asDuration(table.resolutionMs[kind]), 'ticket', 'completion', true);
  const callback = metric('callback', CALLBACK_WITHIN, 'completion', 'callback', false);
  const policy = (id: string, name: string, selector: PolicySelector, metrics: MetricDefinition[]): SlaPolicy => ({ id, version: 1, effectiveFrom: EPOCH, name, selector, calendar: DEFAULT_CALENDAR, metrics });
  return [
    ...(['install', 'move'] as const).map((kind) => policy(kind, `${kind} (domain.md §4)`, { kinds: [kind] }, [firstResponse, resolution(kind), callback])),
    ...services.map((service) =>
      policy(`repair-${service}`, `${service} repair (domain.md §4: on site within 24 h, repair per service)`, { kinds: ['repair'], services: [service] }, [
        firstResponse,
        metric('on-site', ON_SITE_WITHIN, 'ticket', 'arrival', true),
        resolution('repair'),
        callback,
      ]),
    ),
    policy('complaint', 'complaint (domain.md §4: handled within 1 week)', { kinds: ['complaint'] }, [firstResponse, resolution('complaint'), callback]),
    policy('complaint-phone', 'phone complaint (domain.md §4: reply within 1 hour)', { kinds: ['complaint'], channels: ['phone'] }, [
      firstResponse,
      metric('reply', PHONE_COMPLAINT_REPLY, 'ticket', 'reply', false),
      resolution('complaint'),
      callback,
    ]),
    policy('complaint-written', 'written or email complaint (domain.md §4: written reply within 1 working day)', { kinds: ['complaint'], channels: WRITTEN_CHANNELS }, [
      firstResponse,
      metric('reply', WRITTEN_COMPLAINT_REPLY, 'ticket', 'reply', false, DEFAULT_OFFICE_CALENDAR),
      resolution('complaint'),
      callback,
    ]),
  ];
}
