import type { SlaClockReattached } from './schema';

export const slaClockReattachedExample: SlaClockReattached = {
  clockId: '6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d',
  ticketId: '5b0f8f4e-5d0c-4d7a-9a43-3e6f0c1a2b11',
  metric: 'resolution',
  region: 'hangzhou',
  policyId: 'repair-broadband',
  policyVersion: 2,
  previousPolicyVersion: 1,
  reattachedAt: '2026-11-24T05:12:00Z',
  elapsedMs: 10_800_000,
  pausedMs: 3_600_000,
  warnAt: '2026-11-24T20:48:00Z',
  dueAt: '2026-11-25T02:12:00Z',
};
