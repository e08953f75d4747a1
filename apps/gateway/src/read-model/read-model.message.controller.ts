import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { DecodedEvent } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { OnEvent } from '@switchboard/platform';
import { StreamHub } from '../stream/stream.hub';
import { APPOINTMENT_APPROVAL_EVENT_TYPES } from '../approvals/approvals.projection';
import { INTERCEPTION_EVENT_TYPES } from './interception.projection';
import { project } from './read-model.projection';

/** Keeps the read model behind the API and the live stream up to date with every platform event. */
@Controller()
export class ReadModelMessageController {
  constructor(private readonly hub: StreamHub) {}

  @OnEvent(
    'ticket.accepted',
    'ticket.rejected',
    'technician.registered',
    'ticket.assigned',
    'ticket.unassignable',
    'assignment.accepted',
    'assignment.contacted',
    'assignment.arrived',
    'assignment.completed',
    'command.rejected',
    'notification.requested',
    'sla.clock-started',
    'sla.warning',
    'sla.breached',
    'sla.clock-stopped',
    'survey.scheduled',
    'survey.completed',
    'survey.unsatisfied',
    'survey.unreachable',
    'callback.queued',
    'callback.claimed',
    'callback.no-answer',
    'ticket.escalated-to-management',
    'ticket.reopened',
    'ticket.repeat-fault-detected',
    'ticket.triaged',
    'ticket.dispatch-requested',
    'ticket.held',
    'ticket.resolved',
    'ticket.answered-by-known-issue',
    'known-issue.opened',
    'known-issue.closed',
    'ticket.amended',
    'kpi.updated',
    ...INTERCEPTION_EVENT_TYPES,
    ...APPOINTMENT_APPROVAL_EVENT_TYPES,
    // Reference data and incidents (incidents.projection.ts).
    'areas.imported',
    'cells.imported',
    'incident.opened',
    'incident.joined',
    'incident.resolved',
    // Departments (ADR 0030): their steps join the ticket's timeline; the queues are departments/, their own controller.
    'complaint.received-by-department',
    'complaint.transferred',
    'complaint.replied',
  )
  async apply(@Payload() event: DecodedEvent, @Ctx() ctx: HandlerContext): Promise<void> {
    await project(ctx.manager, event);
    const region = (event.data as { region?: unknown; location?: { region?: unknown } }).region ?? (event.data as { location?: { region?: unknown } }).location?.region;
    ctx.afterCommit(() => this.hub.publish({ envelope: event, region: typeof region === 'string' ? region : undefined }));
  }
}
