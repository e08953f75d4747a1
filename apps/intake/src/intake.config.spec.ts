import { loadIntakeConfig } from './intake.config';

describe('intake configuration', () => {
  it('defaults to a 30-day repeat window and the documented triage weights', () => {
    const config = loadIntakeConfig({});
    expect(config.repeatFaults.windowDays).toBe(30);
    expect(config.triage.weights).toMatchObject({ tier: { vip: 40, standard: 0 }, repeatFault: 20, importantMinPriority: 60 });
  });

  it('reads the window and the weights from the environment and names a bad variable', () => {
    const config = loadIntakeConfig({ REPEAT_FAULT_WINDOW_DAYS: '14', TRIAGE_WEIGHT_TIER_VIP: '50', TRIAGE_IMPORTANT_MIN_PRIORITY: '70' });
    expect(config.repeatFaults.windowDays).toBe(14);
    expect(config.triage.weights.tier.vip).toBe(50);
    expect(config.triage.weights.importantMinPriority).toBe(70);
    expect(() => loadIntakeConfig({ REPEAT_FAULT_WINDOW_DAYS: '0' })).toThrow(/REPEAT_FAULT_WINDOW_DAYS/);
  });
});
