import { childTraceparent, isTraceparent, newTraceparent } from './trace';

describe('W3C trace context', () => {
  it('keeps the trace id and makes a new span id for a child', () => {
    const parent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const child = childTraceparent(parent);
    expect(child).toMatch(/^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01$/);
    expect(child).not.toBe(parent);
  });

  it('starts a new trace when the parent is missing or malformed', () => {
    expect(isTraceparent(childTraceparent(undefined))).toBe(true);
    expect(childTraceparent('garbage').split('-')[1]).not.toBe('garbage');
    expect(newTraceparent()).not.toBe(newTraceparent());
  });

  it('gives every child span its own id, also across many events (the random pool refills)', () => {
    const parent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const spans = Array.from({ length: 2_000 }, () => childTraceparent(parent).split('-')[2]);
    expect(new Set(spans).size).toBe(2_000);
    for (const span of spans) expect(span).toMatch(/^[0-9a-f]{16}$/);
  });
});
