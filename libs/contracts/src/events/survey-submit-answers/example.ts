import type { SurveySubmitAnswers } from './schema';

export const surveySubmitAnswersExample: SurveySubmitAnswers = {
  surveyId: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b',
  questionnaire: 'telecom-4q.v1',
  answers: { contactTimeliness: 5, appointmentKeeping: 4, technicalLevel: 5, serviceAttitude: 5 },
  at: '2026-11-24T03:41:00Z',
};
