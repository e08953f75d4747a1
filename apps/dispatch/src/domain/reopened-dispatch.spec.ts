import { byDispatchPriority, explainRedispatch } from './reopened-dispatch';

describe('dispatching a reopened ticket', () => {
  it('records the reopening and its raised priority in the decision', () => {
    expect(explainRedispatch('zone-engineer: t1 — …', { count: 1, priority: 'high' })).toBe(
      'reopened once after an unsatisfied callback, priority high — zone-engineer: t1 — …',
    );
    expect(explainRedispatch('x', { count: 2, priority: 'urgent' })).toMatch(/^reopened 2 times after an unsatisfied callback, priority urgent — x$/);
  });

  it('leaves the decision of a first dispatch as it is', () => {
    expect(explainRedispatch('zone-engineer: t1', undefined)).toBe('zone-engineer: t1');
  });

  it('places waiting reopened tickets first, the most urgent first, else oldest first', () => {
    const waiting = [
      { id: 'a' },
      { id: 'b', reopen: { count: 1, priority: 'high' as const } },
      { id: 'c' },
      { id: 'd', reopen: { count: 2, priority: 'urgent' as const } },
      { id: 'e', reopen: { count: 1, priority: 'high' as const } },
    ];
    expect(byDispatchPriority(waiting).map((t) => t.id)).toEqual(['d', 'b', 'e', 'a', 'c']);
  });
});

describe("ordering the waiting queue by intake's sorting", () => {
  it('places important before general, the higher priority first, then the oldest; a reopening still goes first', () => {
    const waiting = [
      { id: 'old-general-10', request: { class: 'general' as const, priority: 10 } },
      { id: 'legacy' },
      { id: 'important-60', request: { class: 'important' as const, priority: 60 } },
      { id: 'general-40', request: { class: 'general' as const, priority: 40 } },
      { id: 'important-80', request: { class: 'important' as const, priority: 80 } },
      { id: 'new-general-10', request: { class: 'general' as const, priority: 10 } },
      { id: 'reopened', reopen: { count: 1, priority: 'high' as const }, request: { class: 'general' as const, priority: 0 } },
    ];
    expect(byDispatchPriority(waiting).map((t) => t.id)).toEqual(['reopened', 'important-80', 'important-60', 'general-40', 'old-general-10', 'new-general-10', 'legacy']);
  });
});
