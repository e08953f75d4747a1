import { Inject, Injectable } from '@nestjs/common';
import type { Envelope, EventData, EventType } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { kpiFactsOf } from '../domain/kpi-facts';
import { windowsOf } from '../domain/kpi-periods';
import { placeFact, type TechnicianScopes } from '../domain/kpi-scopes';
import { KPI_WINDOWS_CONFIG, type KpiWindowsConfig } from './kpi-windows.config';
import { KpiWindowsRepository, windowKeyOf, type FactRow, type ValueDelta } from './kpi-windows.repository';

/**
 * KPI windows by scope and period (issue 8, ADR 0025), in the consumer's transaction (the inbox
 * applies each event once). An event's facts (domain/kpi-facts.ts) are stored and added to every
 * scope they can reach now (domain/kpi-scopes.ts); a ticket's or technician's facts arriving later
 * (another topic) add the waiting facts to the scopes they open. What each window gains is appended
 * to `kpi_window_deltas`; KpiWindowPublisher adds it to the windows and republishes them.
 */
@Injectable()
export class KpiWindowsHandler {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(KPI_WINDOWS_CONFIG) private readonly config: KpiWindowsConfig,
    private readonly repo: KpiWindowsRepository,
  ) {}

  async handle<T extends EventType>(event: Envelope<T, EventData<T>>, ctx: HandlerContext): Promise<void> {
    const m = ctx.manager;
    const now = this.clock.now();
    let waiting: FactRow[] = [];

    // What the event tells about scopes: facts that waited for it are placed below.
    if (event.type === 'ticket.accepted' || event.type === 'ticket.reopened') {
      const d = event.data as EventData<'ticket.accepted'>;
      if (await this.repo.recordTicket(m, d.ticketId, { county: d.location.county ?? null, service: d.service, tier: d.customerTier, kind: d.kind }, now)) {
        waiting = await this.repo.openFacts(m, { ticketId: d.ticketId });
      }
    } else if (event.type === 'ticket.assigned') {
      const d = event.data as EventData<'ticket.assigned'>;
      if (await this.repo.recordTicketTechnician(m, d.ticketId, d.technicianId, now)) waiting = await this.repo.openFacts(m, { ticketId: d.ticketId });
    } else if (event.type === 'technician.registered') {
      const d = event.data as EventData<'technician.registered'>;
      await this.repo.recordTechnician(m, d.technicianId, { group: d.group, employer: d.employer }, now);
      waiting = await this.repo.openFacts(m, { technicianId: d.technicianId });
    }

    const counted = kpiFactsOf(event);
    const fresh: FactRow[] = (counted?.facts ?? []).map((f) => ({
      eventId: event.id,
      kpi: f.kpi,
      ticketId: counted!.ticketId,
      technicianId: counted!.technicianId ?? null,
      region: counted!.region,
      at: new Date(event.time),
      numerator: f.numerator,
      denominator: f.denominator,
      applied: [],
    }));
    if (fresh.length === 0 && waiting.length === 0) return;

    const all = [...waiting, ...fresh];
    const tickets = await this.repo.ticketScopes(m, all.map((f) => f.ticketId));
    const technicianIds = all.map((f) => f.technicianId ?? tickets.get(f.ticketId)?.technicianId).filter((t): t is string => typeof t === 'string');
    const crews = await this.repo.technicianScopes(m, technicianIds);
    const crewOf = (id: string): TechnicianScopes | undefined => crews.get(id);

    const deltas = new Map<string, ValueDelta & { contributions: number }>();
    const placed = all.map((fact) => {
      const p = placeFact(fact, tickets.get(fact.ticketId), crewOf);
      for (const scope of p.scopes) {
        for (const span of windowsOf(fact.at, this.config.timeZone)) {
          const key = `${windowKeyOf({ region: fact.region, ...scope, period: span.period, start: span.start })}|${fact.kpi}`;
          const d = deltas.get(key) ?? { region: fact.region, ...scope, period: span.period, start: span.start, end: span.end, kpi: fact.kpi, numerator: 0, denominator: 0, contributions: 0 };
          d.numerator += fact.numerator;
          d.denominator += fact.denominator;
          d.contributions++;
          deltas.set(key, d);
        }
      }
      return { ...fact, technicianId: p.technicianId, applied: p.applied, complete: p.complete };
    });
    await this.repo.insertFacts(m, placed.slice(waiting.length));
    await this.repo.updateFacts(m, placed.slice(0, waiting.length));
    // Appended, not added to the windows here: the publisher (kpi-window-publisher.ts) adds them
    // in one writer, so concurrent partitions never contend for a window's row.
    await this.repo.appendDeltas(m, event.id, [...deltas.values()]);
  }
}
