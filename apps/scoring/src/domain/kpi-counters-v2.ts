import type { customerTiers, EventData, EventType, KpiDailyUpdated, ticketKinds } from '@switchboard/contracts';
import { KPI_COUNTERS, kpiDayOf, kpiRegion, V1_COUNTED_EVENT_TYPES, type KpiCounter, type KpiCounters } from './kpi-counters';
import { NOT_COUNTED } from './not-counted';

/**
 * The KPI record v2 (scoring.kpis.v2, ADR 0014): every v1 counter (kpi-counters.ts, still
 * published as v1) plus these — intake's interception and holds, dispatch's withdrawals, and the
 * repeat faults and completed repairs by customer tier behind the repeat-report rate.
 */
export const KPI_V2_EXTRA_COUNTERS = [
  'intercepted',
  'answeredByKnownIssue',
  'resolvedRemotely',
  'resolvedWithoutTechnician',
  'heldKnownIssue',
  'heldIncident',
  'heldRemoteSupport',
  'withdrawn',
  'repeatFaultsVip',
  'repeatFaultsStandard',
  'completedRepairsVip',
  'completedRepairsStandard',
] as const;

export type KpiV2ExtraCounter = (typeof KPI_V2_EXTRA_COUNTERS)[number];
/** Every counter a `kpi_daily` row holds: v1's and v2's. */
export type AnyKpiCounter = KpiCounter | KpiV2ExtraCounter;
export type AllKpiCounters = Record<AnyKpiCounter, number>;
export const ALL_KPI_COUNTERS: readonly AnyKpiCounter[] = [...KPI_COUNTERS, ...KPI_V2_EXTRA_COUNTERS];

export type CustomerTier = (typeof customerTiers)[number];
export type TicketKind = (typeof ticketKinds)[number];

/** What scoring keeps of a ticket from its `ticket.accepted` (nothing that names the customer). */
export interface TicketFacts {
  tier: CustomerTier;
  kind: TicketKind;
}

const REPEAT_FAULTS: Record<CustomerTier, KpiV2ExtraCounter> = { vip: 'repeatFaultsVip', standard: 'repeatFaultsStandard' };
const COMPLETED_REPAIRS: Record<CustomerTier, KpiV2ExtraCounter> = { vip: 'completedRepairsVip', standard: 'completedRepairsStandard' };
const HELD: Record<EventData<'ticket.held'>['reason'], KpiV2ExtraCounter> = { 'known-issue': 'heldKnownIssue', incident: 'heldIncident', 'remote-support': 'heldRemoteSupport' };

/** A completed repair of a ticket whose tier and kind scoring knows (a completed install or move counts nothing here). */
export function completedRepairCounters(facts: TicketFacts): readonly KpiV2ExtraCounter[] {
  return facts.kind === 'repair' ? [COMPLETED_REPAIRS[facts.tier]] : [];
}

type V2Rule<T extends EventType> = (data: EventData<T>) => { region: string | undefined; counters: readonly KpiV2ExtraCounter[] } | 'needs-ticket-facts';

/**
 * How each platform event moves the v2-only counters (the v1 ones move by kpi-counters.ts).
 * Exhaustive over every event type. `needs-ticket-facts`: the counter depends on the ticket's tier
 * and kind, known from its `ticket.accepted` (completedRepairCounters).
 */
