import type { CallbackClaimed } from './schema';

export const callbackClaimedExample: CallbackClaimed = {
  surveyId: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b',
  ticketId: '5b0f8f4e-5d0c-4d7a-9a43-3e6f0c1a2b11',
  region: 'hangzhou',
  agent: 'callback/hz-01/0007',
  attempt: 1,
  claimedAt: '2026-11-25T00:05:00Z',
};
