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
