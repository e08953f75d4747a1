import { Inject, Injectable } from '@nestjs/common';
import { kpiNames, makeEvent, type Envelope, type EventData, type EventType, type KpiWarning, type KpiWindowUpdated } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { kpiFactsOf, kpiValue } from '../domain/kpi-facts';
import { windowsOf } from '../domain/kpi-periods';
import { placeFact, type TechnicianScopes } from '../domain/kpi-scopes';
import { isOffTarget, warningTransition } from '../domain/kpi-warnings';
import { KPI_WINDOWS_CONFIG, type KpiWindowsConfig } from './kpi-windows.config';
import { KpiWindowsRepository, windowKeyOf, type FactRow, type ValueDelta, type ValueRow, type WindowKey } from './kpi-windows.repository';

export const KPI_WINDOWS_SOURCE = 'switchboard/scoring';

const KPI_ORDER = new Map(kpiNames.map((k, i) => [k, i]));

/**
 * KPI windows by scope and period (issue 8, ADR 0025), in the consumer's transaction (the inbox
 * applies each event once). An event's facts (domain/kpi-facts.ts) are stored and added to every
 * scope they can reach now (domain/kpi-scopes.ts); a ticket's or technician's facts arriving later
 * (another topic) add the waiting facts to the scopes they open. Each window that changed is
 * republished whole (`kpi.window-updated`), and a KPI crossing its threshold raises `kpi.warning`
 * once per crossing.
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

    const deltas = new Map<string, ValueDelta>();
    const placed = all.map((fact) => {
      const p = placeFact(fact, tickets.get(fact.ticketId), crewOf);
      for (const scope of p.scopes) {
        for (const span of windowsOf(fact.at, this.config.timeZone)) {
          const key = `${windowKeyOf({ region: fact.region, ...scope, period: span.period, start: span.start })}|${fact.kpi}`;
          const d = deltas.get(key) ?? { region: fact.region, ...scope, period: span.period, start: span.start, end: span.end, kpi: fact.kpi, numerator: 0, denominator: 0 };
          d.numerator += fact.numerator;
          d.denominator += fact.denominator;
          deltas.set(key, d);
        }
      }
      return { ...fact, technicianId: p.technicianId, applied: p.applied, complete: p.complete };
    });
    await this.repo.insertFacts(m, placed.slice(waiting.length));
    await this.repo.updateFacts(m, placed.slice(0, waiting.length));

    const changed = await this.repo.addToWindows(m, [...deltas.values()]);
    if (changed.length === 0) return;
    const windows = new Map<string, WindowKey & { end: string }>();
    for (const r of changed) windows.set(windowKeyOf(r), { region: r.region, scopeType: r.scopeType, scopeId: r.scopeId, period: r.period, start: r.start, end: r.end });
    const revisions = await this.repo.bumpRevisions(m, [...windows.values()]);

    // Warnings: once per crossing of each changed KPI.
    const raise: ValueRow[] = [];
    const clear: ValueRow[] = [];
    for (const r of changed) {
      const threshold = this.config.thresholds[r.kpi];
      if (!threshold) continue;
      const t = warningTransition(r.warned, isOffTarget(r.kpi, r.scopeType, r.numerator, r.denominator, threshold));
      if (t === 'raise') raise.push(r);
      if (t === 'clear') clear.push(r);
    }
    await this.repo.setWarned(m, raise, true);
    await this.repo.setWarned(m, clear, false);

    const values = await this.repo.windowValues(m, [...windows.values()]);
    const byWindow = new Map<string, ValueRow[]>();
    for (const v of values) byWindow.set(windowKeyOf(v), [...(byWindow.get(windowKeyOf(v)) ?? []), v]);

    const meta = (subject: string) => ({ source: KPI_WINDOWS_SOURCE, subject, time: now, correlationId: event.correlationId ?? event.id, causationId: event.id });
    const keys = [...windows.keys()].sort();
    const records = keys.map((key) => {
      const w = windows.get(key)!;
      const rows = (byWindow.get(key) ?? []).sort((a, b) => KPI_ORDER.get(a.kpi)! - KPI_ORDER.get(b.kpi)!);
      const data: KpiWindowUpdated = {
        region: w.region,
        scopeType: w.scopeType,
        scopeId: w.scopeId,
        period: w.period,
        windowStart: w.start,
        windowEnd: w.end,
        timeZone: this.config.timeZone,
        kpis: rows.map((r) => ({ kpi: r.kpi, numerator: r.numerator, denominator: r.denominator, value: kpiValue(r.kpi, r.numerator, r.denominator) })),
        revision: revisions.get(key)!,
      };
      return { envelope: makeEvent('kpi.window-updated', data, meta(key)) };
    });
    const warnings = raise
      .sort((a, b) => `${windowKeyOf(a)}|${a.kpi}`.localeCompare(`${windowKeyOf(b)}|${b.kpi}`))
      .map((r) => {
        const t = this.config.thresholds[r.kpi]!;
        const data: KpiWarning = {
          region: r.region,
          scopeType: r.scopeType,
          scopeId: r.scopeId,
          period: r.period,
          windowStart: r.start,
          windowEnd: r.end,
          kpi: r.kpi,
          value: kpiValue(r.kpi, r.numerator, r.denominator) ?? r.numerator,
          numerator: r.numerator,
          denominator: r.denominator,
          direction: t.direction,
          threshold: t.byScope?.[r.scopeType] ?? t.threshold,
          revision: revisions.get(windowKeyOf(r))!,
        };
        return { envelope: makeEvent('kpi.warning', data, meta(windowKeyOf(r))) };
      });
    await ctx.emit(...records, ...warnings);
  }
}
