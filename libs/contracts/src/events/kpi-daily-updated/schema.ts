import { z } from 'zod';
import { rfc3339 } from '../../envelope';
import { regionCode } from '../common';
import { kpiUpdatedSchema } from '../kpi-updated/schema';

export const KPI_DAILY_UPDATED = 'kpi.daily-updated' as const;

const count = z.number().int().min(0);
/** A share from 0 to 1 (4 decimals); null when its denominator is 0 that day. */
const rate = z.number().min(0).max(1).nullable();

const tierKpis = z.strictObject({
  /** Tickets of this tier flagged as repeat faults (`ticket.repeat-fault-detected`). */
  repeatFaults: count,
  /** Repair tickets of this tier completed by a technician (`assignment.completed` of a `repair`). */
  completedRepairs: count,
  /** The repeat-report rate: repeatFaults / completedRepairs. */
  repeatReportRate: rate,
});

/**
 * The KPI record v2 (scoring.kpis.v2, ADR 0014): per-region, per-day counters, republished as
 * they change — every counter of `kpi.updated` v1 plus intake's interception (issue 4), and the
 * repeat-report rate by customer tier. No customer names or phone numbers (subject: region|date).
 */
export const kpiDailyUpdatedSchema = z.strictObject({
  scope: z.literal('region'),
  region: regionCode,
  granularity: z.literal('day'),
  /** The calendar day (UTC) the counters cover. */
  date: z.iso.date(),
  counters: z.strictObject({
    ...kpiUpdatedSchema.shape.counters.shape,
    /** Tickets closed without a technician whose work never reached one (`ticket.resolved`, `intercepted`). */
    intercepted: count,
    /** Tickets answered at once with a known issue's explanation (`ticket.answered-by-known-issue`). */
    answeredByKnownIssue: count,
    /** Tickets resolved by remote support (`ticket.resolved`, `resolved-remotely`). */
    resolvedRemotely: count,
    /** Every ticket intake closed without a technician's completion (`ticket.resolved`). */
    resolvedWithoutTechnician: count,
    /** Holds by reason (`ticket.held`). */
    heldKnownIssue: count,
    heldIncident: count,
    heldRemoteSupport: count,
    /** Assignments dispatch took back because intake held or resolved the ticket (`assignment.withdrawn`). */
    withdrawn: count,
  }),
  byTier: z.strictObject({ vip: tierKpis, standard: tierKpis }),
  /** The interception rate: intercepted / accepted. */
  interceptionRate: rate,
  updatedAt: rfc3339,
});

export type KpiDailyUpdated = z.infer<typeof kpiDailyUpdatedSchema>;
