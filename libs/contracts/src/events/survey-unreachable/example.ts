import type { SurveyUnreachable } from './schema';

export const surveyUnreachableExample: SurveyUnreachable = {
  surveyId: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b',
  ticketId: '5b0f8f4e-5d0c-4d7a-9a43-3e6f0c1a2b11',
  region: 'hangzhou',
  attempts: 1,
  reason: 'validity-window-elapsed',
  closedAt: '2026-12-01T03:41:00Z',
};
