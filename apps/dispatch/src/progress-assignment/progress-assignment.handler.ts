import { Inject, Injectable } from '@nestjs/common';
import { makeEvent, type AssignmentCommand, type Envelope } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { DISPATCH_SOURCE, TicketDispatcher } from '../assign-ticket/ticket-dispatcher';
import { AssignmentLifecycle, type AssignmentAction } from '../domain/assignment-lifecycle';
import { DispatchStore } from '../persistence/dispatch-store';

export type AssignmentCommandType = 'assignment.accept' | 'assignment.contact' | 'assignment.arrive' | 'assignment.complete';

export const ACTION_OF: Record<AssignmentCommandType, AssignmentAction> = {
  'assignment.accept': 'accept',
  'assignment.contact': 'contact',
  'assignment.arrive': 'arrive',
  'assignment.complete': 'complete',
};

/**
 * A technician's step on an assignment (accept, contact, arrive, complete): the
 * AssignmentLifecycle decides; a valid step is recorded and announced, a repeat changes nothing,
 * a refused one is answered with `command.rejected` and its stable code. A completion frees the
 * technician's capacity, so the region's waiting tickets are tried again.
 */
@Injectable()
export class ProgressAssignmentHandler {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly dispatcher: TicketDispatcher,
  ) {}

  async execute(command: Envelope<AssignmentCommandType, AssignmentCommand>, ctx: HandlerContext): Promise<void> {
    const c = command.data;
    const now = this.clock.now();
    const assignment = await DispatchStore.assignmentForUpdate(ctx.manager, c.assignmentId);
    const decision = AssignmentLifecycle.decide(assignment, {
      action: ACTION_OF[command.type],
      ...(c.technicianId !== undefined ? { technicianId: c.technicianId } : {}),
      ...(c.resolutionCode !== undefined ? { resolutionCode: c.resolutionCode } : {}),
    });
    const meta = {
      source: DISPATCH_SOURCE,
      subject: assignment?.ticketId ?? c.assignmentId,
      time: now,
      correlationId: command.correlationId ?? command.id,
      causationId: command.id,
    };

    switch (decision.kind) {
      case 'repeat':
        return;
      case 'refused':
        await ctx.emit({
          envelope: makeEvent(
            'command.rejected',
            {
              commandId: command.id,
              commandType: command.type,
              code: decision.code,
              message: decision.message,
              ...(assignment ? { ticketId: assignment.ticketId } : {}),
            },
            meta,
          ),
        });
        return;
      case 'transition': {
        const a = assignment!;
        const completing = decision.to === 'completed';
        await DispatchStore.progressAssignment(ctx.manager, a.assignmentId, decision.to, c.at, completing ? c.resolutionCode : undefined, now);
        await ctx.emit({
          envelope: makeEvent(
            decision.event,
            {
              ticketId: a.ticketId,
              assignmentId: a.assignmentId,
              technicianId: a.technicianId,
              region: a.region,
              at: c.at,
              ...(completing && c.resolutionCode !== undefined ? { resolutionCode: c.resolutionCode } : {}),
              ...(c.note !== undefined ? { note: c.note } : {}),
            },
            meta,
          ),
        });
        if (completing) {
          await DispatchStore.completeTicket(ctx.manager, a.ticketId, now);
          await DispatchStore.lockRegion(ctx.manager, a.region);
          await this.dispatcher.retryWaiting(ctx, a.region, command);
        }
        return;
      }
    }
  }
}
