import type { SurveySmsReply } from './schema';

export const surveySmsReplyExample: SurveySmsReply = {
  messageId: 'sms-in-20261124-000042',
  from: '+86 571 5550 1234',
  text: '5 4 5 5',
  receivedAt: '2026-11-24T03:41:00Z',
};
