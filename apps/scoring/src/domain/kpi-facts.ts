import type { EventData, EventType, KpiName } from '@switchboard/contracts';
import { NOT_COUNTED } from './not-counted';

/**
 * What one platform event counts toward the KPI windows (ADR 0025, docs/bi-kpis.md): a list of
 * facts, each adding to one KPI's numerator and/or denominator. A ratio's two parts may come from
 * different events (reopen-rate: reopenings over completions), so every window can be re-added.
 * Count KPIs only have a numerator.
 */
export interface KpiFact {
  kpi: KpiName;
  numerator: number;
  denominator: number;
}

/** The facts of an event, the ticket they belong to and the technician the event itself names. */
export interface KpiFactsOfEvent {
  ticketId: string;
  region: string;
  /** Set when the event names the technician who did the work; otherwise the ticket's technician (from ticket.assigned) is used. */
  technicianId?: string;
  facts: KpiFact[];
}

/** Count KPIs (value null); the others are ratios. */
export const COUNT_KPIS: ReadonlySet<KpiName> = new Set<KpiName>(['tickets-accepted', 'sla-warnings', 'sla-breaches', 'escalations']);

/** A survey answer (1–5) of 4 or 5 counts as satisfied with that question. */
export const SATISFIED_ANSWER_MIN = 4;

const num = (kpi: KpiName, hit: boolean | number = 1): KpiFact => ({ kpi, numerator: Number(hit), denominator: 0 });
const ratio = (kpi: KpiName, hit: boolean): KpiFact => ({ kpi, numerator: hit ? 1 : 0, denominator: 1 });
const den = (kpi: KpiName): KpiFact => ({ kpi, numerator: 0, denominator: 1 });

type FactRule<T extends EventType> = (d: EventData<T>) => KpiFactsOfEvent | undefined;

/**
 * Exhaustive over event types: a new event type must be decided here (counted or ignored).
 * Facts that need other events (the ticket's county/service/tier, its technician and crew) are
 * completed when those arrive; see kpi-windows/.
 */
