import type { TicketAssigned } from './schema';

export const ticketAssignedExample: TicketAssigned = {
  ticketId: '5b0f8f4e-5d0c-4d7a-9a43-3e6f0c1a2b11',
  assignmentId: '8d7e0a4c-6a1b-4f7e-9c2d-1b3a5c7e9f01',
  technicianId: 'T-XH-01',
  technicianName: 'Wang Fang',
  technicianPhone: '+86 138 0000 0101',
  region: 'hangzhou',
  zone: 'xihu-07',
  assignedAt: '2026-11-24T01:12:04Z',
  reason: {
    rule: 'zone-engineer',
    candidates: [{ technicianId: 'T-XH-01', zone: 'xihu-07', openAssignments: 1 }],
    explanation: 'on duty, skilled for broadband repair, engineer of zone xihu-07, 1 open assignment',
  },
};
