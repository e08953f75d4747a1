import { TELECOM_4Q } from './questionnaire';
import { surveyInvitationText, unreadableReplyText } from './survey-invitation';

describe('survey invitation', () => {
  it('asks the four telecom questions and says how to answer, within one notification', () => {
    const text = surveyInvitationText();
    for (const words of ['contacted you', 'appointment', 'technical level', 'service attitude', '1 to 5']) expect(text).toContain(words);
    expect(text.length).toBeLessThanOrEqual(2000);
  });

  it('asks again for one digit per question when a reply cannot be read', () => {
    expect(unreadableReplyText(TELECOM_4Q)).toContain('4 digits from 1 to 5');
    expect(unreadableReplyText(TELECOM_4Q)).toContain('5555');
  });
});
