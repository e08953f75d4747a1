import { Inject, Injectable } from '@nestjs/common';
import { makeEvent, type EventData, type EventType, type Envelope } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { kpiIncrementFor } from '../domain/kpi-counters';
import { KpiDailyRepository } from '../persistence/kpi-daily.repository';

export const SCORING_SOURCE = 'switchboard/scoring';

/**
 * Counts a platform event into its region's daily KPI row and publishes the row's counters as
 * `kpi.updated`, in the consumer's transaction (the inbox applies each event once). Only the
 * region, the day and the counters are kept: nothing of the customer.
 */
@Injectable()
export class CountKpisHandler {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly kpis: KpiDailyRepository,
  ) {}

  async handle<T extends EventType>(event: Envelope<T, EventData<T>>, ctx: HandlerContext): Promise<void> {
    const increment = kpiIncrementFor(event);
    if (!increment) return;
    const now = this.clock.now();
    const counters = await this.kpis.increment(ctx.manager, increment, now);
    await ctx.emit({
      envelope: makeEvent(
        'kpi.updated',
        { scope: 'region', region: increment.region, granularity: 'day', date: increment.date, counters, updatedAt: now.toISOString() },
        {
          source: SCORING_SOURCE,
          subject: `${increment.region}|${increment.date}`,
          time: now,
          correlationId: event.correlationId ?? event.id,
          causationId: event.id,
        },
      ),
    });
  }
}
