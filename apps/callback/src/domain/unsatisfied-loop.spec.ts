import { CallbackAttemptLimit } from './callback-attempts';
import { decideAfterCallback, type LoopTicket } from './unsatisfied-loop';

const ticket = (latestAttempt: number): LoopTicket => ({ ticketId: 'T-1', owner: 'agent-7', latestAttempt });

describe('the unsatisfied loop', () => {
  it('closes the ticket when the first callback is answered satisfied', () => {
    expect(decideAfterCallback(ticket(1), { kind: 'answered', attempt: 1, verdict: 'satisfied', score: 97.5 })).toEqual({
      next: 'close',
      reason: 'customer-satisfied',
      ticketId: 'T-1',
      attempts: 1,
      summary: 'callback 1: customer satisfied (score 97.5); closed',
    });
  });

  it('reopens the same ticket under the same owner after an unsatisfied answer', () => {
    expect(decideAfterCallback(ticket(1), { kind: 'answered', attempt: 1, verdict: 'unsatisfied', score: 62.5 })).toEqual({
      next: 'reopen',
      ticketId: 'T-1',
      owner: 'agent-7',
      attempt: 1,
      reopenCount: 1,
      summary: 'callback 1: customer unsatisfied (score 62.5); reopened for the 1st time, still owned by agent-7',
    });
  });

  it('runs unsatisfied → reopen → unsatisfied → reopen → unsatisfied → management with the default limit of 3', () => {
    const steps = [1, 2, 3].map((attempt) => decideAfterCallback(ticket(attempt), { kind: 'answered', attempt, verdict: 'unsatisfied', score: 50 }));
    expect(steps.map((s) => s.next)).toEqual(['reopen', 'reopen', 'escalate-to-management']);
    expect(steps[1]).toMatchObject({ reopenCount: 2, owner: 'agent-7' });
    expect(steps[2]).toEqual({
      next: 'escalate-to-management',
      reason: 'callback-attempts-exhausted',
      ticketId: 'T-1',
      owner: 'agent-7',
      attempts: 3,
      summary: 'callback 3: customer still unsatisfied (score 50) at the limit of 3; escalated to management',
    });
  });

  it('ends the loop when the customer is satisfied after a reopening', () => {
    expect(decideAfterCallback(ticket(2), { kind: 'answered', attempt: 2, verdict: 'satisfied', score: 92.5 })).toMatchObject({ next: 'close', reason: 'customer-satisfied', attempts: 2 });
  });

  it('escalates the first unsatisfied answer when the limit is 1', () => {
    expect(decideAfterCallback(ticket(1), { kind: 'answered', attempt: 1, verdict: 'unsatisfied', score: 0 }, new CallbackAttemptLimit(1))).toMatchObject({ next: 'escalate-to-management', attempts: 1 });
  });

  it('closes unconfirmed when the customer cannot be reached, saying after how many reopenings', () => {
    expect(decideAfterCallback(ticket(1), { kind: 'unreachable', attempt: 1 })).toMatchObject({ next: 'close', reason: 'customer-unreachable', summary: 'callback 1: customer unreachable; closed unconfirmed' });
    expect(decideAfterCallback(ticket(3), { kind: 'unreachable', attempt: 3 }).summary).toBe('callback 3: customer unreachable after 2 reopenings; closed unconfirmed');
  });

  it('ignores a late answer to an older callback once a newer one went out (no second reopening for it)', () => {
    expect(decideAfterCallback(ticket(2), { kind: 'answered', attempt: 1, verdict: 'unsatisfied', score: 40 })).toMatchObject({ next: 'ignore', reason: 'superseded' });
  });

  it('refuses an attempt number below one', () => {
    expect(() => decideAfterCallback(ticket(1), { kind: 'unreachable', attempt: 0 })).toThrow(RangeError);
  });
});