export const KpiV2CountRules: { [T in EventType]: V2Rule<T> | 'ignored' } = {
  // Commands, other workflows' facts and scoring's own records (not-counted.ts): decided once for every KPI map.
  ...NOT_COUNTED,
  'ticket.received': 'ignored',
  'ticket.accepted': 'ignored',
  'ticket.rejected': 'ignored',
  'ticket.assigned': 'ignored',
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
  'assignment.contacted': 'ignored',
  'assignment.arrived': 'ignored',
  'assignment.completed': () => 'needs-ticket-facts',
  'command.rejected': 'ignored',
  'notification.requested': 'ignored',
  'sla.clock-started': 'ignored',
  'sla.clock-paused': 'ignored',
  'sla.clock-resumed': 'ignored',
  'sla-policy.define': 'ignored',
  'sla.clock-reattached': 'ignored',
  'sla-policy.versioned': 'ignored',
  'sla.warning': 'ignored',
  'sla.breached': 'ignored',
  'sla.clock-stopped': 'ignored',
  'survey.scheduled': 'ignored',
  'survey.answer': 'ignored',
  'survey.submit-answers': 'ignored',
  'survey.sms-reply': 'ignored',
  'survey.completed': 'ignored',
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
  'ticket.repeat-fault-detected': (d) => ({ region: d.region, counters: [REPEAT_FAULTS[d.customerTier]] }),
  'ticket.triaged': 'ignored',
  // A request is no outcome: the ticket is counted when assigned (v1) or intercepted.
  'ticket.dispatch-requested': 'ignored',
  'ticket.held': (d) => ({ region: d.region, counters: [HELD[d.reason]] }),
  'ticket.resolved': (d) => ({
    region: d.region,
    counters: [
      'resolvedWithoutTechnician',
      ...(d.intercepted ? (['intercepted'] as const) : []),
      ...(d.resolution === 'resolved-remotely' ? (['resolvedRemotely'] as const) : []),
    ],
  }),
  'ticket.answered-by-known-issue': (d) => ({ region: d.region, counters: ['answeredByKnownIssue'] }),
  'assignment.withdrawn': (d) => ({ region: d.region, counters: ['withdrawn'] }),
  'kpi.updated': 'ignored',
  'kpi.daily-updated': 'ignored',
  // Known issues, remote support commands and amendments: their effect on tickets is counted from
  // ticket.answered-by-known-issue / ticket.held / ticket.resolved.
  'known-issue.open': 'ignored',
  'known-issue.close': 'ignored',
  'known-issue.opened': 'ignored',
  'known-issue.closed': 'ignored',
  'remote-support.resolve': 'ignored',
  'remote-support.release': 'ignored',
  'ticket.updated': 'ignored',
  'ticket.amended': 'ignored',
  // Reference data and incidents: the children's holds and resolutions are counted from ticket.held / ticket.resolved.
  'areas.import': 'ignored',
  'cells.import': 'ignored',
  'areas.imported': 'ignored',
  'cells.imported': 'ignored',
  'incident.opened': 'ignored',
  'incident.joined': 'ignored',
  'incident.resolve': 'ignored',
  'incident.resolved': 'ignored',
  // Scoring's own KPI windows (ADR 0025).
};

export interface KpiV2Increment {
  region: string;
  date: string;
  counters: readonly KpiV2ExtraCounter[];
}

/**
 * The v2-only counters an event moves: undefined when none, `needs-ticket-facts` when they depend
 * on a ticket scoring does not know yet (the caller keeps the event until its `ticket.accepted`).
 */
export function kpiV2IncrementFor<T extends EventType>(event: { type: T; time: string; data: EventData<T> }, facts?: TicketFacts): KpiV2Increment | 'needs-ticket-facts' | undefined {
  const rule = KpiV2CountRules[event.type] as V2Rule<T> | 'ignored';
  if (rule === 'ignored') return undefined;
  const verdict = rule(event.data);
  const date = kpiDayOf(event.time);
  if (verdict === 'needs-ticket-facts') {
    if (!facts) return 'needs-ticket-facts';
    const counters = completedRepairCounters(facts);
    const region = (event.data as { region?: string }).region;
    return counters.length > 0 ? { region: kpiRegion(region), date, counters } : undefined;
  }
  return verdict.counters.length > 0 ? { region: kpiRegion(verdict.region), date, counters: verdict.counters } : undefined;
}

/** The event types that move a v2-only counter. */
export const V2_COUNTED_EVENT_TYPES = (Object.keys(KpiV2CountRules) as EventType[]).filter((t) => KpiV2CountRules[t] !== 'ignored');

/** part / whole, 4 decimals; null when there is no whole. */
export function ratio(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.min(1, Math.round((part / whole) * 10_000) / 10_000);
}

/** The v1 counters of a row (what `kpi.updated` v1 carries). */
export function v1Counters(row: AllKpiCounters): KpiCounters {
  return Object.fromEntries(KPI_COUNTERS.map((c) => [c, row[c]])) as KpiCounters;
}

/** The v2 record's body for a row: counters, repeat faults by tier with the repeat-report rate, the interception rate. */
export function kpiDailyRecord(row: AllKpiCounters): Pick<KpiDailyUpdated, 'counters' | 'byTier' | 'interceptionRate'> {
  const tier = (t: CustomerTier) => {
    const repeatFaults = row[REPEAT_FAULTS[t]];
    const completedRepairs = row[COMPLETED_REPAIRS[t]];
    return { repeatFaults, completedRepairs, repeatReportRate: ratio(repeatFaults, completedRepairs) };
  };
  return {
    counters: {
      ...v1Counters(row),
      intercepted: row.intercepted,
      answeredByKnownIssue: row.answeredByKnownIssue,
      resolvedRemotely: row.resolvedRemotely,
      resolvedWithoutTechnician: row.resolvedWithoutTechnician,
      heldKnownIssue: row.heldKnownIssue,
      heldIncident: row.heldIncident,
      heldRemoteSupport: row.heldRemoteSupport,
      withdrawn: row.withdrawn,
    },
    byTier: { vip: tier('vip'), standard: tier('standard') },
    interceptionRate: ratio(row.intercepted, row.accepted),
  };
}

/** The event types scoring's message controller must listen to: those that move a v1 or a v2 counter. */
export const COUNTED_EVENT_TYPES: readonly EventType[] = [...new Set([...V1_COUNTED_EVENT_TYPES, ...V2_COUNTED_EVENT_TYPES])];
