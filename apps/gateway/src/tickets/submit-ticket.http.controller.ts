import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ticketIdFor, Topics } from '@switchboard/contracts';
import { callerOf, regionNotAllowed, type AuthenticatedRequest } from '../auth/api-key.guard';
import { mayTouchRegion } from '../auth/roles';
import { CommandSender } from '../commands/command-sender';
import { ApiRoutes } from '../http/api-routes';
import { parseOr422 } from '../http/validation';

interface LocationSetter {
  setHeader(name: string, value: string): void;
}

/**
 * `POST /v1/tickets`: validated like the Kafka ingress, then published to `tickets.inbound.v1`
 * exactly as a Kafka-speaking call centre would. The ticket id follows from (source, externalId),
 * so the answer carries it at once and a resubmission gets the same one.
 */
@Controller('v1/tickets')
export class SubmitTicketHttpController {
  constructor(private readonly commands: CommandSender) {}

  @Post()
  @HttpCode(202)
  async submit(@Body() body: unknown, @Req() request: AuthenticatedRequest, @Res({ passthrough: true }) response: LocationSetter) {
    const ticket = parseOr422(ApiRoutes.submitTicket.body, body);
    const caller = callerOf(request);
    if (!mayTouchRegion(caller, ticket.location.region)) throw regionNotAllowed(ticket.location.region);
    const { source } = caller;
    const ticketId = ticketIdFor(source, ticket.externalId);
    await this.commands.send(source, [{ type: 'ticket.received', data: ticket, subject: ticket.externalId, key: ticket.externalId }]);
    response.setHeader('Location', `/v1/tickets/${ticketId}`);
    return { ticketId, externalId: ticket.externalId, source, status: 'received', topic: Topics.TicketsInbound };
  }
}
