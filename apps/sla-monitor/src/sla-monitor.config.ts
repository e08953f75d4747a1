import type { Provider } from '@nestjs/common';
import { z } from 'zod';
import { parseEnv } from '@switchboard/platform';
import { parseQuietHours, type QuietHours } from './domain/alert-ladder';
import { ClockSchedule, DEFAULT_WARNING_FRACTION } from './domain/clock-schedule';
import { DEFAULT_SLA_TARGETS, SlaTargets, type SlaTargetTable } from './domain/sla-targets';

const MIN = 60_000;
const HOUR = 60 * MIN;
const positive = (defaultValue: number) => z.coerce.number().positive().default(defaultValue);
const intervalMs = (defaultValue: number) => z.coerce.number().int().min(10).default(defaultValue);

function validQuietHours(text: string): boolean {
  try {
    parseQuietHours(text);
    return true;
  } catch {
    return false;
  }
}

/** The SLA monitor's own settings; the business defaults come from domain.md §4. */
export const slaMonitorEnvSchema = z.object({
  SLA_FIRST_RESPONSE_MINUTES: positive(DEFAULT_SLA_TARGETS.firstResponseMs / MIN),
  SLA_RESOLUTION_HOURS_COMPLAINT: positive(DEFAULT_SLA_TARGETS.resolutionMs.complaint / HOUR),
  SLA_RESOLUTION_HOURS_REPAIR: positive(DEFAULT_SLA_TARGETS.resolutionMs.repair / HOUR),
  SLA_RESOLUTION_HOURS_INSTALL: positive(DEFAULT_SLA_TARGETS.resolutionMs.install / HOUR),
  SLA_RESOLUTION_HOURS_MOVE: positive(DEFAULT_SLA_TARGETS.resolutionMs.move / HOUR),
  SLA_WARNING_FRACTION: z.coerce.number().gt(0).lt(1).default(DEFAULT_WARNING_FRACTION),
  /** Multiplies every target: 0.002 runs a 30-minute clock in 3.6 s (tests, demos). */
  SLA_TIME_SCALE: positive(1),
  /** How often due timers are taken from Redis. */
  SLA_POLL_MS: intervalMs(250),
  /** Due timers handled per pass. */
  SLA_POLL_BATCH: z.coerce.number().int().min(1).max(10_000).default(200),
  /** A claimed timer is hidden from other replicas this long; one whose replica died fires after it. */
  SLA_CLAIM_LEASE_MS: z.coerce.number().int().min(100).default(30_000),
  /** How often the Redis timer index is rebuilt from PostgreSQL (it may have been flushed). */
  SLA_RECONCILE_MS: intervalMs(30_000),
  /** Reminders to the handler of a warned clock, every so many minutes of real time until it stops (scaled by SLA_TIME_SCALE); 0: none. Issue 6; domain.md gives no number. */
  SLA_REMINDER_MINUTES: z.coerce.number().min(0).default(30),
  /** Quiet hours for people (`HH:MM-HH:MM` on the clock's calendar time zone, or `none`): reminders and escalations are raised on time, their notifyAt waits for the end. */
  SLA_QUIET_HOURS: z.string().default('22:00-08:00').refine(validQuietHours, 'quiet hours are HH:MM-HH:MM or none'),
  /** The Redis sorted set of timers; defaults to one per deployment (consumer-group prefix). */
  SLA_REDIS_KEY: z.string().min(1).max(200).optional(),
  CONSUMER_GROUP_PREFIX: z.string().min(1).default('switchboard'),
});

export interface SlaMonitorConfig {
  targets: SlaTargets;
  /** The unscaled targets: version 1 of the default SLA policies (ADR 0022). */
  targetTable: SlaTargetTable;
  /** Multiplies every clock's business-time budget (SLA_TIME_SCALE); policies and the preview stay unscaled. */
  timeScale: number;
  warningFraction: number;
  schedule: ClockSchedule;
  pollMs: number;
  pollBatch: number;
  reconcileMs: number;
  redisKey: string;
  claimLeaseMs: number;
  /** 0: no reminders. */
  reminderIntervalMs: number;
  quietHours: QuietHours | null;
}

export const SLA_MONITOR_CONFIG = Symbol('SLA_MONITOR_CONFIG');

export function loadSlaMonitorConfig(env: Record<string, string | undefined>): SlaMonitorConfig {
  const e = parseEnv(slaMonitorEnvSchema, env);
  const targetTable: SlaTargetTable = {
    firstResponseMs: e.SLA_FIRST_RESPONSE_MINUTES * MIN,
    resolutionMs: {
      complaint: e.SLA_RESOLUTION_HOURS_COMPLAINT * HOUR,
      repair: e.SLA_RESOLUTION_HOURS_REPAIR * HOUR,
      install: e.SLA_RESOLUTION_HOURS_INSTALL * HOUR,
      move: e.SLA_RESOLUTION_HOURS_MOVE * HOUR,
    },
  };
  return {
    targets: new SlaTargets(targetTable, e.SLA_TIME_SCALE),
    targetTable,
    timeScale: e.SLA_TIME_SCALE,
    warningFraction: e.SLA_WARNING_FRACTION,
    schedule: new ClockSchedule(e.SLA_WARNING_FRACTION),
    pollMs: e.SLA_POLL_MS,
    pollBatch: e.SLA_POLL_BATCH,
    reconcileMs: e.SLA_RECONCILE_MS,
    redisKey: e.SLA_REDIS_KEY ?? `${e.CONSUMER_GROUP_PREFIX}:sla-monitor:timers`,
    claimLeaseMs: e.SLA_CLAIM_LEASE_MS,
    reminderIntervalMs: Math.round(e.SLA_REMINDER_MINUTES * MIN * e.SLA_TIME_SCALE),
    quietHours: parseQuietHours(e.SLA_QUIET_HOURS),
  };
}

export const slaMonitorConfigProvider: Provider = {
  provide: SLA_MONITOR_CONFIG,
  useFactory: () => loadSlaMonitorConfig(process.env),
};
