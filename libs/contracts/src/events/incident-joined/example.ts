import type { IncidentJoined } from './schema';

export const incidentJoinedExample: IncidentJoined = {
  incidentId: 'inc-3c9e7b21',
  ticketId: '5b0f8f4e-5d0c-4d7a-9a43-3e6f0c1a2b11',
  region: 'hangzhou',
  cellId: 'HZ-XH-0702',
  cells: ['HZ-XH-0701', 'HZ-XH-0702'],
  joinedAt: '2026-11-24T02:25:00.120Z',
};
