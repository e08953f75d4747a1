import type { IncidentResolved } from './schema';

export const incidentResolvedExample: IncidentResolved = {
  incidentId: 'inc-3c9e7b21',
  region: 'hangzhou',
  reply: 'A faulty antenna on the Xixi site was replaced at 14:20; coverage is back to normal.',
  resolvedBy: 'noc/hz-optimisation',
  childrenResolved: 7,
  resolvedAt: '2026-11-24T06:40:00.000Z',
};
