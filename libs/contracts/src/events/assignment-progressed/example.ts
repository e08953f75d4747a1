import type { AssignmentProgressed } from './schema';

export const assignmentProgressedExample: AssignmentProgressed = { ticketId: '5b0f8f4e-5d0c-4d7a-9a43-3e6f0c1a2b11', assignmentId: '8d7e0a4c-6a1b-4f7e-9c2d-1b3a5c7e9f01', technicianId: 'T-XH-01', region: 'hangzhou', at: '2026-11-24T01:20:00Z' };
