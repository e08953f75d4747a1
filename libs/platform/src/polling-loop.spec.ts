import pino from 'pino';
import { PollingLoop } from './polling-loop';

const silent = pino({ level: 'silent' });

describe('PollingLoop', () => {
  it('keeps polling after a failed pass, runs again at once when a pass reports more work, and stop() waits for the pass in flight', async () => {
    const calls: string[] = [];
    let n = 0;
    let release!: () => void;
    const loop = new PollingLoop(
      'probe',
      5,
      async () => {
        n++;
        calls.push(`pass-${n}`);
        if (n === 1) throw new Error('database away');
        if (n === 2) return true;
        if (n === 3) await new Promise<void>((r) => (release = r));
        return false;
      },
      silent,
    );
    loop.start();
    await new Promise((r) => setTimeout(r, 50));
    expect(calls).toEqual(['pass-1', 'pass-2', 'pass-3']);
    let stopped = false;
    const stopping = loop.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(stopped).toBe(true);
    await new Promise((r) => setTimeout(r, 30));
    expect(calls).toHaveLength(3);
  });
});
