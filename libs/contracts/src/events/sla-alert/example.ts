import type { SlaAlert } from './schema';

export const slaAlertExample: SlaAlert = { clockId: '6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d', ticketId: '5b0f8f4e-5d0c-4d7a-9a43-3e6f0c1a2b11', metric: 'first-response', region: 'hangzhou', dueAt: '2026-11-24T01:42:00Z', at: '2026-11-24T01:36:00Z' };
