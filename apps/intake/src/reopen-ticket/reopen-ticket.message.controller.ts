import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { Envelope, SurveyUnsatisfied } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { OnEvent } from '@switchboard/platform';
import { ReopenTicketHandler } from './reopen-ticket.handler';

/** `survey.unsatisfied` on `callback.surveys.v1`: the customer wants the ticket handled again. */
@Controller()
export class ReopenTicketMessageController {
  constructor(private readonly handler: ReopenTicketHandler) {}

  @OnEvent('survey.unsatisfied')
  async onUnsatisfied(@Payload() event: Envelope<'survey.unsatisfied', SurveyUnsatisfied>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.handler.execute(event, ctx);
  }
}
