import { Controller, Inject } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { Envelope, EventData } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { LOGGER, OnEvent } from '@switchboard/platform';
import type { Logger } from 'pino';
import { closeMonth } from './month-closer';
import { SCORECARDS_CONFIG, type ScorecardsConfig } from './scorecards.config';

/**
 * `scorecards.close-month` (scoring.commands.v1): closes the month in the consumer's transaction —
 * the cards new or changed since their last revision go to `scoring.scorecards.v1` through the
 * outbox. The command's time is the close instant (`computedAt`): a replay of the topic closes
 * the same way and publishes the same records.
 */
@Controller()
export class CloseMonthMessageController {
  constructor(
    @Inject(SCORECARDS_CONFIG) private readonly config: ScorecardsConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @OnEvent('scorecards.close-month')
  async onCloseMonth(@Payload() e: Envelope<'scorecards.close-month', EventData<'scorecards.close-month'>>, @Ctx() ctx: HandlerContext): Promise<void> {
    const result = await closeMonth(ctx.manager, this.config.builder, this.config.settings, e.data.month, new Date(e.time));
    await ctx.emit(...result.envelopes.map((envelope) => ({ envelope: { ...envelope, correlationId: e.correlationId ?? e.id, causationId: e.id } })));
    this.logger.info({ month: result.month, subjects: result.subjects, published: result.published.length, requestedBy: e.data.requestedBy, ...result.timings }, 'scorecards month closed');
  }
}
