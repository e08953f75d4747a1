import { loadCallbackConfig } from './callback.config';

const all = (n: number) => ({ contactTimeliness: n, appointmentKeeping: n, technicalLevel: n, serviceAttitude: n });

describe('callback configuration', () => {
  it('defaults to a survey one hour after completion, equal weights, satisfied at 90 with every answer at 80 %', () => {
    const config = loadCallbackConfig({});
    expect(config).toMatchObject({ delayMs: 3_600_000, pollMs: 500 });
    expect(config.scoring.score(all(4))).toEqual({ score: 90, verdict: 'satisfied' });
    expect(config.scoring.score({ ...all(5), technicalLevel: 3 }).verdict).toBe('unsatisfied');
    expect(config.attemptLimit.maxAttempts).toBe(3);
  });

  it('reads the callback attempt limit from CALLBACK_MAX_ATTEMPTS and refuses zero', () => {
    expect(loadCallbackConfig({ CALLBACK_MAX_ATTEMPTS: '5' }).attemptLimit.maxAttempts).toBe(5);
    expect(() => loadCallbackConfig({ CALLBACK_MAX_ATTEMPTS: '0' })).toThrow(/CALLBACK_MAX_ATTEMPTS/);
  });

  it('reads the delay, the weights and the thresholds from the environment', () => {
    const config = loadCallbackConfig({
      CALLBACK_DELAY_MS: '1000',
      SURVEY_WEIGHT_CONTACT_TIMELINESS: '3',
      SURVEY_WEIGHT_APPOINTMENT_KEEPING: '1',
      SURVEY_WEIGHT_TECHNICAL_LEVEL: '0',
      SURVEY_WEIGHT_SERVICE_ATTITUDE: '0',
      SURVEY_SATISFIED_MIN_ANSWER_PERCENT: '0',
      SURVEY_SATISFIED_MIN_SCORE: '85',
    });
    expect(config.delayMs).toBe(1_000);
    expect(config.scoring.score({ contactTimeliness: 5, appointmentKeeping: 2, technicalLevel: 1, serviceAttitude: 1 })).toEqual({ score: 87.5, verdict: 'satisfied' });
  });

  it('refuses weights that sum to zero and names a bad variable', () => {
    const zero = { SURVEY_WEIGHT_CONTACT_TIMELINESS: '0', SURVEY_WEIGHT_APPOINTMENT_KEEPING: '0', SURVEY_WEIGHT_TECHNICAL_LEVEL: '0', SURVEY_WEIGHT_SERVICE_ATTITUDE: '0' };
    expect(() => loadCallbackConfig(zero)).toThrow(/weights/);
    expect(() => loadCallbackConfig({ CALLBACK_DELAY_MS: '-1' })).toThrow(/CALLBACK_DELAY_MS/);
  });
});
