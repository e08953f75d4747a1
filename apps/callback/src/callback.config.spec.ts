import { loadCallbackConfig, type CallbackConfig } from './callback.config';
import { scoreQuestionnaire } from './domain/questionnaire';

const all = (n: number) => ({ contactTimeliness: n, appointmentKeeping: n, technicalLevel: n, serviceAttitude: n });
/** Scores telecom answers by the questionnaire in force, as the answer handler does. */
function telecom(config: CallbackConfig, answers: Record<string, number>) {
  const scored = scoreQuestionnaire(config.questionnaires['telecom-4q.v1']!, answers);
  if (!scored.ok) throw new Error(JSON.stringify(scored.errors));
  return { score: scored.result.score, verdict: scored.result.verdict };
}

describe('callback configuration', () => {
  it('defaults to a survey one hour after completion, equal weights, satisfied at 90 with every answer at 80 %', () => {
    const config = loadCallbackConfig({});
    expect(config).toMatchObject({ pollMs: 500, timeZone: 'Asia/Shanghai' });
    expect(config.policy).toEqual({
      delayAfterResolutionMs: 3_600_000,
      preferredChannel: 'sms',
      quietHours: { start: '21:00', end: '08:00' },
      maxAttempts: 3,
      retrySpacingMs: 7_200_000,
      validityMs: 7 * 24 * 3_600_000,
    });
    expect(telecom(config, all(4))).toEqual({ score: 90, verdict: 'satisfied' });
    expect(telecom(config, { ...all(5), technicalLevel: 3 }).verdict).toBe('unsatisfied');
    expect(config.attemptLimit.maxAttempts).toBe(3);
    expect(Object.keys(config.questionnaires)).toEqual(['telecom-4q.v1', 'contractor-5part.v1']);
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
    expect(config.policy.delayAfterResolutionMs).toBe(1_000);
    expect(telecom(config, { contactTimeliness: 5, appointmentKeeping: 2, technicalLevel: 1, serviceAttitude: 1 })).toEqual({ score: 87.5, verdict: 'satisfied' });
  });

  it('refuses weights that sum to zero and names a bad variable', () => {
    const zero = { SURVEY_WEIGHT_CONTACT_TIMELINESS: '0', SURVEY_WEIGHT_APPOINTMENT_KEEPING: '0', SURVEY_WEIGHT_TECHNICAL_LEVEL: '0', SURVEY_WEIGHT_SERVICE_ATTITUDE: '0' };
    expect(() => loadCallbackConfig(zero)).toThrow(/weights/);
    expect(() => loadCallbackConfig({ CALLBACK_DELAY_MS: '-1' })).toThrow(/CALLBACK_DELAY_MS/);
  });

  it('reads quiet hours, the time zone and the validity window, and takes "off" for no quiet hours', () => {
    const config = loadCallbackConfig({ CALLBACK_QUIET_HOURS: '22:30-07:15', CALLBACK_TIME_ZONE: 'Europe/Berlin', CALLBACK_VALIDITY_MS: '86400000' });
    expect(config.policy).toMatchObject({ quietHours: { start: '22:30', end: '07:15' }, validityMs: 86_400_000 });
    expect(config.timeZone).toBe('Europe/Berlin');
    expect(loadCallbackConfig({ CALLBACK_QUIET_HOURS: 'off' }).policy.quietHours).toBeNull();
  });

  it('reads the customers\' time zones by region, the rest in CALLBACK_TIME_ZONE, and refuses a list it cannot use', () => {
    const config = loadCallbackConfig({ CALLBACK_REGION_TIME_ZONES: 'kashgar=Asia/Urumqi', CALLBACK_TIME_ZONE: 'Asia/Shanghai' });
    expect(config.timeZones).toEqual({ byRegion: { kashgar: 'Asia/Urumqi' }, fallback: 'Asia/Shanghai' });
    expect(loadCallbackConfig({}).timeZones).toEqual({ byRegion: {}, fallback: 'Asia/Shanghai' });
    expect(() => loadCallbackConfig({ CALLBACK_REGION_TIME_ZONES: 'kashgar=Asia/Nowhere' })).toThrow(/CALLBACK_REGION_TIME_ZONES: "Asia\/Nowhere" \(for kashgar\) is not an IANA time zone/);
  });

  it('refuses quiet hours it cannot read, an unknown time zone and a delay that outlasts the validity window, naming the variable', () => {
    expect(() => loadCallbackConfig({ CALLBACK_QUIET_HOURS: '21-8' })).toThrow(/CALLBACK_QUIET_HOURS/);
    expect(() => loadCallbackConfig({ CALLBACK_QUIET_HOURS: '25:00-08:00' })).toThrow(/CALLBACK_QUIET_HOURS/);
    expect(() => loadCallbackConfig({ CALLBACK_QUIET_HOURS: '08:00-08:00' })).toThrow(/CALLBACK_QUIET_HOURS/);
    expect(() => loadCallbackConfig({ CALLBACK_TIME_ZONE: 'Mars/Olympus_Mons' })).toThrow(/CALLBACK_TIME_ZONE/);
    expect(() => loadCallbackConfig({ CALLBACK_DELAY_MS: '7200000', CALLBACK_VALIDITY_MS: '3600000' })).toThrow(/CALLBACK_DELAY_MS/);
  });
});
