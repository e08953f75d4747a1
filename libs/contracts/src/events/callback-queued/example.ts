import type { CallbackQueued } from './schema';

export const callbackQueuedExample: CallbackQueued = {
  surveyId: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b',
  ticketId: '5b0f8f4e-5d0c-4d7a-9a43-3e6f0c1a2b11',
  region: 'hangzhou',
  questionnaire: 'telecom-4q.v1',
  attempt: 1,
  dueAt: '2026-11-25T00:00:00Z',
  closesAt: '2026-12-01T12:41:00Z',
  deferredForQuietHours: true,
};
