import { z } from 'zod';
import { id } from '../common';
import { businessDay } from '../rota-set/schema';

export const ABSENCE_RECORD = 'absence.record' as const;

/** Command (dispatch.commands.v1): an approved absence of a technician, both dates included (subject: technicianId). */
export const absenceRecordSchema = z.strictObject({
  absenceId: z.uuid(),
  technicianId: id,
  from: businessDay,
  to: businessDay,
  reason: z.string().trim().min(1).max(500),
  approvedBy: z.string().min(1).max(200).optional(),
});

export type AbsenceRecord = z.infer<typeof absenceRecordSchema>;
