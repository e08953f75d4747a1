import { RepeatFaultDetector, type CompletedTicket, type NewTicketForRepeatCheck } from './repeat-fault-detector';

const DAY = 86_400_000;
const acceptedAt = new Date('2026-11-24T10:00:00Z');
const ticket: NewTicketForRepeatCheck = { ticketId: 'new', customerId: 'C-1', service: 'broadband', kind: 'repair', acceptedAt };
const completedDaysAgo = (days: number, over: Partial<CompletedTicket> = {}): CompletedTicket => ({
  ticketId: `prev-${days}`,
  customerId: 'C-1',
  service: 'broadband',
  kind: 'repair',
  completedAt: new Date(acceptedAt.getTime() - days * DAY),
  ...over,
});

describe('RepeatFaultDetector (domain.md §2 重复障碍)', () => {
  const detector = new RepeatFaultDetector(30);

  it('is a repeat when the same customer and service report a repair within the window after a completed repair', () => {
    expect(detector.detect(ticket, [completedDaysAgo(6.5)])).toEqual({ repeat: true, previousTicketId: 'prev-6.5', daysSinceCompletion: 6 });
    expect(detector.detect(ticket, [completedDaysAgo(30)])).toMatchObject({ repeat: true, daysSinceCompletion: 30 });
  });

  it('is not a repeat outside the window', () => {
    expect(detector.detect(ticket, [completedDaysAgo(30.01)])).toEqual({ repeat: false, why: 'outside-window' });
    expect(new RepeatFaultDetector(7).detect(ticket, [completedDaysAgo(8)])).toEqual({ repeat: false, why: 'outside-window' });
  });

  it('needs the same service and the same customer line', () => {
    expect(detector.detect(ticket, [completedDaysAgo(2, { service: 'mobile' })])).toEqual({ repeat: false, why: 'no-completed-repair' });
    expect(detector.detect(ticket, [completedDaysAgo(2, { customerId: 'C-2' })])).toEqual({ repeat: false, why: 'no-completed-repair' });
  });

  it('needs a completion before the new ticket was accepted', () => {
    expect(detector.detect(ticket, [])).toEqual({ repeat: false, why: 'no-completed-repair' });
    expect(detector.detect(ticket, [completedDaysAgo(-1)])).toEqual({ repeat: false, why: 'no-completed-repair' });
    expect(detector.detect(ticket, [completedDaysAgo(1, { ticketId: 'new' })])).toEqual({ repeat: false, why: 'no-completed-repair' });
  });

  it('counts repairs only: an install, move or complaint neither is nor makes a repeat fault', () => {
    for (const kind of ['install', 'move', 'complaint'] as const) {
      expect(detector.detect({ ...ticket, kind }, [completedDaysAgo(1)])).toEqual({ repeat: false, why: 'not-a-repair' });
      expect(detector.detect(ticket, [completedDaysAgo(1, { kind })])).toEqual({ repeat: false, why: 'no-completed-repair' });
    }
  });

  it('names the latest completed repair when there are several', () => {
    expect(detector.detect(ticket, [completedDaysAgo(20), completedDaysAgo(3), completedDaysAgo(10)])).toMatchObject({ repeat: true, previousTicketId: 'prev-3', daysSinceCompletion: 3 });
  });

  it('refuses a window that is not a positive number of days', () => {
    expect(() => new RepeatFaultDetector(0)).toThrow(/window/);
  });
});
