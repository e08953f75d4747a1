import { kpiNames, kpiScopeTypes, type KpiName, type KpiScopeType } from '@switchboard/contracts';
import { COUNT_KPIS } from './kpi-facts';

/** A KPI's warning threshold; `byScope` overrides the threshold for some scope types. */
export interface KpiThreshold {
  /** `below`: warn when the value is under the threshold (rates); `above`: when over it (counts). */
  direction: 'below' | 'above';
  threshold: number;
  /** A rate is judged only once its denominator reached this (a single survey says little). */
  minDenominator: number;
  byScope?: Partial<Record<KpiScopeType, number>>;
}

export type KpiThresholds = Partial<Record<KpiName, KpiThreshold>>;

/**
 * The defaults (domain.md §6, seeds 000/002/003): satisfaction ≥ 80 %; timely reply rate (first
 * response on time) 92.29 %; service-commitment compliance (resolution on time) 93.45 %; callback
 * ratio 100 %. Overridable per KPI with SCORING_KPI_THRESHOLDS (JSON of this shape).
 */
export const DEFAULT_KPI_THRESHOLDS: KpiThresholds = {
  satisfaction: { direction: 'below', threshold: 0.8, minDenominator: 1 },
  'first-response-on-time': { direction: 'below', threshold: 0.9229, minDenominator: 1 },
  'resolution-on-time': { direction: 'below', threshold: 0.9345, minDenominator: 1 },
  'callback-ratio': { direction: 'below', threshold: 1, minDenominator: 1 },
};

export type WarningTransition = 'raise' | 'clear' | 'none';

/** Is the KPI on the wrong side of its threshold for this scope? (false while too few to judge) */
export function isOffTarget(kpi: KpiName, scopeType: KpiScopeType, numerator: number, denominator: number, t: KpiThreshold): boolean {
  const threshold = t.byScope?.[scopeType] ?? t.threshold;
  if (COUNT_KPIS.has(kpi)) return t.direction === 'above' ? numerator > threshold : numerator < threshold;
  if (denominator < Math.max(1, t.minDenominator)) return false;
  const value = numerator / denominator;
  return t.direction === 'below' ? value < threshold : value > threshold;
}

/**
 * Once per crossing: raise when the KPI goes off target and was not warned; clear (re-arm) when it
 * comes back on target; nothing otherwise (still off target, already warned).
 */
export function warningTransition(warned: boolean, offTarget: boolean): WarningTransition {
  if (offTarget && !warned) return 'raise';
  if (!offTarget && warned) return 'clear';
  return 'none';
}

/** Merges an override (SCORING_KPI_THRESHOLDS) onto the defaults, checking every name and number. */
export function parseKpiThresholds(json: string | undefined, defaults: KpiThresholds = DEFAULT_KPI_THRESHOLDS): KpiThresholds {
  if (json === undefined || json.trim() === '') return defaults;
  const raw = JSON.parse(json) as Record<string, Partial<KpiThreshold> | null>;
  const out: KpiThresholds = { ...defaults };
  for (const [name, v] of Object.entries(raw)) {
    if (!(kpiNames as readonly string[]).includes(name)) throw new Error(`SCORING_KPI_THRESHOLDS: unknown KPI ${name}`);
    const kpi = name as KpiName;
    if (v === null) {
      delete out[kpi];
      continue;
    }
    const merged = { minDenominator: 1, ...(out[kpi] ?? {}), ...v } as KpiThreshold;
    if (merged.direction !== 'below' && merged.direction !== 'above') throw new Error(`SCORING_KPI_THRESHOLDS: ${kpi}.direction must be below or above`);
    if (typeof merged.threshold !== 'number' || merged.threshold < 0) throw new Error(`SCORING_KPI_THRESHOLDS: ${kpi}.threshold must be a number ≥ 0`);
    if (!Number.isInteger(merged.minDenominator) || merged.minDenominator < 1) throw new Error(`SCORING_KPI_THRESHOLDS: ${kpi}.minDenominator must be an integer ≥ 1`);
    for (const [scope, t] of Object.entries(merged.byScope ?? {})) {
      if (!(kpiScopeTypes as readonly string[]).includes(scope) || typeof t !== 'number' || t < 0) throw new Error(`SCORING_KPI_THRESHOLDS: ${kpi}.byScope.${scope} is not a scope with a number ≥ 0`);
    }
    out[kpi] = merged;
  }
  return out;
}
