import { describeError, isTransientError } from './errors';

describe('failure classification', () => {
  it.each([
    [{ code: 'ECONNREFUSED' }],
    [{ code: '57P01', message: 'terminating connection due to administrator command' }],
    [{ code: '08006' }],
    [{ code: '40001' }],
    [{ driverError: { code: '53300' } }],
    [{ name: 'KafkaJSConnectionError' }],
    [new Error('Connection terminated unexpectedly')],
  ])('treats %j as transient: retried without end, never dead-lettered', (e) => {
    expect(isTransientError(e)).toBe(true);
  });

  it.each([[{ code: '23505' }], [{ code: 'TICKET.ALREADY_CLOSED' }], [new TypeError('x is undefined')], ['a string'], [null]])('treats %j as permanent', (e) => {
    expect(isTransientError(e)).toBe(false);
  });

  it('describes an error by its stable code first', () => {
    expect(describeError(Object.assign(new Error('ticket is archived'), { code: 'TICKET.ALREADY_CLOSED' }))).toBe('TICKET.ALREADY_CLOSED: ticket is archived');
    expect(describeError(new TypeError('boom'))).toBe('TypeError: boom');
  });
});
