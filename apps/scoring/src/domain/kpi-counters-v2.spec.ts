import { EventRegistry, kpiDailyUpdatedSchema, type EventData, type EventType } from '@switchboard/contracts';
import { ALL_KPI_COUNTERS, COUNTED_EVENT_TYPES, completedRepairCounters, kpiDailyRecord, kpiV2IncrementFor, ratio, V2_COUNTED_EVENT_TYPES, v1Counters, type AllKpiCounters } from './kpi-counters-v2';

const at = '2026-11-24T10:00:00Z';
const example = <T extends EventType>(type: T, patch: Partial<EventData<T>> = {}) => ({
  type,
  time: at,
  data: { ...(EventRegistry[type].example as EventData<T>), ...patch },
});
const row = (over: Partial<AllKpiCounters> = {}): AllKpiCounters => ({ ...(Object.fromEntries(ALL_KPI_COUNTERS.map((c) => [c, 0])) as AllKpiCounters), ...over });

describe('KPI record v2 counters (issue 4: interception, holds, withdrawals, repeat faults by tier)', () => {
  it.each([
    ['ticket.resolved', { resolution: 'answered-by-known-issue', intercepted: true }, ['resolvedWithoutTechnician', 'intercepted']],
    ['ticket.resolved', { resolution: 'resolved-remotely', intercepted: true }, ['resolvedWithoutTechnician', 'intercepted', 'resolvedRemotely']],
    ['ticket.resolved', { resolution: 'incident-resolved', intercepted: false }, ['resolvedWithoutTechnician']],
    ['ticket.answered-by-known-issue', {}, ['answeredByKnownIssue']],
    ['ticket.held', { reason: 'known-issue' }, ['heldKnownIssue']],
    ['ticket.held', { reason: 'incident' }, ['heldIncident']],
    ['ticket.held', { reason: 'remote-support' }, ['heldRemoteSupport']],
    ['assignment.withdrawn', {}, ['withdrawn']],
    ['ticket.repeat-fault-detected', { customerTier: 'vip' }, ['repeatFaultsVip']],
    ['ticket.repeat-fault-detected', { customerTier: 'standard' }, ['repeatFaultsStandard']],
  ] as const)('%s %j counts %j', (type, patch, counters) => {
    const event = example(type, patch as never);
    expect(kpiV2IncrementFor(event)).toEqual({ region: (event.data as { region: string }).region, date: '2026-11-24', counters });
  });

  it('counts a completed repair under the tier of its ticket, and needs the ticket to know it', () => {
    const completed = example('assignment.completed');
    expect(kpiV2IncrementFor(completed)).toBe('needs-ticket-facts');
    expect(kpiV2IncrementFor(completed, { tier: 'vip', kind: 'repair' })).toEqual({ region: completed.data.region, date: '2026-11-24', counters: ['completedRepairsVip'] });
    expect(kpiV2IncrementFor(completed, { tier: 'standard', kind: 'repair' })).toMatchObject({ counters: ['completedRepairsStandard'] });
    expect(kpiV2IncrementFor(completed, { tier: 'vip', kind: 'install' })).toBeUndefined();
    expect(completedRepairCounters({ tier: 'standard', kind: 'move' })).toEqual([]);
  });

  it.each(['ticket.dispatch-requested', 'ticket.accepted', 'ticket.triaged', 'kpi.updated', 'kpi.daily-updated'] as const)('moves no v2-only counter for %s', (type) => {
    expect(kpiV2IncrementFor(example(type))).toBeUndefined();
  });

  it('listens to the v1 event types and those that move only v2 counters', () => {
    expect([...V2_COUNTED_EVENT_TYPES].sort()).toEqual(
      ['assignment.completed', 'assignment.withdrawn', 'ticket.answered-by-known-issue', 'ticket.held', 'ticket.repeat-fault-detected', 'ticket.resolved'].sort(),
    );
    expect([...COUNTED_EVENT_TYPES].sort()).toEqual(
      [
        'assignment.completed',
        'assignment.withdrawn',
        'sla.breached',
        'sla.clock-stopped',
        'sla.warning',
        'survey.completed',
        'ticket.accepted',
        'ticket.answered-by-known-issue',
        'ticket.assigned',
        'ticket.held',
        'ticket.rejected',
        'ticket.repeat-fault-detected',
        'ticket.resolved',
      ].sort(),
    );
  });
});

describe('the KPI record v2', () => {
  it('computes the interception rate (intercepted / accepted) and the repeat-report rate by tier (repeat faults / completed repairs)', () => {
    const record = kpiDailyRecord(row({ accepted: 8, intercepted: 2, repeatFaultsVip: 1, completedRepairsVip: 3, completedRepairsStandard: 0, repeatFaultsStandard: 0, withdrawn: 1 }));
    expect(record.interceptionRate).toBe(0.25);
    expect(record.byTier).toEqual({ vip: { repeatFaults: 1, completedRepairs: 3, repeatReportRate: 0.3333 }, standard: { repeatFaults: 0, completedRepairs: 0, repeatReportRate: null } });
    expect(record.counters).toMatchObject({ accepted: 8, intercepted: 2, withdrawn: 1 });
    expect(kpiDailyUpdatedSchema.safeParse({ scope: 'region', region: 'hangzhou', granularity: 'day', date: '2026-11-24', ...record, updatedAt: at }).success).toBe(true);
  });

  it('has no rate without a denominator, and never a rate above 1', () => {
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(3, 2)).toBe(1);
    expect(kpiDailyRecord(row()).interceptionRate).toBeNull();
  });

  it('keeps the v1 counters exactly, for the v1 record still published', () => {
    expect(Object.keys(v1Counters(row({ intercepted: 4, accepted: 2 })))).toEqual(Object.keys(EventRegistry['kpi.updated'].example.counters));
  });
});
