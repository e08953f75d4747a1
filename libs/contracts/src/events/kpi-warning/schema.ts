import { z } from 'zod';
import { regionCode } from '../common';
import { kpiNames, kpiPeriods, kpiScopeTypes } from '../kpi-window-updated/schema';

export const KPI_WARNING = 'kpi.warning' as const;

/**
 * A KPI of a window crossed its threshold (scoring.kpis.v3, ADR 0025; domain.md §6, seed 002's
 * daily/weekly/monthly analysis): raised once when the value goes to the wrong side of the
 * threshold, again only after it came back and crossed again. Key as the window record's.
 */
export const kpiWarningSchema = z.strictObject({
  region: regionCode,
  scopeType: z.enum(kpiScopeTypes),
  scopeId: z.string().min(1).max(64),
  period: z.enum(kpiPeriods),
  windowStart: z.iso.date(),
  windowEnd: z.iso.date(),
  kpi: z.enum(kpiNames),
  /** The value that crossed (numerator / denominator, or the count). */
  value: z.number().min(0),
  numerator: z.number().int().min(0),
  denominator: z.number().int().min(0),
  /** `below`: warned when value < threshold (e.g. satisfaction < 0.8); `above`: when value > threshold (counts, e.g. breaches). */
  direction: z.enum(['below', 'above']),
  threshold: z.number().min(0),
  /** The window record's revision that crossed. */
  revision: z.number().int().min(1),
});

export type KpiWarning = z.infer<typeof kpiWarningSchema>;
