import type { CallbackRecordOutcome } from './schema';

export const callbackRecordOutcomeExample: CallbackRecordOutcome = {
  surveyId: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b',
  agent: 'callback/hz-01/0007',
  outcome: 'answered',
  answers: { contactTimeliness: 5, appointmentKeeping: 4, technicalLevel: 5, serviceAttitude: 5 },
  at: '2026-11-25T00:09:00Z',
};
