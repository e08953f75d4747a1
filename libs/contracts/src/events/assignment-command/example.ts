import type { AssignmentCommand } from './schema';

export const assignmentCommandExample: AssignmentCommand = { assignmentId: '8d7e0a4c-6a1b-4f7e-9c2d-1b3a5c7e9f01', technicianId: 'T-XH-01', at: '2026-11-24T01:20:00Z' };
