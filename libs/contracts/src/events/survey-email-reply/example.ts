import type { SurveyEmailReply } from './schema';

export const surveyEmailReplyExample: SurveyEmailReply = {
  messageId: '<CAF2x9k@mail.example.com>',
  from: 'li.wei@example.com',
  subject: 'Re: How did we do?',
  text: '5 4 5 5\n\nOn 24 Nov 2026, Switchboard wrote:\n> Your service request is complete…',
  receivedAt: '2026-11-24T05:21:00Z',
};
