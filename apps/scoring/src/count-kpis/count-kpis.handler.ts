import { Inject, Injectable } from '@nestjs/common';
import { makeEvent, type EventData, type EventType, type Envelope, type KpiDailyUpdated } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { kpiDayOf, kpiIncrementFor, kpiRegion } from '../domain/kpi-counters';
import { completedRepairCounters, kpiDailyRecord, kpiV2IncrementFor, v1Counters, type AllKpiCounters, type AnyKpiCounter } from '../domain/kpi-counters-v2';
import { KpiDailyRepository } from '../persistence/kpi-daily.repository';

export const SCORING_SOURCE = 'switchboard/scoring';

/**
 * Counts a platform event into its region's daily KPI row and publishes the row, in the
 * consumer's transaction (the inbox applies each event once): as `kpi.updated` (v1,
 * scoring.kpis.v1) when a v1 counter moved, and as the KPI record v2 `kpi.daily-updated`
 * (scoring.kpis.v2, ADR 0014) whenever any counter moved. Only the region, the day, the counters
 * and each ticket's tier and kind are kept: nothing that names the customer.
 */
@Injectable()
export class CountKpisHandler {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly kpis: KpiDailyRepository,
  ) {}

  async handle<T extends EventType>(event: Envelope<T, EventData<T>>, ctx: HandlerContext): Promise<void> {
    const now = this.clock.now();
    const v1 = kpiIncrementFor(event);
    const ticketId = (event.data as { ticketId?: string }).ticketId;
    const facts = event.type === 'assignment.completed' && ticketId ? await this.kpis.ticketFacts(ctx.manager, ticketId) : undefined;
    let v2 = kpiV2IncrementFor(event, facts);
    if (v2 === 'needs-ticket-facts') {
      // Its acceptance has not arrived yet (another topic): counted then, nothing lost.
      const region = kpiRegion((event.data as { region?: string }).region);
      await this.kpis.pendCompletion(ctx.manager, { eventId: event.id, ticketId: ticketId!, region, date: kpiDayOf(event.time) }, now);
      v2 = undefined;
    }

    const counters: AnyKpiCounter[] = [...(v1?.counters ?? []), ...(v2?.counters ?? [])];
    const increment = v1 ?? v2;
    if (increment && counters.length > 0) {
      const row = await this.kpis.increment(ctx.manager, { region: increment.region, date: increment.date, counters }, now);
      await this.publish(ctx, event, increment.region, increment.date, row, v1 !== undefined, now);
    }

    if (event.type === 'ticket.accepted') {
      const d = event.data as EventData<'ticket.accepted'>;
      const known = { tier: d.customerTier, kind: d.kind };
      await this.kpis.recordTicket(ctx.manager, d.ticketId, known, now);
      for (const p of await this.kpis.takePendingCompletions(ctx.manager, d.ticketId)) {
        const late = completedRepairCounters(known);
        if (late.length === 0) continue;
        const row = await this.kpis.increment(ctx.manager, { region: p.region, date: p.date, counters: late }, now);
        await this.publish(ctx, event, p.region, p.date, row, false, now);
      }
    }
  }

  private async publish(ctx: HandlerContext, cause: Envelope, region: string, date: string, row: AllKpiCounters, withV1: boolean, now: Date): Promise<void> {
    const meta = { source: SCORING_SOURCE, subject: `${region}|${date}`, time: now, correlationId: cause.correlationId ?? cause.id, causationId: cause.id };
    const v2: KpiDailyUpdated = { scope: 'region', region, granularity: 'day', date, ...kpiDailyRecord(row), updatedAt: now.toISOString() };
    await ctx.emit(
      ...(withV1
        ? [{ envelope: makeEvent('kpi.updated', { scope: 'region', region, granularity: 'day', date, counters: v1Counters(row), updatedAt: now.toISOString() }, meta) }]
        : []),
      { envelope: makeEvent('kpi.daily-updated', v2, meta) },
    );
  }
}
