import { z } from 'zod';
import { rfc3339 } from '../../envelope';
import { id } from '../common';
import { businessDay, isoWeek } from '../rota-set/schema';

export const ROTA_UPDATED = 'rota.updated' as const;
export const rotaCauses = ['generated', 'edited', 'roster-changed'] as const;

/** Dispatch's rota of a group for one week, whole, after a change (subject: the group). */
export const rotaUpdatedSchema = z.strictObject({
  group: id,
  week: isoWeek,
  technicians: z.array(z.strictObject({ technicianId: id, restDays: z.array(businessDay) })),
  cause: z.enum(rotaCauses),
  updatedAt: rfc3339,
});

export type RotaUpdated = z.infer<typeof rotaUpdatedSchema>;
