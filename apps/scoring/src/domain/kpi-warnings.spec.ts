import { DEFAULT_KPI_THRESHOLDS, isOffTarget, parseKpiThresholds, warningTransition } from './kpi-warnings';

const satisfaction = DEFAULT_KPI_THRESHOLDS.satisfaction!;

describe('KPI warnings', () => {
  it('satisfaction below 80 % is off target; exactly 80 % is not', () => {
    expect(isOffTarget('satisfaction', 'region', 4, 5, satisfaction)).toBe(false); // 0.8
    expect(isOffTarget('satisfaction', 'region', 79, 100, satisfaction)).toBe(true); // 0.79
    expect(isOffTarget('satisfaction', 'region', 0, 0, satisfaction)).toBe(false); // nothing to judge
  });

  it('the defaults follow domain.md §6', () => {
    expect(DEFAULT_KPI_THRESHOLDS).toEqual({
      satisfaction: { direction: 'below', threshold: 0.8, minDenominator: 1 },
      'first-response-on-time': { direction: 'below', threshold: 0.9229, minDenominator: 1 },
      'resolution-on-time': { direction: 'below', threshold: 0.9345, minDenominator: 1 },
      'callback-ratio': { direction: 'below', threshold: 1, minDenominator: 1 },
    });
    expect(isOffTarget('callback-ratio', 'technician', 99, 100, DEFAULT_KPI_THRESHOLDS['callback-ratio']!)).toBe(true);
    expect(isOffTarget('callback-ratio', 'technician', 100, 100, DEFAULT_KPI_THRESHOLDS['callback-ratio']!)).toBe(false);
  });

  it('waits for the minimum denominator, and takes a per-scope threshold', () => {
    const t = { direction: 'below' as const, threshold: 0.8, minDenominator: 10, byScope: { technician: 0.7 } };
    expect(isOffTarget('satisfaction', 'region', 0, 9, t)).toBe(false);
    expect(isOffTarget('satisfaction', 'region', 7, 10, t)).toBe(true);
    expect(isOffTarget('satisfaction', 'technician', 7, 10, t)).toBe(false); // 0.7 is not below 0.7
    expect(isOffTarget('satisfaction', 'technician', 6, 10, t)).toBe(true);
  });

  it('counts warn above their threshold', () => {
    const t = { direction: 'above' as const, threshold: 2, minDenominator: 1 };
    expect(isOffTarget('sla-breaches', 'group', 2, 0, t)).toBe(false);
    expect(isOffTarget('sla-breaches', 'group', 3, 0, t)).toBe(true);
  });

  it('raises once per crossing: raise, then nothing while off target, clear when back, raise again', () => {
    expect(warningTransition(false, true)).toBe('raise');
    expect(warningTransition(true, true)).toBe('none');
    expect(warningTransition(true, false)).toBe('clear');
    expect(warningTransition(false, false)).toBe('none');
  });

  it('reads overrides, removes a KPI with null, refuses unknown names and bad numbers', () => {
    const t = parseKpiThresholds('{"satisfaction":{"threshold":0.9,"minDenominator":5},"callback-ratio":null,"sla-breaches":{"direction":"above","threshold":3}}');
    expect(t.satisfaction).toEqual({ direction: 'below', threshold: 0.9, minDenominator: 5 });
    expect(t['callback-ratio']).toBeUndefined();
    expect(t['sla-breaches']).toEqual({ direction: 'above', threshold: 3, minDenominator: 1 });
    expect(parseKpiThresholds(undefined)).toBe(DEFAULT_KPI_THRESHOLDS);
    expect(() => parseKpiThresholds('{"nps":{"threshold":1}}')).toThrow('unknown KPI nps');
    expect(() => parseKpiThresholds('{"satisfaction":{"threshold":-1}}')).toThrow('threshold');
    expect(() => parseKpiThresholds('{"satisfaction":{"minDenominator":0}}')).toThrow('minDenominator');
    expect(() => parseKpiThresholds('{"satisfaction":{"byScope":{"planet":0.5}}}')).toThrow('byScope.planet');
  });
});
