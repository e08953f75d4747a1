import type { SurveyAnswer } from './schema';

export const surveyAnswerExample: SurveyAnswer = { surveyId: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b', answers: { contactTimeliness: 5, appointmentKeeping: 4, technicalLevel: 5, serviceAttitude: 5 }, at: '2026-11-24T03:41:00Z' };
