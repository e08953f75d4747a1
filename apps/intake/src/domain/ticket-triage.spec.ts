import { DEFAULT_TRIAGE_WEIGHTS, TicketTriage, type TriageInput } from './ticket-triage';

const acceptedAt = new Date('2026-11-24T10:00:00Z');
const base: TriageInput = { tier: 'standard', kind: 'repair', service: 'broadband', repeatFault: false, reportedAt: acceptedAt, acceptedAt };
const hoursBefore = (h: number) => new Date(acceptedAt.getTime() - h * 3_600_000);

describe('TicketTriage (domain.md §2 sorting, §3 VIP first)', () => {
  const triage = new TicketTriage();

  it('puts a VIP first: a VIP repair is important, the same repair of a standard customer general', () => {
    const vip = triage.triage({ ...base, tier: 'vip' });
    const standard = triage.triage(base);
    expect(vip).toMatchObject({ class: 'important', priority: 65 });
    expect(standard).toMatchObject({ class: 'general', priority: 25 });
  });

  it('ranks complaints and repairs before installs and moves', () => {
    const complaint = triage.triage({ ...base, kind: 'complaint' }).priority;
    const install = triage.triage({ ...base, kind: 'install' }).priority;
    const move = triage.triage({ ...base, kind: 'move' }).priority;
    expect(complaint).toBe(triage.triage(base).priority);
    expect(complaint).toBeGreaterThan(install);
    expect(install).toBe(move);
  });

  it('raises a repeat fault', () => {
    expect(triage.triage({ ...base, repeatFault: true }).priority - triage.triage(base).priority).toBe(DEFAULT_TRIAGE_WEIGHTS.repeatFault);
  });

  it('adds a point per full hour waited, up to the cap, and nothing for a report dated after acceptance', () => {
    expect(triage.triage({ ...base, reportedAt: hoursBefore(3.5) }).priority).toBe(28);
    expect(triage.triage({ ...base, reportedAt: hoursBefore(100) }).priority).toBe(40);
    expect(triage.triage({ ...base, reportedAt: hoursBefore(-2) }).priority).toBe(25);
  });

  it('lists one reason per factor', () => {
    expect(triage.triage({ ...base, tier: 'vip', repeatFault: true, reportedAt: hoursBefore(2) }).reasons).toEqual([
      'tier vip +40',
      'kind repair +20',
      'service broadband +5',
      'repeat fault +20',
      'age 2h +2',
    ]);
    expect(triage.triage({ ...base, service: 'iptv' }).reasons).toEqual(['tier standard +0', 'kind repair +20', 'service iptv +0', 'not a repeat fault +0', 'age 0h +0']);
  });

  it('is important from the threshold on, and never above 100', () => {
    const t = new TicketTriage({ ...DEFAULT_TRIAGE_WEIGHTS, importantMinPriority: 45 });
    expect(t.triage({ ...base, repeatFault: true })).toMatchObject({ class: 'important', priority: 45 });
    expect(t.triage({ ...base, repeatFault: true, service: 'iptv' })).toMatchObject({ class: 'general', priority: 40 });
    const heavy = new TicketTriage({ ...DEFAULT_TRIAGE_WEIGHTS, tier: { vip: 90, standard: 0 } });
    expect(heavy.triage({ ...base, tier: 'vip', repeatFault: true }).priority).toBe(100);
  });

  it('raises a child of a mass-complaint incident so that it is handled first, with the reason last', () => {
    const complaint: TriageInput = { ...base, kind: 'complaint', service: 'mobile' };
    const child = triage.triage({ ...complaint, incident: true });
    expect(child.priority - triage.triage(complaint).priority).toBe(DEFAULT_TRIAGE_WEIGHTS.incident);
    expect(child.class).toBe('important');
    expect(triage.triage(complaint).class).toBe('general');
    expect(child.reasons.at(-1)).toBe(`incident member +${DEFAULT_TRIAGE_WEIGHTS.incident}`);
    expect(triage.triage({ ...complaint, incident: false }).reasons).toHaveLength(5);
  });
});
