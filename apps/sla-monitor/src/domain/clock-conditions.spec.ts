import { type ClockLife, CONDITION_ORDER, evaluateConditions, type MetCondition } from './clock-conditions';

const running: ClockLife = { state: 'running', holds: [] };
const pausedFor = (...holds: string[]): ClockLife => ({ state: 'paused', holds });

describe('the evaluation order of clock conditions', () => {
  it('is start, stop, pause, resume, reset, cancel', () => {
    expect(CONDITION_ORDER).toEqual(['start', 'stop', 'pause', 'resume', 'reset', 'cancel']);
  });

  it('gives the same outcome whatever order the conditions come in', () => {
    const met: MetCondition[] = [{ condition: 'cancel' }, { condition: 'pause', reason: 'suspension' }, { condition: 'reset' }];
    expect(evaluateConditions(running, met)).toEqual(evaluateConditions(running, [...met].reverse()));
  });

  it('starts a clock not started yet, and stops it in the same event', () => {
    expect(evaluateConditions({ state: 'not-started', holds: [] }, [{ condition: 'start' }])).toMatchObject({ state: 'running', applied: ['start'] });
    expect(evaluateConditions({ state: 'not-started', holds: [] }, [{ condition: 'stop' }, { condition: 'start' }])).toMatchObject({ state: 'stopped', applied: ['start', 'stop'] });
  });

  it('never lets a cancel take a clock that should pause', () => {
    expect(evaluateConditions(running, [{ condition: 'cancel' }, { condition: 'pause', reason: 'suspension' }])).toEqual({
      state: 'paused',
      holds: ['suspension'],
      applied: ['pause'],
      ignored: [{ condition: 'cancel', why: 'a pause or resume in the same evaluation wins' }],
      reset: false,
    });
    expect(evaluateConditions(running, [{ condition: 'cancel' }])).toMatchObject({ state: 'cancelled', applied: ['cancel'] });
  });

  it('records a stop over anything after it', () => {
    expect(evaluateConditions(pausedFor('known-issue'), [{ condition: 'cancel' }, { condition: 'resume', reason: 'known-issue' }, { condition: 'stop' }])).toMatchObject({
      state: 'stopped',
      holds: [],
      applied: ['stop'],
    });
  });

  it('stays paused while any hold lasts', () => {
    const swap = evaluateConditions(pausedFor('known-issue'), [{ condition: 'resume', reason: 'known-issue' }, { condition: 'pause', reason: 'suspension' }]);
    expect(swap).toMatchObject({ state: 'paused', holds: ['suspension'], applied: ['pause', 'resume'] });
    expect(evaluateConditions(pausedFor('known-issue', 'suspension'), [{ condition: 'resume', reason: 'suspension' }])).toMatchObject({ state: 'paused', holds: ['known-issue'] });
    expect(evaluateConditions(pausedFor('known-issue'), [{ condition: 'resume', reason: 'known-issue' }])).toMatchObject({ state: 'running', holds: [] });
  });

  it('ignores a repeated pause, a resume of a hold that is not there, and anything on a finished clock', () => {
    expect(evaluateConditions(pausedFor('suspension'), [{ condition: 'pause', reason: 'suspension' }, { condition: 'resume', reason: 'incident' }]).ignored).toEqual([
      { condition: 'pause', why: 'already held for suspension' },
      { condition: 'resume', why: 'not held for incident' },
    ]);
    for (const state of ['stopped', 'cancelled'] as const) {
      const out = evaluateConditions({ state, holds: [] }, CONDITION_ORDER.map((condition) => ({ condition })));
      expect(out).toMatchObject({ state, applied: [] });
      expect(out.ignored).toHaveLength(6);
    }
  });

  it('resets the count and keeps the holds', () => {
    expect(evaluateConditions(pausedFor('suspension'), [{ condition: 'reset' }])).toMatchObject({ state: 'paused', holds: ['suspension'], reset: true });
    expect(evaluateConditions({ state: 'not-started', holds: [] }, [{ condition: 'reset' }])).toMatchObject({ reset: false });
  });
});
