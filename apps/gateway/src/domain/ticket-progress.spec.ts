import { actionRefusal, rankOf, stateAfter, TicketStates } from './ticket-progress';

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

  it('leaves the state alone for events that do not move it', () => {
    expect(stateAfter('sla.warning', {})).toBeUndefined();
  });

  it('refuses actions on a completed assignment only', () => {
    expect(actionRefusal('completed')).toMatch(/already completed/);
    expect(actionRefusal('assigned')).toBeUndefined();
  });
});
