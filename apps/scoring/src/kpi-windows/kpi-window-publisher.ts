import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { kpiNames, makeEvent, type KpiWarning, type KpiWindowUpdated } from '@switchboard/contracts';
import { enqueueEvents, type OutgoingEvent } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { DATA_SOURCE, LOGGER, PolledWorker } from '@switchboard/platform';
import { kpiValue } from '../domain/kpi-facts';
import { isOffTarget, warningTransition } from '../domain/kpi-warnings';
import { KPI_WINDOWS_CONFIG, type KpiWindowsConfig } from './kpi-windows.config';
import { KpiWindowsRepository, windowKeyOf, type ValueDelta, type ValueRow, type WindowKey } from './kpi-windows.repository';

export const KPI_WINDOWS_SOURCE = 'switchboard/scoring';
/** Deltas taken per pass (a full batch runs the next pass at once). */
const BATCH = 20_000;
/** One publisher at a time across scoring's replicas. */
const LOCK_KEY = 'scoring.kpi-window-publisher';

const KPI_ORDER = new Map(kpiNames.map((k, i) => [k, i]));

/**
 * Adds the deltas the consumer appended (kpi-windows.handler.ts) to the windows, every
 * SCORING_KPI_PUBLISH_INTERVAL_MS, as the only writer of the windows (an advisory lock): each
 * window that changed is republished whole once per pass (`kpi.window-updated`, through the
 * outbox, in the same transaction), and each KPI that crossed its threshold raises `kpi.warning`
 * once. A window's revision counts the contributions it has taken, so the same events give the same
 * records whatever the passes and arrival order (ADR 0025).
 */
@Injectable()
export class KpiWindowPublisher extends PolledWorker {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(KPI_WINDOWS_CONFIG) private readonly config: KpiWindowsConfig,
    private readonly repo: KpiWindowsRepository,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    super('KPI window publisher', config.publishIntervalMs, logger);
  }

  pass(): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const [{ locked }] = await m.query<[{ locked: boolean }]>(`SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked`, [LOCK_KEY]);
      if (!locked) return false;
      return (await this.publishPending(m)) === BATCH;
    });
  }

  /** One pass in the caller's transaction; returns how many deltas it took. */
  async publishPending(m: EntityManager): Promise<number> {
    const started = performance.now();
    const taken = await this.repo.takeDeltas(m, BATCH);
    if (taken.length === 0) return 0;
    const now = this.clock.now();

    // Per window and KPI: the sums; per window: its contributions and the event that waited longest.
    const sums = new Map<string, ValueDelta>();
    const windows = new Map<string, WindowKey & { contributions: number; firstEventId: string }>();
    for (const d of taken) {
      const wk = windowKeyOf(d);
      const key = `${wk}|${d.kpi}`;
      const s = sums.get(key) ?? { region: d.region, scopeType: d.scopeType, scopeId: d.scopeId, period: d.period, start: d.start, end: d.end, kpi: d.kpi, numerator: 0, denominator: 0 };
      s.numerator += d.numerator;
      s.denominator += d.denominator;
      sums.set(key, s);
      const w = windows.get(wk) ?? { region: d.region, scopeType: d.scopeType, scopeId: d.scopeId, period: d.period, start: d.start, contributions: 0, firstEventId: d.eventId };
      w.contributions += d.contributions;
      windows.set(wk, w);
    }
    // In key order: the same lock order in every pass.
    const changed = await this.repo.addToWindows(m, [...sums.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, v]) => v));
    const keys = [...windows.keys()].sort();
    const revisions = await this.repo.bumpRevisions(m, keys.map((k) => windows.get(k)!));

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

    const values = await this.repo.windowValues(m, keys.map((k) => windows.get(k)!));
    const byWindow = new Map<string, ValueRow[]>();
    for (const v of values) byWindow.set(windowKeyOf(v), [...(byWindow.get(windowKeyOf(v)) ?? []), v]);
    const meta = (subject: string, cause: string) => ({ source: KPI_WINDOWS_SOURCE, subject, time: now, correlationId: cause, causationId: cause });

    const events: OutgoingEvent[] = keys.map((key) => {
      const w = windows.get(key)!;
      const rows = (byWindow.get(key) ?? []).sort((a, b) => KPI_ORDER.get(a.kpi)! - KPI_ORDER.get(b.kpi)!);
      const data: KpiWindowUpdated = {
        region: w.region,
        scopeType: w.scopeType,
        scopeId: w.scopeId,
        period: w.period,
        windowStart: w.start,
        windowEnd: rows[0]!.end,
        timeZone: this.config.timeZone,
        kpis: rows.map((r) => ({ kpi: r.kpi, numerator: r.numerator, denominator: r.denominator, value: kpiValue(r.kpi, r.numerator, r.denominator) })),
        revision: revisions.get(key)!,
      };
      return { envelope: makeEvent('kpi.window-updated', data, meta(key, w.firstEventId)) };
    });
    for (const r of raise.sort((a, b) => `${windowKeyOf(a)}|${a.kpi}`.localeCompare(`${windowKeyOf(b)}|${b.kpi}`))) {
      const t = this.config.thresholds[r.kpi]!;
      const key = windowKeyOf(r);
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
        revision: revisions.get(key)!,
      };
      events.push({ envelope: makeEvent('kpi.warning', data, meta(key, windows.get(key)!.firstEventId)) });
    }
    await enqueueEvents(m, events);
    this.logger.debug({ deltas: taken.length, windows: keys.length, warnings: raise.length, ms: Math.round(performance.now() - started) }, 'KPI windows published');
    return taken.length;
  }
}
