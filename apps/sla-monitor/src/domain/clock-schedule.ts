/** The two alert levels of a clock: a time-out warning before the limit, and the breach (domain.md §4). */
export type AlertLevel = 'warning' | 'breached';

export const ALERT_LEVELS: readonly AlertLevel[] = ['warning', 'breached'];

export interface ClockTimes {
  startedAt: Date;
  warnAt: Date;
  dueAt: Date;
}

/** Default share of the target after which the handler is warned ("超时预警", domain.md §4). */
export const DEFAULT_WARNING_FRACTION = 0.8;

/** When a clock warns and falls due, and whether a stop met it. */
export class ClockSchedule {
  constructor(private readonly warningFraction = DEFAULT_WARNING_FRACTION) {
    if (!(warningFraction > 0 && warningFraction < 1)) {
      throw new RangeError(`the SLA warning fraction must be between 0 and 1 (exclusive), got ${warningFraction}`);
    }
  }

  plan(startedAt: Date, targetMs: number): ClockTimes {
    const start = startedAt.getTime();
    return {
      startedAt: new Date(start),
      warnAt: new Date(start + Math.round(targetMs * this.warningFraction)),
      dueAt: new Date(start + targetMs),
    };
  }

  /** The instant at which a level is raised. */
  static instantOf(level: AlertLevel, times: Pick<ClockTimes, 'warnAt' | 'dueAt'>): Date {
    return level === 'warning' ? times.warnAt : times.dueAt;
  }

  /** A clock is met when the fulfilling event happened no later than the due time. */
  static isMet(stoppedAt: Date, dueAt: Date): boolean {
    return stoppedAt.getTime() <= dueAt.getTime();
  }
}
