import { SeededRandom } from './random';

describe('SeededRandom', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const seq = (seed: string | number) => {
      const r = new SeededRandom(seed);
      return Array.from({ length: 5 }, () => r.next());
    };
    expect(seq('demo')).toEqual(seq('demo'));
    expect(seq(42)).toEqual(seq(42));
    expect(seq('demo')).not.toEqual(seq('demo2'));
  });

  it('stays within its ranges', () => {
    const r = new SeededRandom(7);
    for (let i = 0; i < 2000; i++) {
      const x = r.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      const n = r.int(3, 6);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(6);
    }
  });

  it('picks by weight', () => {
    const r = new SeededRandom('weights');
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 10_000; i++) counts[r.weighted([['a', 7], ['b', 2], ['c', 1]] as const)]++;
    expect(counts.a / 10_000).toBeCloseTo(0.7, 1);
    expect(counts.b / 10_000).toBeCloseTo(0.2, 1);
    expect(counts.c / 10_000).toBeCloseTo(0.1, 1);
  });

  it('draws exponential gaps with the asked mean', () => {
    const r = new SeededRandom('gaps');
    let sum = 0;
    for (let i = 0; i < 20_000; i++) sum += r.exponential(2000);
    expect(sum / 20_000).toBeGreaterThan(1900);
    expect(sum / 20_000).toBeLessThan(2100);
  });

  it('forks independent, repeatable streams', () => {
    const a = new SeededRandom('root').fork('ticket-1');
    const b = new SeededRandom('root').fork('ticket-1');
    const c = new SeededRandom('root').fork('ticket-2');
    const first = a.next();
    expect(b.next()).toBe(first);
    expect(c.next()).not.toBe(first);
  });
});
