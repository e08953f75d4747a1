import { z } from 'zod';
import { id } from '../common';
import { rfc3339 } from '../../envelope';
import { absenceRecordSchema } from '../absence-record/schema';

export const ABSENCE_RECORDED = 'absence.recorded' as const;

/** Dispatch recorded an approved absence: the technician is not dispatched from `from` to `to` (subject: technicianId). */
export const absenceRecordedSchema = absenceRecordSchema.extend({ group: id, recordedAt: rfc3339 });

export type AbsenceRecorded = z.infer<typeof absenceRecordedSchema>;
