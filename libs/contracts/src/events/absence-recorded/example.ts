import { absenceRecordExample } from '../absence-record/example';
import type { AbsenceRecorded } from './schema';

export const absenceRecordedExample: AbsenceRecorded = { ...absenceRecordExample, group: 'xihu-a', recordedAt: '2026-11-23T09:00:00.000+08:00' };
