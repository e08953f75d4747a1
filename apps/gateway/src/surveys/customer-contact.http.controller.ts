import { Body, Controller, HttpCode, Inject, Param, Post, Put, Req } from '@nestjs/common';
import { uuidV5 } from '@switchboard/contracts';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { callerOf, type AuthenticatedRequest } from '../auth/api-key.guard';
import { CommandSender } from '../commands/command-sender';
import { ApiRoutes } from '../http/api-routes';
import { parseOr422 } from '../http/validation';
import { isUniqueViolation } from './sms-inbound.http.controller';

/** Names the command ids of inbound email: one per (calling system, provider message id). */
const EMAIL_NAMESPACE = '8c4f7d21-3b6a-4e59-9d0e-1a2b3c4d5e6f';

/**
 * Email surveys and the customer's own time zone (issue 7): `PUT /v1/customers/{id}/contact-preferences`
 * → `customer.set-contact-preferences`, and the mail provider's inbound webhook
 * `POST /v1/webhooks/email/inbound` → `survey.email-reply` (one command per provider message id).
 */
@Controller()
export class CustomerContactHttpController {
  constructor(
    private readonly commands: CommandSender,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Put('v1/customers/:id/contact-preferences')
  @HttpCode(202)
  async setPreferences(@Param('id') id: string, @Body() body: unknown, @Req() request: AuthenticatedRequest) {
    const route = ApiRoutes.setCustomerContactPreferences;
    const customerId = parseOr422(route.params.shape.id, id, 'customer id');
    const preferences = parseOr422(route.body, body ?? {});
    const [commandId] = await this.commands.send(callerOf(request).source, [
      { type: 'customer.set-contact-preferences', subject: customerId, data: { customerId, ...preferences, at: this.clock.now().toISOString() } },
    ]);
    return { commandId, customerId, status: 'sent' as const };
  }

  @Post('v1/webhooks/email/inbound')
  @HttpCode(202)
  async inbound(@Body() body: unknown, @Req() request: AuthenticatedRequest) {
    const reply = parseOr422(ApiRoutes.receiveEmailReply.body, body);
    const source = callerOf(request).source;
    const id = uuidV5(`${source}\u0000${reply.messageId}`, EMAIL_NAMESPACE);
    try {
      await this.commands.send(source, [{ type: 'survey.email-reply', subject: reply.messageId, data: reply, id }]);
    } catch (e) {
      // Delivered again while the first is still in the outbox: already taken.
      if (!isUniqueViolation(e)) throw e;
    }
    return { commandId: id, messageId: reply.messageId, status: 'sent' as const };
  }
}
