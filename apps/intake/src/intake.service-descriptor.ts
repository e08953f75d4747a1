import { Topics } from '@switchboard/contracts';
import type { ServiceDescriptor } from '@switchboard/platform';
import { intakeMigrations } from './persistence/migrations';
import { RejectInvalidTicketHandler } from './reject-ticket/reject-invalid-ticket.handler';

/** Takes every ticket in: validates, deduplicates, records the first-contact owner, emits the lifecycle. */
export const intakeService: ServiceDescriptor = {
  name: 'intake',
  schema: 'intake',
  defaultPort: 8081,
  usesRedis: false,
  // callback.surveys.v1: `survey.unsatisfied` reopens a ticket (the unsatisfied loop).
  // dispatch.assignments.v1: `assignment.completed` records the completion repeat faults are measured from.
  // intake.commands.v1: known issues, cells, incidents and remote pre-handling, from the gateway.
  consumes: [Topics.TicketsInbound, Topics.DispatchAssignments, Topics.CallbackSurveys, Topics.IntakeCommands],
  // Invalid ingress: `ticket.rejected` to the sender, then the platform's DLQ.
  invalidMessages: RejectInvalidTicketHandler,
  entities: [],
  migrations: intakeMigrations,
};
