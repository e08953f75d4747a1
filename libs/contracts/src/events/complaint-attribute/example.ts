import type { ComplaintAttribute } from './schema';

export const complaintAttributeExample: ComplaintAttribute = {
  findingId: '2c5e1f0a-7b3d-4e9a-8f21-6d4c3b2a1908',
  ticketId: '5b0f8f4e-5d0c-4d7a-9a43-3e6f0c1a2b11',
  technicianId: 'T-XH-01',
  cause: 'quality',
  severity: 'general',
  complainedAt: '2026-11-24T06:00:00Z',
  attributedBy: 'ops/hz-supervisor-03',
};
