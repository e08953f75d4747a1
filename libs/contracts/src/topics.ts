/**
 * The public topic table (../shared/docs/architecture.md, "The outside contract").
 * A topic name carries its version: a breaking change adds `.v2` beside `.v1`, never edits it.
 */
export const Topics = {
  TicketsInbound: 'tickets.inbound.v1',
  TicketsLifecycle: 'tickets.lifecycle.v1',
  DispatchAssignments: 'dispatch.assignments.v1',
  SlaAlerts: 'sla.alerts.v1',
  CallbackSurveys: 'callback.surveys.v1',
  NotificationsOutbound: 'notifications.outbound.v1',
  ScoringKpis: 'scoring.kpis.v1',
  ScoringScorecards: 'scoring.scorecards.v1',
  /** The KPI record v2 beside v1 (ADR 0014): v1 stays as it is and is still published. */
  ScoringKpisV2: 'scoring.kpis.v2',
  /** KPI windows by scope and period, and KPI warnings (ADR 0025). */
  ScoringKpisV3: 'scoring.kpis.v3',
  /** Commands from the gateway to the service that owns the aggregate (added beside the original table). */
  DispatchCommands: 'dispatch.commands.v1',
  CallbackCommands: 'callback.commands.v1',
  IntakeCommands: 'intake.commands.v1',
  /** Commands from the gateway to the SLA monitor: SLA policy versions (issue 6, ADR 0022). */
  SlaCommands: 'sla.commands.v1',
  /** Commands from the gateway to scoring: complaint findings and month closes (issue 8, ADR 0026). */
  ScoringCommands: 'scoring.commands.v1',
} as const;

export type Topic = (typeof Topics)[keyof typeof Topics];

export const ALL_TOPICS: readonly Topic[] = Object.values(Topics);

/** Every topic has a dead-letter twin that keeps the original bytes and the reason. */
export function dlqOf(topic: string): string {
  return `${topic}.dlq`;
}

/** Kafka headers used on every message (W3C trace context plus correlation). */
export const Headers = {
  EventType: 'event-type',
  TraceParent: 'traceparent',
  CorrelationId: 'correlation-id',
  CausationId: 'causation-id',
  DlqReason: 'dlq-reason',
  DlqSourceTopic: 'dlq-source-topic',
  DlqSourcePartition: 'dlq-source-partition',
  DlqSourceOffset: 'dlq-source-offset',
  DlqConsumer: 'dlq-consumer',
} as const;
