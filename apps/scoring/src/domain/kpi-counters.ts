import { regionCode, type EventData, type EventType, type KpiUpdated } from '@switchboard/contracts';
import { NOT_COUNTED } from './not-counted';

/** The per-region, per-day counters BI reads on `scoring.kpis.v1` (issue 3 §7; domain.md §6 KPIs). */
export const KPI_COUNTERS = [
  'received',
  'accepted',
  'rejected',
  'assigned',
  'firstResponseOnTime',
  'firstResponseLate',
  'warned',
  'breached',
  'completed',
  'surveyed',
  'satisfied',
] as const;

export type KpiCounter = (typeof KPI_COUNTERS)[number];
export type KpiCounters = Record<KpiCounter, number>;

// The list above and the contract's counters must name the same fields, both ways.
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
const countersMatchContract: SameKeys<KpiCounters, KpiUpdated['counters']> = true;
void countersMatchContract;

/** A region that cannot be read from an event (a rejected ticket without one) is counted here. */
export const UNKNOWN_REGION = 'unknown';

/** What one event adds: one to each named counter of its region's row for the event's day. */
export interface KpiIncrement {
  region: string;
  /** UTC calendar day (YYYY-MM-DD) of the event's `time`. */
  date: string;
  counters: readonly KpiCounter[];
}

type CountRule<T extends EventType> = (data: EventData<T>) => { region: string | undefined; counters: readonly KpiCounter[] };

/**
 * How each platform event moves the counters. Exhaustive over every event type, so a new event
 * must be decided here: counted (a rule) or `ignored`.
 */
export const KpiCountRules: { [T in EventType]: CountRule<T> | 'ignored' } = {
  // Commands, other workflows' facts and scoring's own records (not-counted.ts): decided once for every KPI map.
  ...NOT_COUNTED,
  'ticket.received': 'ignored', // intake's verdict (accepted or rejected) is what is counted as received
  'ticket.accepted': (d) => ({ region: d.location.region, counters: ['received', 'accepted'] }),
  'ticket.rejected': (d) => ({ region: d.region, counters: ['received', 'rejected'] }),
  'ticket.assigned': (d) => ({ region: d.region, counters: ['assigned'] }),
  'ticket.unassignable': 'ignored',
  'technician.register': 'ignored',
  'technician.registered': 'ignored',
  'rota.set': 'ignored',
  'rota.updated': 'ignored',
  'absence.record': 'ignored',
  'absence.recorded': 'ignored',
  'assignment.accept': 'ignored',
  'assignment.contact': 'ignored',
  'assignment.arrive': 'ignored',
  'assignment.complete': 'ignored',
  'assignment.accepted': 'ignored',
  // The first response is counted from the SLA monitor's verdict (sla.clock-stopped), which knows whether it was on time.
  'assignment.contacted': 'ignored',
  'assignment.arrived': 'ignored',
  'assignment.completed': (d) => ({ region: d.region, counters: ['completed'] }),
  'command.rejected': 'ignored',
  'notification.requested': 'ignored',
  'sla.clock-started': 'ignored',
  'sla.clock-paused': 'ignored',
  'sla.clock-resumed': 'ignored',
  'sla-policy.define': 'ignored',
  'sla.clock-reattached': 'ignored',
  'sla-policy.versioned': 'ignored',
  'sla.warning': (d) => ({ region: d.region, counters: ['warned'] }),
  'sla.breached': (d) => ({ region: d.region, counters: ['breached'] }),
  'sla.clock-stopped': (d) => ({
    region: d.region,
    counters: d.metric === 'first-response' ? [d.met ? 'firstResponseOnTime' : 'firstResponseLate'] : [],
  }),
  'survey.scheduled': 'ignored',
  'survey.answer': 'ignored',
  'survey.submit-answers': 'ignored',
  'survey.sms-reply': 'ignored',
  'survey.completed': (d) => ({ region: d.region, counters: d.verdict === 'satisfied' ? ['surveyed', 'satisfied'] : ['surveyed'] }),
  // The unsatisfied loop (issue 7): kpi.updated v1 has no reopening or escalation counter, and its
  // schema is public, so these wait for a KPI contract that adds them. A reopened ticket's new
  // assignment, completion and survey are counted by the rules above.
  'survey.unsatisfied': 'ignored',
  // Issue 7: callback figures (ratio, reachability) wait for a KPI contract that carries them.
  'survey.unreachable': 'ignored',
  'callback.queued': 'ignored',
  'callback.claimed': 'ignored',
  'callback.no-answer': 'ignored',
  'callback.claim': 'ignored',
  'callback.record-outcome': 'ignored',
  'callback.closed': 'ignored',
  'ticket.reopened': 'ignored',
  'ticket.escalated-to-management': 'ignored',
  // Issue 4: kpi.updated v1 has no counter for these and its schema is public: repeat faults by
  // tier, interception, holds and withdrawals are counted for the KPI record v2 (kpi-counters-v2.ts,
  // scoring.kpis.v2, ADR 0014).
  'ticket.repeat-fault-detected': 'ignored',
  'ticket.dispatch-requested': 'ignored',
  'ticket.held': 'ignored',
  'ticket.resolved': 'ignored',
  'areas.import': 'ignored',
  'cells.import': 'ignored',
  'areas.imported': 'ignored',
  'cells.imported': 'ignored',
  'incident.opened': 'ignored',
  'incident.joined': 'ignored',
  'incident.resolve': 'ignored',
  'incident.resolved': 'ignored',
  'ticket.answered-by-known-issue': 'ignored',
  'assignment.withdrawn': 'ignored',
  'known-issue.open': 'ignored',
  'known-issue.close': 'ignored',
  'known-issue.opened': 'ignored',
  'known-issue.closed': 'ignored',
  'ticket.triaged': 'ignored',
  // Remote pre-handling commands (resolved remotely counts through ticket.resolved) and callers' amendments.
  'remote-support.resolve': 'ignored',
  'remote-support.release': 'ignored',
  'ticket.updated': 'ignored',
  'ticket.amended': 'ignored',
  'kpi.updated': 'ignored',
  'kpi.daily-updated': 'ignored',
};

/** The event types that move a v1 counter (kpi-counters-v2.ts adds those that move only v2's). */
export const V1_COUNTED_EVENT_TYPES = (Object.keys(KpiCountRules) as EventType[]).filter((t) => KpiCountRules[t] !== 'ignored');

/** UTC calendar day of an RFC 3339 timestamp (`2026-11-24T07:30:00+08:00` → `2026-11-23`). */
export function kpiDayOf(time: string): string {
  const ms = Date.parse(time);
  if (Number.isNaN(ms)) throw new Error(`not a timestamp: ${time}`);
  return new Date(ms).toISOString().slice(0, 10);
}

/** A region usable as a KPI key (the contract's region code), else `unknown`. */
export function kpiRegion(region: string | undefined): string {
  return region !== undefined && regionCode.safeParse(region).success ? region : UNKNOWN_REGION;
}

/** The counters an event moves, or undefined when it moves none. */
export function kpiIncrementFor<T extends EventType>(event: { type: T; time: string; data: EventData<T> }): KpiIncrement | undefined {
  const rule = KpiCountRules[event.type] as CountRule<T> | 'ignored';
  if (rule === 'ignored') return undefined;
  const { region, counters } = rule(event.data);
  if (counters.length === 0) return undefined;
  return { region: kpiRegion(region), date: kpiDayOf(event.time), counters };
}

export function zeroCounters(): KpiCounters {
  return Object.fromEntries(KPI_COUNTERS.map((c) => [c, 0])) as KpiCounters;
}
