import { z } from 'zod';
import { rfc3339 } from '../../envelope';
import { regionCode } from '../common';

export const KPI_UPDATED = 'kpi.updated' as const;

/** BI record (scoring.kpis.v1): per-region, per-day counters, republished as they change; no customer names or phone numbers (subject: region|date). */
export const kpiUpdatedSchema = z.strictObject({
  scope: z.literal('region'),
  region: regionCode,
  granularity: z.literal('day'),
  /** The calendar day (UTC) the counters cover. */
  date: z.iso.date(),
  counters: z.strictObject({
    received: z.number().int().min(0),
    accepted: z.number().int().min(0),
    rejected: z.number().int().min(0),
    assigned: z.number().int().min(0),
    firstResponseOnTime: z.number().int().min(0),
    firstResponseLate: z.number().int().min(0),
    warned: z.number().int().min(0),
    breached: z.number().int().min(0),
    completed: z.number().int().min(0),
    surveyed: z.number().int().min(0),
    satisfied: z.number().int().min(0),
  }),
  updatedAt: rfc3339,
});

export type KpiUpdated = z.infer<typeof kpiUpdatedSchema>;
