import type { z } from 'zod';
import { Topics, type Topic } from './topics';
import * as E from './events';

export interface EventDefinition<S extends z.ZodType = z.ZodType> {
  readonly topic: Topic;
  readonly schemaVersion: number;
  readonly schema: S;
  readonly example: z.infer<S>;
  readonly description: string;
}

/**
 * Every event type the platform knows, with its topic, schema and example. The map is exhaustive
 * over `EventType`, so a new event cannot be added without its schema and example.
 */
export const EventRegistry = {
  [E.TICKET_RECEIVED]: {
    topic: Topics.TicketsInbound,
    schemaVersion: 1,
    schema: E.ticketReceivedSchema,
    example: E.ticketReceivedExample,
    description: 'A call-centre system raises a ticket (ingress; keyed by externalId).',
  },
  [E.TICKET_ACCEPTED]: {
    topic: Topics.TicketsLifecycle,
    schemaVersion: 1,
    schema: E.ticketAcceptedSchema,
    example: E.ticketAcceptedExample,
    description: 'Intake validated, deduplicated and persisted a ticket.',
  },
  [E.TICKET_REJECTED]: {
    topic: Topics.TicketsLifecycle,
    schemaVersion: 1,
    schema: E.ticketRejectedSchema,
    example: E.ticketRejectedExample,
    description: 'Intake could not accept an ingress event; one reason per offending field.',
  },
  [E.TECHNICIAN_REGISTER]: {
    topic: Topics.DispatchCommands,
    schemaVersion: 1,
    schema: E.technicianRegisterSchema,
    example: E.technicianRegisterExample,
    description: 'Command: register or update a technician.',
  },
  [E.ASSIGNMENT_ACCEPT]: {
    topic: Topics.DispatchCommands,
    schemaVersion: 1,
    schema: E.assignmentCommandSchema,
    example: E.assignmentCommandExample,
    description: 'Command: the technician accepts the assignment.',
  },
  [E.ASSIGNMENT_CONTACT]: {
    topic: Topics.DispatchCommands,
    schemaVersion: 1,
    schema: E.assignmentCommandSchema,
    example: E.assignmentCommandExample,
    description: 'Command: the technician has contacted the customer (first response).',
  },
  [E.ASSIGNMENT_ARRIVE]: {
    topic: Topics.DispatchCommands,
    schemaVersion: 1,
    schema: E.assignmentCommandSchema,
    example: E.assignmentCommandExample,
    description: 'Command: the technician is on site.',
  },
  [E.ASSIGNMENT_COMPLETE]: {
    topic: Topics.DispatchCommands,
    schemaVersion: 1,
    schema: E.assignmentCommandSchema,
    example: { ...E.assignmentCommandExample, resolutionCode: 'fixed' },
    description: 'Command: the technician completed the work, with a resolution code.',
  },
  [E.TECHNICIAN_REGISTERED]: {
    topic: Topics.DispatchAssignments,
    schemaVersion: 1,
    schema: E.technicianRegisteredSchema,
    example: E.technicianRegisteredExample,
    description: 'Dispatch registered or updated a technician.',
  },
  [E.TICKET_ASSIGNED]: {
    topic: Topics.DispatchAssignments,
    schemaVersion: 1,
    schema: E.ticketAssignedSchema,
    example: E.ticketAssignedExample,
    description: 'Dispatch assigned a ticket to a technician, with the reason.',
  },
  [E.TICKET_UNASSIGNABLE]: {
    topic: Topics.DispatchAssignments,
    schemaVersion: 1,
    schema: E.ticketUnassignableSchema,
    example: E.ticketUnassignableExample,
    description: 'Dispatch found no technician for a ticket.',
  },
  [E.ASSIGNMENT_ACCEPTED]: {
    topic: Topics.DispatchAssignments,
    schemaVersion: 1,
    schema: E.assignmentProgressedSchema,
    example: E.assignmentProgressedExample,
    description: 'The technician accepted the assignment.',
  },
  [E.ASSIGNMENT_CONTACTED]: {
    topic: Topics.DispatchAssignments,
    schemaVersion: 1,
    schema: E.assignmentProgressedSchema,
    example: E.assignmentProgressedExample,
    description: 'The technician contacted the customer: the first response.',
  },
  [E.ASSIGNMENT_ARRIVED]: {
    topic: Topics.DispatchAssignments,
    schemaVersion: 1,
    schema: E.assignmentProgressedSchema,
    example: E.assignmentProgressedExample,
    description: 'The technician arrived on site.',
  },
  [E.ASSIGNMENT_COMPLETED]: {
    topic: Topics.DispatchAssignments,
    schemaVersion: 1,
    schema: E.assignmentProgressedSchema,
    example: { ...E.assignmentProgressedExample, resolutionCode: 'fixed' },
    description: 'The technician completed the work.',
  },
  [E.COMMAND_REJECTED]: {
    topic: Topics.DispatchAssignments,
    schemaVersion: 1,
    schema: E.commandRejectedSchema,
    example: E.commandRejectedExample,
    description: 'A command was refused, with a stable code.',
  },
  [E.NOTIFICATION_REQUESTED]: {
    topic: Topics.NotificationsOutbound,
    schemaVersion: 1,
    schema: E.notificationRequestedSchema,
    example: E.notificationRequestedExample,
    description: 'A customer notification for the channel adapters.',
  },
  [E.SLA_CLOCK_STARTED]: {
    topic: Topics.SlaAlerts,
    schemaVersion: 1,
    schema: E.slaClockStartedSchema,
    example: E.slaClockStartedExample,
    description: 'An SLA clock started.',
  },
  [E.SLA_WARNING]: {
    topic: Topics.SlaAlerts,
    schemaVersion: 1,
    schema: E.slaAlertSchema,
    example: E.slaAlertExample,
    description: '80 % of an SLA target has elapsed.',
  },
  [E.SLA_BREACHED]: {
    topic: Topics.SlaAlerts,
    schemaVersion: 1,
    schema: E.slaAlertSchema,
    example: E.slaAlertExample,
    description: 'An SLA target was missed.',
  },
  [E.SLA_CLOCK_STOPPED]: {
    topic: Topics.SlaAlerts,
    schemaVersion: 1,
    schema: E.slaClockStoppedSchema,
    example: E.slaClockStoppedExample,
    description: 'An SLA clock stopped; met or not.',
  },
  [E.SLA_CLOCK_PAUSED]: {
    topic: Topics.SlaAlerts,
    schemaVersion: 1,
    schema: E.slaClockPausedSchema,
    example: E.slaClockPausedExample,
    description: 'An SLA clock paused (a ticket held for an outage or an incident): no warning or breach until it resumes.',
  },
  [E.SLA_CLOCK_RESUMED]: {
    topic: Topics.SlaAlerts,
    schemaVersion: 1,
    schema: E.slaClockResumedSchema,
    example: E.slaClockResumedExample,
    description: 'A paused SLA clock counts again, its warning and due times shifted by the pause.',
  },
  [E.SURVEY_SCHEDULED]: {
    topic: Topics.CallbackSurveys,
    schemaVersion: 1,
    schema: E.surveyScheduledSchema,
    example: E.surveyScheduledExample,
    description: 'A callback survey was scheduled after completion.',
  },
  [E.SURVEY_ANSWER]: {
    topic: Topics.CallbackCommands,
    schemaVersion: 1,
    schema: E.surveyAnswerSchema,
    example: E.surveyAnswerExample,
    description: 'Command: the answers of the customer to a survey.',
  },
  [E.SURVEY_COMPLETED]: {
    topic: Topics.CallbackSurveys,
    schemaVersion: 1,
    schema: E.surveyCompletedSchema,
    example: E.surveyCompletedExample,
    description: 'A survey was answered, with its verdict.',
  },
  [E.SURVEY_UNSATISFIED]: {
    topic: Topics.CallbackSurveys,
    schemaVersion: 1,
    schema: E.surveyUnsatisfiedSchema,
    example: E.surveyUnsatisfiedExample,
    description: 'An unsatisfied survey within the callback attempt limit: the ticket is to be handled again.',
  },
  [E.TICKET_ESCALATED_TO_MANAGEMENT]: {
    topic: Topics.CallbackSurveys,
    schemaVersion: 1,
    schema: E.ticketEscalatedToManagementSchema,
    example: E.ticketEscalatedToManagementExample,
    description: 'The customer is still unsatisfied at the callback attempt limit: management takes the ticket over.',
  },
  [E.TICKET_REOPENED]: {
    topic: Topics.TicketsLifecycle,
    schemaVersion: 1,
    schema: E.ticketReopenedSchema,
    example: E.ticketReopenedExample,
    description: 'Intake reopened a ticket after an unsatisfied callback (same ticket, same owner, raised priority).',
  },
  [E.TICKET_REPEAT_FAULT_DETECTED]: {
    topic: Topics.TicketsLifecycle,
    schemaVersion: 1,
    schema: E.ticketRepeatFaultDetectedSchema,
    example: E.ticketRepeatFaultDetectedExample,
    description: 'Intake found a repeat fault: the same customer line and service reported again within the window after a completed repair (escalation for SLA monitoring and scoring).',
  },
  [E.TICKET_TRIAGED]: {
    topic: Topics.TicketsLifecycle,
    schemaVersion: 1,
    schema: E.ticketTriagedSchema,
    example: E.ticketTriagedExample,
    description: 'Intake sorted a new ticket: class (general / important), priority 0–100 and the reasons.',
  },
  [E.TICKET_DISPATCH_REQUESTED]: {
    topic: Topics.TicketsLifecycle,
    schemaVersion: 1,
    schema: E.ticketDispatchRequestedSchema,
    example: E.ticketDispatchRequestedExample,
    description: 'Intake hands a ticket to dispatch (nothing intercepted it, or remote support released it); dispatch places only these.',
  },
  [E.TICKET_HELD]: {
    topic: Topics.TicketsLifecycle,
    schemaVersion: 1,
    schema: E.ticketHeldSchema,
    example: E.ticketHeldExample,
    description: 'Intake holds a ticket away from dispatch: under a known outage, a mass-complaint incident, or in remote pre-handling.',
  },
  [E.TICKET_RESOLVED]: {
    topic: Topics.TicketsLifecycle,
    schemaVersion: 1,
    schema: E.ticketResolvedSchema,
    example: E.ticketResolvedExample,
    description: 'Intake closed a ticket without a technician: answered by a known issue, closed with it or with an incident, or resolved remotely.',
  },
  [E.TICKET_ANSWERED_BY_KNOWN_ISSUE]: {
    topic: Topics.TicketsLifecycle,
    schemaVersion: 1,
    schema: E.ticketAnsweredByKnownIssueSchema,
    example: E.ticketAnsweredByKnownIssueExample,
    description: 'A ticket inside an active known issue was answered at once with its explanation (archived, or held until the fix).',
  },
  [E.ASSIGNMENT_WITHDRAWN]: {
    topic: Topics.DispatchAssignments,
    schemaVersion: 1,
    schema: E.assignmentWithdrawnSchema,
    example: E.assignmentWithdrawnExample,
    description: 'Dispatch took an assignment back because its ticket was held or resolved before the technician arrived.',
  },
  [E.KNOWN_ISSUE_OPEN]: {
    topic: Topics.IntakeCommands,
    schemaVersion: 1,
    schema: E.knownIssueOpenSchema,
    example: E.knownIssueOpenExample,
    description: 'Command: open a known issue (outage, maintenance, weak coverage) whose area and services intake answers tickets for.',
  },
  [E.KNOWN_ISSUE_CLOSE]: {
    topic: Topics.IntakeCommands,
    schemaVersion: 1,
    schema: E.knownIssueCloseSchema,
    example: E.knownIssueCloseExample,
    description: 'Command: close a known issue; the tickets held until its fix are resolved and their customers notified.',
  },
  [E.KNOWN_ISSUE_OPENED]: {
    topic: Topics.TicketsLifecycle,
    schemaVersion: 1,
    schema: E.knownIssueOpenedSchema,
    example: E.knownIssueOpenedExample,
    description: 'Intake registered a known issue and swept the tickets already open inside it (with the count).',
  },
  [E.KNOWN_ISSUE_CLOSED]: {
    topic: Topics.TicketsLifecycle,
    schemaVersion: 1,
    schema: E.knownIssueClosedSchema,
    example: E.knownIssueClosedExample,
    description: 'Intake closed a known issue and resolved the tickets it held (with the count).',
  },
  [E.REMOTE_SUPPORT_RESOLVE]: {
    topic: Topics.IntakeCommands,
    schemaVersion: 1,
    schema: E.remoteSupportResolveSchema,
    example: E.remoteSupportResolveExample,
    description: 'Command: a remote support agent resolved a held ticket without a site visit (resolution code and what the customer is told).',
  },
  [E.REMOTE_SUPPORT_RELEASE]: {
    topic: Topics.IntakeCommands,
    schemaVersion: 1,
    schema: E.remoteSupportReleaseSchema,
    example: E.remoteSupportReleaseExample,
    description: 'Command: a remote support agent releases a held ticket to dispatch.',
  },
  [E.TICKET_UPDATED]: {
    topic: Topics.TicketsInbound,
    schemaVersion: 1,
    schema: E.ticketUpdatedSchema,
    example: E.ticketUpdatedExample,
    description: 'A call-centre system amends a ticket it raised (ingress; keyed by externalId). Parked by intake until the ticket arrives if it comes first.',
  },
  [E.TICKET_AMENDED]: {
    topic: Topics.TicketsLifecycle,
    schemaVersion: 1,
    schema: E.ticketAmendedSchema,
    example: E.ticketAmendedExample,
    description: 'Intake applied a caller\'s update to a ticket: the fields that changed and the note (`parked` when the update arrived before the ticket).',
  },
  [E.AREAS_IMPORT]: {
    topic: Topics.IntakeCommands,
    schemaVersion: 1,
    schema: E.areasImportSchema,
    example: E.areasImportExample,
    description: 'Command: load or update regions, counties and zones (a chunk of ≤ 1,000 rows of the operator\'s CSV).',
  },
  [E.CELLS_IMPORT]: {
    topic: Topics.IntakeCommands,
    schemaVersion: 1,
    schema: E.cellsImportSchema,
    example: E.cellsImportExample,
    description: 'Command: load or update radio cells with their position and neighbours (a chunk of ≤ 1,000 rows).',
  },
  [E.AREAS_IMPORTED]: {
    topic: Topics.TicketsLifecycle,
    schemaVersion: 1,
    schema: E.areasImportedSchema,
    example: E.areasImportedExample,
    description: 'Intake loaded a chunk of geography; tickets in unknown regions, counties or zones are rejected from now on.',
  },
  [E.CELLS_IMPORTED]: {
    topic: Topics.TicketsLifecycle,
    schemaVersion: 1,
    schema: E.cellsImportedSchema,
    example: E.cellsImportedExample,
    description: 'Intake loaded a chunk of radio cells; tickets naming an unknown cell are rejected from now on.',
  },
  [E.INCIDENT_OPENED]: {
    topic: Topics.TicketsLifecycle,
    schemaVersion: 1,
    schema: E.incidentOpenedSchema,
    example: E.incidentOpenedExample,
    description: 'Intake opened a mass-complaint incident: more than 5 complaints of one category within 3 adjacent cells in a rolling hour.',
  },
  [E.INCIDENT_JOINED]: {
    topic: Topics.TicketsLifecycle,
    schemaVersion: 1,
    schema: E.incidentJoinedSchema,
    example: E.incidentJoinedExample,
    description: 'A later matching complaint joined an open incident as a child.',
  },
  [E.INCIDENT_RESOLVE]: {
    topic: Topics.IntakeCommands,
    schemaVersion: 1,
    schema: E.incidentResolveSchema,
    example: E.incidentResolveExample,
    description: 'Command: resolve an open incident with the reply its customers are told.',
  },
  [E.INCIDENT_RESOLVED]: {
    topic: Topics.TicketsLifecycle,
    schemaVersion: 1,
    schema: E.incidentResolvedSchema,
    example: E.incidentResolvedExample,
    description: 'An incident was resolved; every child is resolved with its reply and its customer notified.',
  },
  [E.KPI_UPDATED]: {
    topic: Topics.ScoringKpis,
    schemaVersion: 1,
    schema: E.kpiUpdatedSchema,
    example: E.kpiUpdatedExample,
    description: 'Per-region, per-day KPI counters for BI.',
  },
  [E.KPI_DAILY_UPDATED]: {
    topic: Topics.ScoringKpisV2,
    schemaVersion: 1,
    schema: E.kpiDailyUpdatedSchema,
    example: E.kpiDailyUpdatedExample,
    description: 'The KPI record v2 (ADR 0014): the v1 counters plus interception, holds, withdrawals and the repeat-report rate by tier.',
  },
} as const satisfies Record<string, EventDefinition>;

export type EventType = keyof typeof EventRegistry;
export type EventData<T extends EventType> = z.infer<(typeof EventRegistry)[T]['schema']>;

export const EVENT_TYPES = Object.keys(EventRegistry) as EventType[];

export function isEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(EventRegistry, type);
}
