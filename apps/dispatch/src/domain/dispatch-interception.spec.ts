import { decideDispatchRequest, decideHold, decideResolve, explainRequested, withdrawalReason, type OpenAssignment } from './dispatch-interception';

const open = (state: OpenAssignment['state']): OpenAssignment => ({ assignmentId: 'a-1', technicianId: 'T-1', state });

describe('a dispatch request from intake', () => {
  it('places a pending ticket and a held one released to dispatch', () => {
    expect(decideDispatchRequest('pending')).toEqual({ kind: 'place' });
    expect(decideDispatchRequest('held')).toEqual({ kind: 'place' });
  });

  it('changes nothing for a ticket already waiting, placed or finished, or one dispatch never had', () => {
    expect(decideDispatchRequest('waiting')).toEqual({ kind: 'ignore', why: 'the ticket is already waiting' });
    expect(decideDispatchRequest('assigned')).toEqual({ kind: 'ignore', why: 'the ticket is already assigned' });
    expect(decideDispatchRequest('completed').kind).toBe('ignore');
    expect(decideDispatchRequest('closed').kind).toBe('ignore');
    expect(decideDispatchRequest(undefined)).toEqual({ kind: 'ignore', why: 'dispatch does not know the ticket' });
  });
});

describe('a hold from intake', () => {
  it('holds a ticket not placed yet, with nothing to withdraw', () => {
    expect(decideHold('pending', undefined)).toEqual({ kind: 'apply', to: 'held' });
    expect(decideHold('waiting', undefined)).toEqual({ kind: 'apply', to: 'held' });
  });

  it('withdraws an assignment whose technician has not reached the site yet', () => {
    for (const state of ['assigned', 'accepted', 'contacted'] as const) {
      expect(decideHold('assigned', open(state))).toEqual({ kind: 'apply', to: 'held', withdraw: open(state) });
    }
  });

  it('keeps an assignment whose technician is on site: the work goes on', () => {
    expect(decideHold('assigned', open('on-site'))).toEqual({ kind: 'keep-on-site', assignment: open('on-site') });
  });

  it('ignores a ticket already held, finished, or unknown', () => {
    expect(decideHold('held', undefined).kind).toBe('ignore');
    expect(decideHold('completed', undefined).kind).toBe('ignore');
    expect(decideHold('closed', undefined).kind).toBe('ignore');
    expect(decideHold(undefined, undefined).kind).toBe('ignore');
  });
});

describe('a resolution by intake', () => {
  it('closes the ticket from any open state', () => {
    for (const state of ['pending', 'waiting', 'held'] as const) expect(decideResolve(state, undefined)).toEqual({ kind: 'apply', to: 'closed' });
  });

  it('withdraws whatever assignment is still open, on site included', () => {
    expect(decideResolve('assigned', open('accepted'))).toEqual({ kind: 'apply', to: 'closed', withdraw: open('accepted') });
    expect(decideResolve('assigned', open('on-site'))).toEqual({ kind: 'apply', to: 'closed', withdraw: open('on-site') });
  });

  it('leaves a completed or closed ticket as it is', () => {
    expect(decideResolve('completed', undefined)).toEqual({ kind: 'ignore', why: 'the ticket is already completed' });
    expect(decideResolve('closed', undefined).kind).toBe('ignore');
    expect(decideResolve(undefined, undefined).kind).toBe('ignore');
  });
});

describe('what the decision and the withdrawal say', () => {
  it('names the lifecycle event and its reason', () => {
    expect(withdrawalReason({ type: 'ticket.held', reason: 'known-issue' })).toBe('ticket.held: known-issue');
    expect(withdrawalReason({ type: 'ticket.resolved', resolution: 'incident-resolved' })).toBe('ticket.resolved: incident-resolved');
  });

  it("puts intake's class and priority in front of the selector's explanation", () => {
    expect(explainRequested('zone-engineer: T-1', { class: 'important', priority: 65 })).toBe('important, priority 65 — zone-engineer: T-1');
    expect(explainRequested('zone-engineer: T-1', undefined)).toBe('zone-engineer: T-1');
  });
});
