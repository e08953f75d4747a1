import type { SlaClockStarted, TicketAccepted } from '@switchboard/contracts';

export type SlaMetric = SlaClockStarted['metric'];
export type TicketKind = TicketAccepted['kind'];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The promised time limits, in milliseconds of real time. */
export interface SlaTargetTable {
  /** The customer hears from someone within 30 minutes (domain.md §4, source 002). */
  firstResponseMs: number;
  /** Handled to the end: every complaint within 1 week (domain.md §4, source 000); the other kinds by default. */
  resolutionMs: Record<TicketKind, number>;
}

export const DEFAULT_SLA_TARGETS: SlaTargetTable = {
  firstResponseMs: 30 * MINUTE,
  resolutionMs: {
    complaint: 7 * 24 * HOUR,
    // On site within hours, at most 24 hours (domain.md §4, source 001): a repair is done within a day.
    repair: 24 * HOUR,
    install: 72 * HOUR,
    move: 72 * HOUR,
  },
};

/**
 * Which target applies to a ticket's clock. `timeScale` multiplies every target, so a demo or a
 * test can run a 30-minute clock in seconds (0.002 → 3.6 s).
 */
export class SlaTargets {
  constructor(
    private readonly table: SlaTargetTable = DEFAULT_SLA_TARGETS,
    private readonly timeScale = 1,
  ) {
    if (!(timeScale > 0)) throw new RangeError(`the SLA time scale must be positive, got ${timeScale}`);
    for (const [name, ms] of [['first response', table.firstResponseMs], ...Object.entries(table.resolutionMs)] as const) {
      if (!(ms > 0)) throw new RangeError(`the SLA target for ${name} must be positive, got ${ms}`);
    }
  }

  /** The target of one metric for a ticket of this kind, scaled, in whole milliseconds. */
  targetMs(metric: SlaMetric, kind: TicketKind): number {
    const base = metric === 'first-response' ? this.table.firstResponseMs : this.table.resolutionMs[kind];
    return Math.max(1, Math.round(base * this.timeScale));
  }
}