export const KpiFactRules: { [T in EventType]: FactRule<T> | 'ignored' } = {
  // Commands, other workflows' facts and scoring's own records (not-counted.ts): decided once for every KPI map.
  ...NOT_COUNTED,
  'ticket.accepted': (d) => ({ ticketId: d.ticketId, region: d.location.region, facts: [num('tickets-accepted'), den('interception-rate')] }),
  'sla.clock-stopped': (d) => ({ ticketId: d.ticketId, region: d.region, facts: [ratio(d.metric === 'first-response' ? 'first-response-on-time' : 'resolution-on-time', d.met)] }),
  'sla.warning': (d) => ({ ticketId: d.ticketId, region: d.region, facts: [num('sla-warnings')] }),
  'sla.breached': (d) => ({ ticketId: d.ticketId, region: d.region, facts: [num('sla-breaches')] }),
  'survey.completed': (d) => ({
    ticketId: d.ticketId,
    region: d.region,
    facts: [
      ratio('satisfaction', d.verdict === 'satisfied'),
      ratio('contact-timeliness', d.answers.contactTimeliness >= SATISFIED_ANSWER_MIN),
      ratio('appointment-keeping', d.answers.appointmentKeeping >= SATISFIED_ANSWER_MIN),
      ratio('technical-level', d.answers.technicalLevel >= SATISFIED_ANSWER_MIN),
      ratio('service-attitude', d.answers.serviceAttitude >= SATISFIED_ANSWER_MIN),
    ],
  }),
  'callback.closed': (d) => ({ ticketId: d.ticketId, region: d.region, facts: [ratio('callback-ratio', d.status === 'answered')] }),
  'assignment.completed': (d) => ({ ticketId: d.ticketId, region: d.region, technicianId: d.technicianId, facts: [den('reopen-rate'), den('repeat-report-rate')] }),
  'ticket.reopened': (d) => ({ ticketId: d.ticketId, region: d.region, facts: [num('reopen-rate')] }),
  'ticket.repeat-fault-detected': (d) => ({ ticketId: d.ticketId, region: d.region, facts: [num('repeat-report-rate')] }),
  'ticket.resolved': (d) => (d.intercepted ? { ticketId: d.ticketId, region: d.region, facts: [num('interception-rate')] } : undefined),
  'ticket.escalated-to-management': (d) => ({ ticketId: d.ticketId, region: d.region, facts: [num('escalations')] }),
  // Facts about tickets and technicians (the scopes), not counted themselves: kpi-windows/ keeps them.
  'ticket.assigned': 'ignored',
  'technician.registered': 'ignored',
  'ticket.received': 'ignored',
  'ticket.rejected': 'ignored', // never a ticket: no scope beyond the region (kpi.updated v1 counts rejections)
  'ticket.unassignable': 'ignored',
  'technician.register': 'ignored',
  'rota.set': 'ignored',
  'rota.updated': 'ignored',
  'absence.record': 'ignored',
  'absence.recorded': 'ignored',
  'assignment.accept': 'ignored',
  'assignment.contact': 'ignored',
  'assignment.arrive': 'ignored',
  'assignment.complete': 'ignored',
  'assignment.accepted': 'ignored',
  'assignment.contacted': 'ignored', // first response on time is the SLA monitor's verdict (sla.clock-stopped)
  'assignment.arrived': 'ignored',
  'command.rejected': 'ignored',
  'notification.requested': 'ignored',
  'sla.clock-started': 'ignored',
  'sla.clock-paused': 'ignored',
  'sla.clock-resumed': 'ignored',
  'sla-policy.define': 'ignored',
  'sla.clock-reattached': 'ignored',
  'sla-policy.versioned': 'ignored',
  'survey.scheduled': 'ignored',
  'survey.answer': 'ignored',
  'survey.submit-answers': 'ignored',
  'survey.sms-reply': 'ignored',
  'survey.unsatisfied': 'ignored', // its reopening is counted (ticket.reopened)
  'survey.unreachable': 'ignored', // counted as an unanswered callback by its callback.closed
  'callback.queued': 'ignored',
  'callback.claimed': 'ignored',
  'callback.no-answer': 'ignored',
  'callback.claim': 'ignored',
  'callback.record-outcome': 'ignored',
  'ticket.dispatch-requested': 'ignored',
  'ticket.held': 'ignored',
  'ticket.answered-by-known-issue': 'ignored', // its ticket.resolved (intercepted) counts it
  'assignment.withdrawn': 'ignored',
  'known-issue.open': 'ignored',
  'known-issue.close': 'ignored',
  'known-issue.opened': 'ignored',
  'known-issue.closed': 'ignored',
  'ticket.triaged': 'ignored',
  'remote-support.resolve': 'ignored',
  'remote-support.release': 'ignored',
  'ticket.updated': 'ignored',
  'ticket.amended': 'ignored',
  'areas.import': 'ignored',
  'cells.import': 'ignored',
  'areas.imported': 'ignored',
  'cells.imported': 'ignored',
  'incident.opened': 'ignored',
  'incident.joined': 'ignored',
  'incident.resolve': 'ignored',
  'incident.resolved': 'ignored',
  'kpi.updated': 'ignored',
  'kpi.daily-updated': 'ignored',
};

export function kpiFactsOf<T extends EventType>(event: { type: T; data: EventData<T> }): KpiFactsOfEvent | undefined {
  const rule = KpiFactRules[event.type] as FactRule<T> | 'ignored';
  if (rule === 'ignored') return undefined;
  const out = rule(event.data);
  return out && out.facts.length > 0 ? out : undefined;
}

/** Events that tell scoring about a ticket's or a technician's scopes. */
export const KPI_DIMENSION_EVENT_TYPES = ['ticket.accepted', 'ticket.reopened', 'ticket.assigned', 'technician.registered'] as const satisfies readonly EventType[];

/** Every event type the KPI windows consume. */
export const KPI_WINDOW_EVENT_TYPES: readonly EventType[] = [
  ...new Set([...(Object.keys(KpiFactRules) as EventType[]).filter((t) => KpiFactRules[t] !== 'ignored'), ...KPI_DIMENSION_EVENT_TYPES]),
];

/** numerator / denominator to 4 decimals; null for a count KPI or without a denominator. */
export function kpiValue(kpi: KpiName, numerator: number, denominator: number): number | null {
  if (COUNT_KPIS.has(kpi) || denominator <= 0) return null;
  return Math.round((numerator / denominator) * 10_000) / 10_000;
}
