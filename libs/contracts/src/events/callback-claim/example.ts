import type { CallbackClaim } from './schema';

export const callbackClaimExample: CallbackClaim = { surveyId: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b', agent: 'callback/hz-01/0007', at: '2026-11-25T00:05:00Z' };
