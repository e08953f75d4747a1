import { z } from 'zod';
import { parseEnv } from '@switchboard/platform';
import { isTimeZone } from '@switchboard/time';
import { DEFAULT_REPORTING_TIME_ZONE } from '../domain/kpi-periods';
import { parseKpiThresholds, type KpiThresholds } from '../domain/kpi-warnings';

export const KPI_WINDOWS_CONFIG = Symbol('KPI_WINDOWS_CONFIG');

export const kpiWindowsEnvSchema = z.object({
  /** The IANA time zone whose calendar cuts the day, ISO week and month windows (ADR 0025). */
  SCORING_REPORTING_TIME_ZONE: z.string().default(DEFAULT_REPORTING_TIME_ZONE).refine(isTimeZone, 'an IANA time zone, e.g. Asia/Shanghai'),
  /** JSON overriding the KPI warning thresholds per KPI (domain/kpi-warnings.ts has the shape and the defaults). */
  SCORING_KPI_THRESHOLDS: z.string().optional(),
  /** How often the KPI window publisher adds the appended deltas to the windows and republishes them (ms). */
  SCORING_KPI_PUBLISH_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(200),
});

export interface KpiWindowsConfig {
  timeZone: string;
  thresholds: KpiThresholds;
  publishIntervalMs: number;
}

export function loadKpiWindowsConfig(env: Record<string, string | undefined> = process.env): KpiWindowsConfig {
  const parsed = parseEnv(kpiWindowsEnvSchema, env);
  return { timeZone: parsed.SCORING_REPORTING_TIME_ZONE, thresholds: parseKpiThresholds(parsed.SCORING_KPI_THRESHOLDS), publishIntervalMs: parsed.SCORING_KPI_PUBLISH_INTERVAL_MS };
}
