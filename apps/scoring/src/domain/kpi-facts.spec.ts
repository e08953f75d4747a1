import { EventRegistry, type EventData, type EventType } from '@switchboard/contracts';
import { KPI_WINDOW_EVENT_TYPES, kpiFactsOf, kpiValue } from './kpi-facts';

const facts = <T extends EventType>(type: T, patch: Partial<EventData<T>> = {}) =>
  kpiFactsOf({ type, data: { ...(EventRegistry[type].example as EventData<T>), ...patch } });

describe('KPI facts: what each event counts', () => {
  it('an accepted ticket counts one ticket and one toward the interception rate’s denominator', () => {
    expect(facts('ticket.accepted')).toEqual({
      ticketId: EventRegistry['ticket.accepted'].example.ticketId,
      region: 'hangzhou',
      facts: [
        { kpi: 'tickets-accepted', numerator: 1, denominator: 0 },
        { kpi: 'interception-rate', numerator: 0, denominator: 1 },
      ],
    });
  });

  it('a stopped clock: first response or resolution on time, met or not', () => {
    expect(facts('sla.clock-stopped', { metric: 'first-response', met: true })?.facts).toEqual([{ kpi: 'first-response-on-time', numerator: 1, denominator: 1 }]);
    expect(facts('sla.clock-stopped', { metric: 'first-response', met: false })?.facts).toEqual([{ kpi: 'first-response-on-time', numerator: 0, denominator: 1 }]);
    expect(facts('sla.clock-stopped', { metric: 'resolution', met: false })?.facts).toEqual([{ kpi: 'resolution-on-time', numerator: 0, denominator: 1 }]);
  });

  it('a survey: satisfaction by its verdict, each question satisfied at 4 or 5 (3 is not)', () => {
    const f = facts('survey.completed', { verdict: 'unsatisfied', answers: { contactTimeliness: 4, appointmentKeeping: 3, technicalLevel: 5, serviceAttitude: 1 } })!.facts;
    expect(f).toEqual([
      { kpi: 'satisfaction', numerator: 0, denominator: 1 },
      { kpi: 'contact-timeliness', numerator: 1, denominator: 1 },
      { kpi: 'appointment-keeping', numerator: 0, denominator: 1 },
      { kpi: 'technical-level', numerator: 1, denominator: 1 },
      { kpi: 'service-attitude', numerator: 0, denominator: 1 },
    ]);
  });

  it('a callback closed answered or unreachable; reopenings and repeat faults over completions; interceptions; counts', () => {
    expect(facts('callback.closed', { status: 'answered' })?.facts).toEqual([{ kpi: 'callback-ratio', numerator: 1, denominator: 1 }]);
    expect(facts('callback.closed', { status: 'unreachable' })?.facts).toEqual([{ kpi: 'callback-ratio', numerator: 0, denominator: 1 }]);
    const done = facts('assignment.completed');
    expect(done?.technicianId).toBe('T-XH-01');
    expect(done?.facts).toEqual([
      { kpi: 'reopen-rate', numerator: 0, denominator: 1 },
      { kpi: 'repeat-report-rate', numerator: 0, denominator: 1 },
    ]);
    expect(facts('ticket.reopened')?.facts).toEqual([{ kpi: 'reopen-rate', numerator: 1, denominator: 0 }]);
    expect(facts('ticket.repeat-fault-detected')?.facts).toEqual([{ kpi: 'repeat-report-rate', numerator: 1, denominator: 0 }]);
    expect(facts('ticket.resolved', { intercepted: true })?.facts).toEqual([{ kpi: 'interception-rate', numerator: 1, denominator: 0 }]);
    expect(facts('ticket.resolved', { intercepted: false })).toBeUndefined();
    expect(facts('sla.warning')?.facts).toEqual([{ kpi: 'sla-warnings', numerator: 1, denominator: 0 }]);
    expect(facts('sla.breached')?.facts).toEqual([{ kpi: 'sla-breaches', numerator: 1, denominator: 0 }]);
    expect(facts('ticket.escalated-to-management')?.facts).toEqual([{ kpi: 'escalations', numerator: 1, denominator: 0 }]);
    expect(facts('ticket.assigned')).toBeUndefined();
  });

  it('values: 4 decimals, null for counts and without a denominator', () => {
    expect(kpiValue('satisfaction', 2, 3)).toBe(0.6667);
    expect(kpiValue('satisfaction', 0, 0)).toBeNull();
    expect(kpiValue('sla-breaches', 3, 0)).toBeNull();
    expect(kpiValue('reopen-rate', 3, 2)).toBe(1.5);
  });

  it('consumes the counted events and the events that place them in scopes', () => {
    expect([...KPI_WINDOW_EVENT_TYPES].sort()).toEqual(
      [
        'ticket.accepted',
        'sla.clock-stopped',
        'sla.warning',
        'sla.breached',
        'survey.completed',
        'callback.closed',
        'assignment.completed',
        'ticket.reopened',
        'ticket.repeat-fault-detected',
        'ticket.resolved',
        'ticket.escalated-to-management',
        'ticket.assigned',
        'technician.registered',
      ].sort(),
    );
  });
});
