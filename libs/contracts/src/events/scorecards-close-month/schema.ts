import { z } from 'zod';

export const SCORECARDS_CLOSE_MONTH = 'scorecards.close-month' as const;

/** A calendar month, `YYYY-MM`. */
export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM');

/**
 * Command (scoring.commands.v1, ADR 0026): close — or close again, after late events — a month's
 * scorecards now (subject: the month). Scoring also closes a month by itself once the clock passes
 * the first of the next month plus the grace period. The command's envelope time is the close
 * instant: the published records' `computedAt`.
 */
export const scorecardsCloseMonthSchema = z.strictObject({
  month,
  requestedBy: z.string().min(1).max(200),
});

export type ScorecardsCloseMonth = z.infer<typeof scorecardsCloseMonthSchema>;
