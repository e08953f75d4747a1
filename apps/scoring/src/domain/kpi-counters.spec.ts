import { EventRegistry, type EventData, type EventType } from '@switchboard/contracts';
import { KPI_COUNTERS, V1_COUNTED_EVENT_TYPES, kpiDayOf, kpiIncrementFor, kpiRegion, UNKNOWN_REGION, zeroCounters } from './kpi-counters';

const at = '2026-11-24T10:00:00Z';
const example = <T extends EventType>(type: T, patch: Partial<EventData<T>> = {}) => ({
  type,
  time: at,
  data: { ...(EventRegistry[type].example as EventData<T>), ...patch },
});

describe('KPI counter rules (issue 3 §7)', () => {
  it.each([
    ['ticket.accepted', {}, ['received', 'accepted']],
    ['ticket.rejected', { region: 'hangzhou' }, ['received', 'rejected']],
    ['ticket.assigned', {}, ['assigned']],
    ['sla.clock-stopped', { metric: 'first-response', met: true }, ['firstResponseOnTime']],
    ['sla.clock-stopped', { metric: 'first-response', met: false }, ['firstResponseLate']],
    ['sla.warning', {}, ['warned']],
    ['sla.warning', { metric: 'resolution' }, ['warned']],
    ['sla.breached', {}, ['breached']],
    ['assignment.completed', {}, ['completed']],
    ['survey.completed', { verdict: 'satisfied' }, ['surveyed', 'satisfied']],
    ['survey.completed', { verdict: 'unsatisfied' }, ['surveyed']],
  ] as const)('%s %j counts %j in its region and day', (type, patch, counters) => {
    expect(kpiIncrementFor(example(type, patch as never))).toEqual({ region: 'hangzhou', date: '2026-11-24', counters });
  });

  it('takes the region of an accepted ticket from its location', () => {
    const event = example('ticket.accepted');
    event.data = { ...event.data, location: { ...event.data.location, region: 'ningbo' } };
    expect(kpiIncrementFor(event)?.region).toBe('ningbo');
  });

  it('counts a rejected ticket without a readable region under "unknown"', () => {
    const withoutRegion: EventData<'ticket.rejected'> = { ...(EventRegistry['ticket.rejected'].example as EventData<'ticket.rejected'>) };
    delete withoutRegion.region;
    expect(kpiIncrementFor({ type: 'ticket.rejected', time: at, data: withoutRegion })).toEqual({
      region: UNKNOWN_REGION,
      date: '2026-11-24',
      counters: ['received', 'rejected'],
    });
    expect(kpiIncrementFor(example('ticket.rejected', { region: 'Hang Zhou 杭州' }))?.region).toBe(UNKNOWN_REGION);
    expect(kpiIncrementFor(example('ticket.rejected', { region: '' }))?.region).toBe(UNKNOWN_REGION);
  });

  it('does not count a stopped resolution clock', () => {
    expect(kpiIncrementFor(example('sla.clock-stopped', { metric: 'resolution', met: true }))).toBeUndefined();
  });

  it.each(['ticket.received', 'ticket.unassignable', 'assignment.accepted', 'assignment.contacted', 'assignment.arrived', 'survey.scheduled', 'sla.clock-started', 'kpi.updated'] as const)(
    'ignores %s',
    (type) => {
      expect(kpiIncrementFor(example(type))).toBeUndefined();
    },
  );

  it('lists exactly the event types that move a v1 counter', () => {
    expect([...V1_COUNTED_EVENT_TYPES].sort()).toEqual(
      ['assignment.completed', 'sla.breached', 'sla.clock-stopped', 'sla.warning', 'survey.completed', 'ticket.accepted', 'ticket.assigned', 'ticket.rejected'].sort(),
    );
  });

  it('uses the UTC date of the event time as the day', () => {
    expect(kpiDayOf('2026-11-24T07:30:00+08:00')).toBe('2026-11-23');
    expect(kpiDayOf('2026-11-23T23:30:00-02:00')).toBe('2026-11-24');
    expect(kpiDayOf('2026-11-24T00:00:00Z')).toBe('2026-11-24');
    expect(kpiIncrementFor({ ...example('ticket.assigned'), time: '2026-11-25T06:00:00+08:00' })?.date).toBe('2026-11-24');
    expect(() => kpiDayOf('yesterday')).toThrow('not a timestamp');
  });

  it('keeps a valid region code as it is', () => {
    expect(kpiRegion('r-1a2b3c4d')).toBe('r-1a2b3c4d');
    expect(kpiRegion(undefined)).toBe(UNKNOWN_REGION);
  });

  it('starts every counter at zero', () => {
    expect(Object.keys(zeroCounters())).toEqual([...KPI_COUNTERS]);
    expect(Object.values(zeroCounters()).every((v) => v === 0)).toBe(true);
  });
});
