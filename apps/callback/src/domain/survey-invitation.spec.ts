import { surveyInvitationText } from './survey-invitation';

describe('survey invitation', () => {
  it('asks the four telecom questions and says how to answer, within one notification', () => {
    const text = surveyInvitationText();
    for (const words of ['contacted you', 'appointment', 'technical level', 'service attitude', '1 to 5']) expect(text).toContain(words);
    expect(text.length).toBeLessThanOrEqual(2000);
  });
});
