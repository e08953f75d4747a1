import { actionRefusal, progressRank, PROGRESS_AFTER_WITHDRAWAL, rankOf, roundAfterReopening, roundOfNth, ShownTicketStates, shownState, stateAfter, TicketStates } from './ticket-progress';

describe('ticket progress in the read model', () => {
  it('orders the states from acceptance to closure', () => {
    const ranks = TicketStates.map(rankOf);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  });

  it.each([
    ['ticket.accepted', 'accepted'],
    ['ticket.assigned', 'assigned'],
    ['assignment.accepted', 'acknowledged'],
    ['assignment.contacted', 'contacted'],
    ['assignment.arrived', 'on-site'],
    ['assignment.completed', 'completed'],
  ])('%s moves the ticket to %s', (type, state) => {
    expect(stateAfter(type, {})).toBe(state);
  });

  it('closes a ticket only on a satisfied survey', () => {
    expect(stateAfter('survey.completed', { verdict: 'satisfied' })).toBe('closed');
    expect(stateAfter('survey.completed', { verdict: 'unsatisfied' })).toBeUndefined();
  });

  it('reopens a ticket: ticket.reopened moves it to reopened', () => {
    expect(stateAfter('ticket.reopened', {})).toBe('reopened');
  });

  describe('a reopening, the one move backwards', () => {
    it('starts round n + 1 on the n-th reopening', () => {
      expect(roundAfterReopening(1)).toBe(2);
      expect(roundAfterReopening(2)).toBe(3);
      expect([0, 1, 2].map(roundOfNth)).toEqual([1, 2, 3]);
    });

    it('outranks every state of the round before, closed included', () => {
      for (const state of TicketStates) expect(progressRank('reopened', 2)).toBeGreaterThan(progressRank(state, 1));
    });

    it('then moves forward again through the new round', () => {
      const round2 = (['reopened', 'assigned', 'acknowledged', 'contacted', 'on-site', 'completed', 'closed'] as const).map((s) => progressRank(s, 2));
      expect([...round2].sort((a, b) => a - b)).toEqual(round2);
    });

    it('never lets a late event of an earlier round move a reopened ticket', () => {
      expect(progressRank('completed', 1)).toBeLessThan(progressRank('reopened', 2));
      expect(progressRank('closed', 2)).toBeLessThan(progressRank('reopened', 3));
    });

    it('refuses a round below one', () => {
      expect(() => progressRank('accepted', 0)).toThrow(RangeError);
    });
  });

  it('leaves the state alone for events that do not move it', () => {
    expect(stateAfter('sla.warning', {})).toBeUndefined();
  });

  it('refuses actions on a completed or withdrawn assignment only', () => {
    expect(actionRefusal('completed')).toMatch(/already completed/);
    expect(actionRefusal('withdrawn')).toBe('the assignment was withdrawn (intake held or resolved its ticket)');
    expect(actionRefusal('assigned')).toBeUndefined();
  });
});

describe("intake's interception on a ticket's view (issue 4)", () => {
  const none = { holdReason: null, resolution: null };

  it('shows the progress when nothing intercepted the ticket', () => {
    for (const state of TicketStates) expect(shownState(state, none)).toBe(state);
  });

  it('shows a ticket answered by a known issue as answered, any other resolution as resolved, whatever its progress', () => {
    expect(shownState('accepted', { holdReason: null, resolution: 'answered-by-known-issue' })).toBe('answered');
    for (const resolution of ['known-issue-closed', 'incident-resolved', 'resolved-remotely']) {
      expect(shownState('accepted', { holdReason: 'incident', resolution })).toBe('resolved');
      expect(shownState('on-site', { holdReason: null, resolution })).toBe('resolved');
    }
  });

  it('shows a held ticket as held until the technician is on site, who finishes the job', () => {
    for (const state of ['accepted', 'unassigned', 'assigned', 'acknowledged', 'contacted'] as const) expect(shownState(state, { holdReason: 'known-issue', resolution: null })).toBe('held');
    for (const state of ['on-site', 'completed', 'closed'] as const) expect(shownState(state, { holdReason: 'known-issue', resolution: null })).toBe(state);
  });

  it('offers the interception states to the list filter beside the progress', () => {
    expect(ShownTicketStates).toEqual([...TicketStates, 'held', 'answered', 'resolved']);
  });

  it('takes the progress of a withdrawn assignment back to accepted, within its round', () => {
    expect(PROGRESS_AFTER_WITHDRAWAL).toBe('accepted');
    expect(progressRank(PROGRESS_AFTER_WITHDRAWAL, 1)).toBeLessThan(progressRank('assigned', 1));
    expect(progressRank(PROGRESS_AFTER_WITHDRAWAL, 2)).toBeGreaterThan(progressRank('closed', 1));
  });
});
