import { ComplaintPointsConfigError, ComplaintPointsRule, DEFAULT_COMPLAINT_POINTS, type PeriodComplaint } from './complaint-points';

const c = (complaintId: string, cause: PeriodComplaint['cause'], severity: PeriodComplaint['severity'] = 'general'): PeriodComplaint => ({ complaintId, cause, severity });

describe('complaint points (source 000 投诉考核机制)', () => {
  const rule = new ComplaintPointsRule();

  it.each([
    ['a quality complaint', c('C1', 'quality'), -1],
    ['a safety or civility complaint', c('C1', 'safety-civility'), -2],
    ['a resource-shortage complaint', c('C1', 'resource'), -1],
    ['an escalated complaint', c('C1', 'quality', 'escalated'), -3],
    ['a severe complaint', c('C1', 'safety-civility', 'severe'), -10],
  ])('costs %s its points', (_, complaint, points) => {
    expect(rule.score([complaint], 12).points).toBe(points);
  });

  it('adds up a month line by line: 2 quality, 1 civility, 1 escalated, 1 severe = −17', () => {
    const result = rule.score([c('C1', 'quality'), c('C2', 'quality'), c('C3', 'safety-civility'), c('C4', 'resource', 'escalated'), c('C5', 'quality', 'severe')], 40);
    expect(result.lines.map((l) => [l.code, l.quantity, l.rate, l.amount])).toEqual([
      ['complaint:general:quality', 2, -1, -2],
      ['complaint:general:safety-civility', 1, -2, -2],
      ['complaint:escalated', 1, -3, -3],
      ['complaint:severe', 1, -10, -10],
    ]);
    expect(result).toMatchObject({ complaints: 5, points: -17 });
  });

  it('rewards a month without any complaint with +10, but only when work was done', () => {
    expect(rule.score([], 1)).toMatchObject({ complaints: 0, points: 10, lines: [{ code: 'complaint:zero', amount: 10 }] });
    expect(rule.score([], 0)).toMatchObject({ complaints: 0, points: 0, lines: [] });
    // one complaint of −1 loses the +10 as well: the difference between 0 and 1 complaint is 11 points
    expect(rule.score([c('C1', 'resource')], 30).points).toBe(-1);
  });

  it('counts a complaint once, at its most serious classification, in any input order', () => {
    const escalatedLater = [c('C1', 'quality'), c('C1', 'quality', 'escalated')];
    expect(rule.score(escalatedLater, 5).points).toBe(-3);
    expect(rule.score([...escalatedLater].reverse(), 5).points).toBe(-3);
    const reclassified = [c('C2', 'resource'), c('C2', 'safety-civility')];
    expect(rule.score(reclassified, 5).points).toBe(-2);
    expect(rule.score([...reclassified].reverse(), 5).points).toBe(-2);
  });

  it('refuses a complaint of an unknown cause or severity', () => {
    expect(() => rule.score([c('C1', 'noise' as PeriodComplaint['cause'])], 1)).toThrow(/unknown cause noise/);
    expect(() => rule.score([c('C1', 'quality', 'urgent' as PeriodComplaint['severity'])], 1)).toThrow(/severity urgent/);
  });

  it('takes its table from configuration', () => {
    const strict = new ComplaintPointsRule({ ...DEFAULT_COMPLAINT_POINTS, escalated: -5, zeroComplaints: 6 });
    expect(strict.score([c('C1', 'quality', 'escalated')], 3).points).toBe(-5);
    expect(strict.score([], 3).points).toBe(6);
  });

  it.each([
    ['a deduction that rewards', { escalated: 3 }, /escalated must be a whole number of points ≤ 0, got 3/],
    ['a cause that rewards', { general: { quality: 1, 'safety-civility': -2, resource: -1 } }, /general.quality/],
    ['a negative zero-complaint reward', { zeroComplaints: -10 }, /zeroComplaints/],
    ['half points', { severe: -7.5 }, /severe/],
  ])('refuses a table with %s', (_, patch, message) => {
    expect(() => new ComplaintPointsRule({ ...DEFAULT_COMPLAINT_POINTS, ...patch })).toThrow(ComplaintPointsConfigError);
    expect(() => new ComplaintPointsRule({ ...DEFAULT_COMPLAINT_POINTS, ...patch })).toThrow(message);
  });
});
