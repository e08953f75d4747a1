import type { IncidentOpened } from './schema';

export const incidentOpenedExample: IncidentOpened = {
  incidentId: 'inc-3c9e7b21',
  region: 'hangzhou',
  complaintCategory: 'no-signal',
  cells: ['HZ-XH-0701', 'HZ-XH-0702'],
  ticketIds: [
    '5b0f8f4e-5d0c-4d7a-9a43-3e6f0c1a2b11',
    '0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6',
    '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
    '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
    '3c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f',
    '4d5e6f7a-8b9c-4d0e-9f2a-3b4c5d6e7f80',
  ],
  openedAt: '2026-11-24T02:15:00.120Z',
};
