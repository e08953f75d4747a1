import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { uuidV5 } from '@switchboard/contracts';
import { callerOf, type AuthenticatedRequest } from '../auth/api-key.guard';
import { CommandSender } from '../commands/command-sender';
import { ApiRoutes } from '../http/api-routes';
import { parseOr422 } from '../http/validation';

const route = ApiRoutes.receiveSmsReply;
/** Names the command ids of inbound SMS: one per (calling system, provider message id). */
const SMS_NAMESPACE = '5d0b8a3e-9c1f-4e27-b6a4-2f8e0c7d9a15';

export const isUniqueViolation = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && ((e as { code?: unknown }).code === '23505' || (e as { driverError?: { code?: unknown } }).driverError?.code === '23505');

/**
 * `POST /v1/webhooks/sms/inbound`: the SMS provider's inbound webhook (issue 7). Each message
 * becomes `survey.sms-reply` for callback, whose id follows from the provider's `messageId`, so a
 * message the provider delivers twice is one command (the second answer is the first's).
 */
@Controller('v1/webhooks/sms')
export class SmsInboundHttpController {
  constructor(private readonly commands: CommandSender) {}

  @Post('inbound')
  @HttpCode(202)
  async inbound(@Body() body: unknown, @Req() request: AuthenticatedRequest) {
    const reply = parseOr422(route.body, body);
    const source = callerOf(request).source;
    const id = uuidV5(`${source}\u0000${reply.messageId}`, SMS_NAMESPACE);
    try {
      await this.commands.send(source, [{ type: 'survey.sms-reply', subject: reply.messageId, data: reply, id }]);
    } catch (e) {
      // Delivered again while the first is still in the outbox: already taken.
      if (!isUniqueViolation(e)) throw e;
    }
    return { commandId: id, messageId: reply.messageId, status: 'sent' as const };
  }
}
