import type { CallbackClosed } from './schema';

export const callbackClosedExample: CallbackClosed = {
  surveyId: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b',
  ticketId: '5b0f8f4e-5d0c-4d7a-9a43-3e6f0c1a2b11',
  region: 'hangzhou',
  attempt: 1,
  resolution: 'completed',
  resolvedAt: '2026-11-24T02:41:00Z',
  closedAt: '2026-11-24T03:41:00Z',
  channel: 'sms',
  attemptsMade: 1,
  status: 'answered',
  questionnaire: 'telecom-4q.v1',
  score: 97.5,
  grade: 'excellent',
  verdict: 'satisfied',
  perQuestion: [
    { questionId: 'contactTimeliness', percent: 100 },
    { questionId: 'appointmentKeeping', percent: 100 },
    { questionId: 'technicalLevel', percent: 90 },
    { questionId: 'serviceAttitude', percent: 100 },
  ],
  followUp: 'closed',
};
