import { ManualClock } from '@switchboard/persistence/clock';
import { surveyDueAt, surveyInvitationText } from './survey-invitation';

describe('survey invitation', () => {
  it('falls due the configured delay after completion', () => {
    const clock = new ManualClock('2026-11-24T02:30:00Z');
    expect(surveyDueAt(clock.now(), 3_600_000).toISOString()).toBe('2026-11-24T03:30:00.000Z');
  });

  it('asks the four telecom questions and says how to answer, within one notification', () => {
    const text = surveyInvitationText();
    for (const words of ['contacted you', 'appointment', 'technical level', 'service attitude', '1 to 5']) expect(text).toContain(words);
    expect(text.length).toBeLessThanOrEqual(2000);
  });
});
