import type { AbsenceRecord } from './schema';

export const absenceRecordExample: AbsenceRecord = {
  absenceId: '7c1e2a4b-5d6f-4a8b-9c0d-1e2f3a4b5c6d',
  technicianId: 'T-XH-01',
  from: '2026-11-24',
  to: '2026-11-26',
  reason: 'sick leave',
  approvedBy: 'supervisor-li',
};
