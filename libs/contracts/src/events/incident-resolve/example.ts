import type { IncidentResolve } from './schema';

export const incidentResolveExample: IncidentResolve = {
  incidentId: 'inc-3c9e7b21',
  reply: 'A faulty antenna on the Xixi site was replaced at 14:20; coverage is back to normal.',
  resolvedBy: 'noc/hz-optimisation',
};
