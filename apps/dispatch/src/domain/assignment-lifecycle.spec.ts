import { AssignmentLifecycle, type AssignmentAction, type AssignmentSnapshot, type AssignmentState } from './assignment-lifecycle';

const at = (state: AssignmentState, accepted = state !== 'assigned'): AssignmentSnapshot => ({ state, technicianId: 'T-1', accepted });
const decide = (a: AssignmentSnapshot | undefined, action: AssignmentAction, extra: { technicianId?: string; resolutionCode?: string } = {}) =>
  AssignmentLifecycle.decide(a, { action, resolutionCode: action === 'complete' ? 'fixed' : undefined, ...extra });

describe('AssignmentLifecycle (assigned → accepted → contacted → on-site → completed)', () => {
  it('starts assigned', () => {
    expect(AssignmentLifecycle.initial).toBe('assigned');
  });

  it.each([
    ['assigned', 'accept', 'accepted', 'assignment.accepted'],
    ['assigned', 'contact', 'contacted', 'assignment.contacted'],
    ['accepted', 'contact', 'contacted', 'assignment.contacted'],
    ['contacted', 'arrive', 'on-site', 'assignment.arrived'],
    ['on-site', 'complete', 'completed', 'assignment.completed'],
  ] as const)('allows %s --%s--> %s (%s)', (from, action, to, event) => {
    expect(decide(at(from), action)).toEqual({ kind: 'transition', from, to, event });
  });

  it('allows the first contact before an explicit accept', () => {
    expect(decide(at('assigned', false), 'contact')).toMatchObject({ kind: 'transition', to: 'contacted' });
  });

  it.each([
    ['assigned', 'arrive', 'contact the customer first'],
    ['accepted', 'arrive', 'contact the customer first'],
    ['assigned', 'complete', 'arrive first'],
    ['accepted', 'complete', 'arrive first'],
    ['contacted', 'complete', 'arrive first'],
  ] as const)('refuses %s --%s--> (out of order)', (from, action, hint) => {
    const d = decide(at(from), action);
    expect(d).toMatchObject({ kind: 'refused', code: 'ASSIGNMENT.INVALID_TRANSITION' });
    expect(d.kind === 'refused' && d.message).toBe(`cannot ${action === 'arrive' ? 'arrive for' : 'complete'} an assignment that is ${from}; ${hint}`);
  });

  it.each(['contacted', 'on-site', 'completed'] as const)('refuses a late accept on an assignment that is %s without ever being accepted', (state) => {
    const d = decide(at(state, false), 'accept');
    expect(d).toMatchObject({ kind: 'refused', code: 'ASSIGNMENT.INVALID_TRANSITION' });
    expect(d.kind === 'refused' && d.message).toBe(`cannot accept an assignment that is ${state}; it has already moved past acceptance`);
  });

  it.each([
    ['accepted', 'accept'],
    ['contacted', 'accept'],
    ['completed', 'accept'],
    ['contacted', 'contact'],
    ['on-site', 'contact'],
    ['completed', 'contact'],
    ['on-site', 'arrive'],
    ['completed', 'arrive'],
    ['completed', 'complete'],
  ] as const)('treats %s + %s as a repeat of a transition already made (no event, no error)', (state, action) => {
    expect(decide(at(state), action)).toEqual({ kind: 'repeat' });
  });

  it('refuses a command for an unknown assignment', () => {
    expect(decide(undefined, 'accept')).toMatchObject({ kind: 'refused', code: 'ASSIGNMENT.NOT_FOUND' });
  });

  it('refuses a command from another technician, even a repeat', () => {
    expect(decide(at('assigned'), 'accept', { technicianId: 'T-2' })).toEqual({
      kind: 'refused',
      code: 'ASSIGNMENT.WRONG_TECHNICIAN',
      message: 'the assignment belongs to technician T-1, not T-2',
    });
    expect(decide(at('accepted'), 'accept', { technicianId: 'T-2' })).toMatchObject({ code: 'ASSIGNMENT.WRONG_TECHNICIAN' });
  });

  it('accepts a command that names the right technician or none', () => {
    expect(decide(at('assigned'), 'accept', { technicianId: 'T-1' })).toMatchObject({ kind: 'transition' });
    expect(decide(at('assigned'), 'accept', {})).toMatchObject({ kind: 'transition' });
  });

  it('refuses a completion without a resolution code', () => {
    expect(AssignmentLifecycle.decide(at('on-site'), { action: 'complete' })).toMatchObject({ kind: 'refused', code: 'ASSIGNMENT.RESOLUTION_CODE_REQUIRED' });
    expect(AssignmentLifecycle.decide(at('on-site'), { action: 'complete', resolutionCode: '' })).toMatchObject({ code: 'ASSIGNMENT.RESOLUTION_CODE_REQUIRED' });
  });

  it('refuses every step on a withdrawn assignment, a repeat included, saying why it was withdrawn', () => {
    const withdrawn = { state: 'withdrawn' as const, technicianId: 'T-1', accepted: true, withdrawalReason: 'ticket.held: known-issue' };
    for (const action of ['accept', 'contact', 'arrive', 'complete'] as const) {
      expect(AssignmentLifecycle.decide(withdrawn, { action, resolutionCode: 'fixed' })).toEqual({
        kind: 'refused',
        code: 'ASSIGNMENT.WITHDRAWN',
        message: 'the assignment was withdrawn (ticket.held: known-issue); there is nothing more to do on it',
      });
    }
  });
});
