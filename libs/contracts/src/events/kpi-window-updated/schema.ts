import { z } from 'zod';
import { regionCode } from '../common';

export const KPI_WINDOW_UPDATED = 'kpi.window-updated' as const;

/** The KPIs of the window record (ADR 0025; docs/bi-kpis.md defines each one's numerator and denominator). */
export const kpiNames = [
  'tickets-accepted',
  'first-response-on-time',
  'resolution-on-time',
  'satisfaction',
  'contact-timeliness',
  'appointment-keeping',
  'technical-level',
  'service-attitude',
  'callback-ratio',
  'reopen-rate',
  'repeat-report-rate',
  'interception-rate',
  'sla-warnings',
  'sla-breaches',
  'escalations',
] as const;
export type KpiName = (typeof kpiNames)[number];

/** What a window is counted for: every record belongs to one region (a technician working in two regions has two records). */
export const kpiScopeTypes = ['region', 'county', 'service', 'tier', 'technician', 'group', 'contractor'] as const;
export type KpiScopeType = (typeof kpiScopeTypes)[number];

/** Calendar periods in the reporting time zone: a day, an ISO week (Monday to Sunday), a month. */
export const kpiPeriods = ['day', 'week', 'month'] as const;
export type KpiPeriod = (typeof kpiPeriods)[number];

const count = z.number().int().min(0);

export const kpiValueSchema = z.strictObject({
  kpi: z.enum(kpiNames),
  /** What was counted as a success (or the count itself for a count KPI). Sum it to re-aggregate. */
  numerator: count,
  /** What the ratio is over; 0 for a count KPI (and for a ratio nothing was counted against yet). Sum it to re-aggregate. */
  denominator: count,
  /** numerator / denominator to 4 decimals (may exceed 1 for the rates whose parts come from different events, e.g. reopen-rate); null for a count KPI or without a denominator. */
  value: z.number().min(0).nullable(),
});

/**
 * The KPI window record (scoring.kpis.v3, ADR 0025): the KPIs of one scope in one region over one
 * day, ISO week or month of the reporting time zone, republished whole each time an event changes
 * it (late events too). Deterministic: the same events give the same record, whatever their order
 * of arrival. No customer names or phone numbers. Key: `region|scopeType|scopeId|period|windowStart`.
 */
export const kpiWindowUpdatedSchema = z.strictObject({
  region: regionCode,
  scopeType: z.enum(kpiScopeTypes),
  /** The region, county, service, customer tier, technician id, group or employer (contractor) counted. */
  scopeId: z.string().min(1).max(64),
  period: z.enum(kpiPeriods),
  /** First calendar day of the window in `timeZone`. */
  windowStart: z.iso.date(),
  /** Last calendar day of the window in `timeZone` (included). */
  windowEnd: z.iso.date(),
  /** The IANA reporting time zone whose calendar cut the windows. */
  timeZone: z.string().min(1),
  /** Every KPI counted in the window so far, by name. */
  kpis: z.array(kpiValueSchema),
  /** How many times the window changed (1 for its first record): a consumer keeps the highest. */
  revision: z.number().int().min(1),
});

export type KpiWindowUpdated = z.infer<typeof kpiWindowUpdatedSchema>;
export type KpiValue = z.infer<typeof kpiValueSchema>;
