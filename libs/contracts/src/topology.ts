import { Topics, type Topic } from './topics';

/** The platform's services (`ServiceDescriptor.name`) plus the outside parties that speak Kafka. */
export type Participant = 'gateway' | 'intake' | 'dispatch' | 'sla-monitor' | 'callback' | 'scoring' | 'call-centre systems' | 'channel adapters' | 'BI';

export interface TopicTopology {
  /** Who writes to the topic. */
  readonly producers: readonly Participant[];
  /**
   * Who reads it. For the six services this must equal their service descriptors' `consumes`
   * (`apps/<s>/src/<s>.service-descriptor.ts`); `topology.spec.ts` fails when the two differ.
   */
  readonly consumers: readonly Participant[];
  /** What the Kafka message key (the envelope's `subject`) is on this topic. */
  readonly key: string;
  readonly description: string;
}

/**
 * Who sends and who receives on each topic: the operations of the AsyncAPI document
 * (`asyncapi.ts`). Contracts cannot import the apps, so the consumers are written down here and
 * checked against the descriptors by a unit test; the producers follow docs/ARCHITECTURE.md.
 */
export const TOPOLOGY: Readonly<Record<Topic, TopicTopology>> = {
  [Topics.TicketsInbound]: {
    producers: ['call-centre systems', 'gateway'],
    consumers: ['intake'],
    key: 'the caller\'s `externalId` (the envelope subject)',
    description: 'Ticket ingress: call-centre systems produce here directly, the gateway on behalf of `POST /v1/tickets`.',
  },
  [Topics.TicketsLifecycle]: {
    producers: ['intake'],
    consumers: ['gateway', 'dispatch', 'sla-monitor', 'callback', 'scoring'],
    key: 'the ticket id (the caller\'s `externalId` for `ticket.rejected`)',
    description: 'What intake decided about each ticket, and its known issues.',
  },
  [Topics.DispatchAssignments]: {
    producers: ['dispatch'],
    consumers: ['gateway', 'intake', 'sla-monitor', 'callback', 'scoring'],
    key: 'the ticket id (the technician id for `technician.registered` and `absence.recorded`, the group for `rota.updated`, the load id for `build-plan.loaded`)',
    description: 'The roster, assignments and their progress, and refused commands.',
  },
  [Topics.SlaAlerts]: {
    producers: ['sla-monitor'],
    consumers: ['gateway', 'dispatch', 'scoring'],
    key: 'the ticket id (the policy id for `sla-policy.versioned` and the monitor\'s `command.rejected`)',
    description: 'SLA clocks: started, warned at 80 %, breached, stopped; and the SLA policy versions (ADR 0022).',
  },
  [Topics.CallbackSurveys]: {
    producers: ['callback'],
    consumers: ['gateway', 'intake', 'sla-monitor', 'scoring'],
    key: 'the ticket id',
    description: 'Callbacks after every resolution: SMS surveys, the phone work queue (queued, claimed, no-answer), answers, unreachable closes, the unsatisfied loop and the `callback.closed` facts.',
  },
  [Topics.NotificationsOutbound]: {
    producers: ['intake', 'dispatch', 'callback'],
    consumers: ['gateway', 'channel adapters'],
    key: 'the ticket id',
    description: 'Customer notifications (SMS, email) for the channel adapters.',
  },
  [Topics.ScoringKpis]: {
    producers: ['scoring'],
    consumers: ['gateway', 'BI'],
    key: '`<region>|<date>`',
    description: 'Per-region, per-day KPI counters.',
  },
  [Topics.ScoringKpisV2]: {
    producers: ['scoring'],
    consumers: ['BI'],
    key: '`<region>|<date>`',
    description: 'Per-region, per-day KPI record v2: the v1 counters plus interception, holds, withdrawals and repeat faults by tier (ADR 0014).',
  },
  [Topics.ScoringKpisV3]: {
    producers: ['scoring'],
    consumers: ['gateway', 'BI'],
    key: '`<region>|<scopeType>|<scopeId>|<period>|<windowStart>`',
    description: 'KPI windows by scope (region, county, service, tier, technician, group, contractor) and period (day, ISO week, month in the reporting time zone), and KPI warnings (ADR 0025).',
  },
  [Topics.ScoringScorecards]: {
    producers: ['scoring'],
    consumers: ['BI'],
    key: '`<kind>:<id>|<month>` (e.g. `technician:T-XH-01|2026-11`)',
    description: 'Monthly scorecards of technicians and contractors (`scorecard.published`, ADR 0026), re-published with the next revision when a later close corrects them.',
  },
  [Topics.DispatchCommands]: {
    producers: ['gateway'],
    consumers: ['dispatch'],
    key: 'the aggregate the command acts on (`technicianId`, `assignmentId`, or the group for `rota.set`)',
    description: 'Commands from the gateway to dispatch: the roster, technician actions, the rest rota and absences.',
  },
  [Topics.CallbackCommands]: {
    producers: ['gateway'],
    consumers: ['callback'],
    key: 'the survey id',
    description: 'Commands from the gateway to callback: survey answers, and the agents\' phone callback claims and outcomes.',
  },
  [Topics.IntakeCommands]: {
    producers: ['gateway'],
    consumers: ['intake'],
    key: 'the aggregate the command acts on (known issue, incident, cell batch or ticket id)',
    description: 'Commands from the gateway to intake: known issues, radio cells, incidents, remote pre-handling.',
  },
  [Topics.SlaCommands]: {
    producers: ['gateway'],
    consumers: ['sla-monitor'],
    key: 'the policy id',
    description: 'Commands from the gateway to the SLA monitor: SLA policy versions (ADR 0022).',
  },
  [Topics.ScoringCommands]: {
    producers: ['gateway'],
    consumers: ['scoring'],
    key: 'the finding id (`complaint.attribute`), the month (`scorecards.close-month`)',
    description: 'Commands from the gateway to scoring: complaint findings attributed to technicians and month closes (ADR 0026).',
  },
};

export const PLATFORM_SERVICES = ['gateway', 'intake', 'dispatch', 'sla-monitor', 'callback', 'scoring'] as const;

/** The topics a service consumes according to TOPOLOGY, in the order of `Topics`. */
export function topicsConsumedBy(service: Participant): Topic[] {
  return (Object.keys(TOPOLOGY) as Topic[]).filter((t) => TOPOLOGY[t].consumers.includes(service));
}
