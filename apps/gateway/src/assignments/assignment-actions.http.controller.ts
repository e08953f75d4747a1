import { Body, Controller, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { DATA_SOURCE } from '@switchboard/platform';
import { callerOf, notYourAssignment, type AuthenticatedRequest } from '../auth/api-key.guard';
import { mayTouchAssignment, mayTouchRegion } from '../auth/roles';
import { CommandSender } from '../commands/command-sender';
import { actionRefusal, type AssignmentState } from '../domain/ticket-progress';
import { ApiRoutes } from '../http/api-routes';
import { conflict, notFound, parseOr422 } from '../http/validation';

const route = ApiRoutes.assignmentAction;

const COMMAND = { accept: 'assignment.accept', contact: 'assignment.contact', arrive: 'assignment.arrive', complete: 'assignment.complete' } as const;

/**
 * Technician actions: accept, contact the customer, arrive, complete (with a resolution code).
 * Dispatch owns the assignment and decides each transition (a refused one appears in the ticket's
 * timeline as `command.rejected`); the gateway answers 404/409/422 for what it can tell at once.
 */
@Controller('v1/assignments')
export class AssignmentActionsHttpController {
  constructor(
    private readonly commands: CommandSender,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':id/:action')
  @HttpCode(202)
  async act(@Param('id') id: string, @Param('action') action: string, @Body() body: unknown, @Req() request: AuthenticatedRequest) {
    const assignmentId = parseOr422(route.params.shape.id, id, 'assignment id');
    const verb = parseOr422(route.params.shape.action, action, 'action');
    const input = parseOr422(route.body, body ?? {});
    if (verb === 'complete' && !input.resolutionCode) {
      parseOr422(route.body.required({ resolutionCode: true }), input);
    }
    const [row] = (await this.dataSource.query(
      'SELECT a.ticket_id, a.state, a.technician_id, t.region FROM rm_assignments a LEFT JOIN rm_tickets t ON t.id = a.ticket_id WHERE a.assignment_id = $1',
      [assignmentId],
    )) as { ticket_id: string; state: AssignmentState; technician_id: string; region: string | null }[];
    // Another region's assignment is absent for a key scoped to regions.
    const caller = callerOf(request);
    if (!row || !mayTouchRegion(caller, row.region)) throw notFound('ASSIGNMENT.NOT_FOUND', `no assignment ${assignmentId}`);
    // A technician acts on their own assignments only (object-level authorization, ADR 0029).
    if (!mayTouchAssignment(caller, row.technician_id)) throw notYourAssignment(assignmentId);
    const refusal = actionRefusal(row.state);
    if (refusal) throw conflict('ASSIGNMENT.INVALID_TRANSITION', `cannot ${verb}: ${refusal}`);
    const [commandId] = await this.commands.send(callerOf(request).source, [
      { type: COMMAND[verb], subject: assignmentId, data: { assignmentId, ...input, at: this.clock.now().toISOString() } },
    ]);
    return { commandId, assignmentId, ticketId: row.ticket_id, action: verb, status: 'sent' };
  }
}
