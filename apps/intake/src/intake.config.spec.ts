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

  it('keeps remote pre-handling off by default, parks updates for 24 h, and names a bad rule', () => {
    const config = loadIntakeConfig({});
    expect(config.remoteSupport.enabled).toBe(false);
    expect(config.parkedUpdates.ttlHours).toBe(24);
    const on = loadIntakeConfig({ REMOTE_SUPPORT_KINDS: 'repair:iptv', REMOTE_SUPPORT_HOLD_MINUTES: '0.5', PARKED_UPDATE_TTL_HOURS: '0.01' });
    expect(on.remoteSupport.rules).toEqual([{ kind: 'repair', service: 'iptv' }]);
    expect(on.remoteSupport.defaultHoldMinutes).toBe(0.5);
    expect(on.parkedUpdates.ttlHours).toBe(0.01);
    expect(() => loadIntakeConfig({ REMOTE_SUPPORT_KINDS: 'repair:fax' })).toThrow(/REMOTE_SUPPORT_KINDS: .*unknown service "fax"/);
    expect(() => loadIntakeConfig({ REMOTE_SUPPORT_HOLD_MINUTES: '0' })).toThrow(/REMOTE_SUPPORT_HOLD_MINUTES/);
  });

  it('reads the incident rule (source 003: 3 cells, more than 5, an hour) and refuses a bad number', () => {
    expect(loadIntakeConfig({}).incidents.rules).toEqual({ maxCells: 3, minComplaints: 5, windowMinutes: 60, adjacentKm: 2 });
    const config = loadIntakeConfig({ INCIDENT_MAX_CELLS: '2', INCIDENT_MIN_COMPLAINTS: '9', INCIDENT_WINDOW_MINUTES: '30', INCIDENT_ADJACENT_KM: '0.5' });
    expect(config.incidents.rules).toEqual({ maxCells: 2, minComplaints: 9, windowMinutes: 30, adjacentKm: 0.5 });
    expect(() => loadIntakeConfig({ INCIDENT_MAX_CELLS: '0' })).toThrow(/INCIDENT_MAX_CELLS/);
  });
});
