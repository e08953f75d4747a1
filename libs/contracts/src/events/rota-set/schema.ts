import { z } from 'zod';
import { id } from '../common';
import { daysOfIsoWeek } from './week';

export const ROTA_SET = 'rota.set' as const;

/** A business date, `YYYY-MM-DD` (the dispatch centre's local calendar). */
export const businessDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
/** An ISO week, `YYYY-Www` (Monday first). */
export const isoWeek = z.string().regex(/^\d{4}-W\d{2}$/, 'an ISO week YYYY-Www').refine((w) => daysOfIsoWeek(w) !== undefined, 'an ISO week YYYY-Www that exists');

/**
 * Command (dispatch.commands.v1): a supervisor sets rest days in a group's rota for one week
 * (subject: the group). The week's rota is generated first if the group has none; technicians not
 * named keep their days. With no `restDays` it only generates (switches the rota on for that week).
 */
export const rotaSetSchema = z.strictObject({
  group: id,
  week: isoWeek,
  restDays: z
    .array(z.strictObject({ technicianId: id, days: z.array(businessDay).min(1, 'every technician needs at least one rest day a week').max(6, 'a technician cannot rest all week') }))
    .max(200)
    .default([]),
  setBy: z.string().min(1).max(200).optional(),
});

export type RotaSet = z.infer<typeof rotaSetSchema>;

/** What the schema alone cannot say: each rest day lies in the week, and each technician is named once. */
export function checkRotaSet(v: Pick<RotaSet, 'week' | 'restDays'>, ctx: z.RefinementCtx): void {
  const days = daysOfIsoWeek(v.week);
  if (!days) return;
  const seen = new Set<string>();
  v.restDays.forEach((r, i) => {
    if (seen.has(r.technicianId)) ctx.addIssue({ code: 'custom', path: ['restDays', i, 'technicianId'], message: `${r.technicianId} is named twice` });
    seen.add(r.technicianId);
    r.days.forEach((d, j) => {
      if (!days.includes(d)) ctx.addIssue({ code: 'custom', path: ['restDays', i, 'days', j], message: `${d} is not in ${v.week} (${days[0]}..${days[6]})` });
    });
  });
}
