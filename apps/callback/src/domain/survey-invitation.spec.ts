import { TELECOM_4Q } from './questionnaire';
import { answerLineOfEmail, surveyInvitationText, unreadableReplyText } from './survey-invitation';

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

describe('answerLineOfEmail', () => {
  it('takes the first line the customer wrote, above the quoted invitation', () => {
    expect(answerLineOfEmail('\n  5 4 5 5  \nThanks!\n\nOn 24 Nov 2026, Switchboard wrote:\n> Please reply')).toBe('5 4 5 5');
  });
  it('skips quoted lines written above the answer', () => {
    expect(answerLineOfEmail('> Example: 5 5 4 5.\n5545')).toBe('5545');
  });
  it('finds nothing in a reply that only quotes', () => {
    expect(answerLineOfEmail('On Tue, 24 Nov 2026 at 10:00, Switchboard wrote:\n> Example: 5 5 4 5.')).toBeUndefined();
    expect(answerLineOfEmail('\r\n\r\n')).toBeUndefined();
  });
});
