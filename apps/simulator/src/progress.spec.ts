import { formatElapsed, formatProgress, ProgressDisplay, zeroCounts } from './progress';

describe('progress display', () => {
  it('formats the counts on one line', () => {
    const c = { ...zeroCounts(), sent: 120, sentHttp: 108, sentKafka: 12, accepted: 118, assigned: 117, completed: 40, surveyed: 12, errors: 1 };
    expect(formatProgress(c, 133_000)).toBe('[02:13] sent 120 (http 108, kafka 12) · accepted 118 · assigned 117 · completed 40 · surveyed 12 · errors 1');
    expect(formatProgress({ ...zeroCounts(), sent: 3, sentHttp: 3, warned: 2, breached: 1 }, 0)).toBe(
      '[00:00] sent 3 · accepted 0 · assigned 0 · completed 0 · surveyed 0 · sla warned 2 breached 1 · errors 0',
    );
    expect(formatElapsed(3_723_000)).toBe('1:02:03');
  });

  it('redraws in place on a terminal and ends with a newline', () => {
    const written: string[] = [];
    const display = new ProgressDisplay({ isTTY: true, columns: 300, write: (t) => written.push(t) }, zeroCounts, { ttyEveryMs: 60_000 });
    display.start();
    display.print('an error line');
    display.stop();
    expect(written[0]!.startsWith('\r\x1b[2K[00:00] sent 0')).toBe(true);
    expect(written).toContain('an error line\n');
    expect(written.at(-1)).toMatch(/^\[00:00\] sent 0 .*\n$/);
    expect(written.slice(0, -1).filter((w) => w.endsWith('\n'))).toEqual(['an error line\n']);
  });

  it('writes plain lines when not on a terminal', () => {
    const written: string[] = [];
    const display = new ProgressDisplay({ isTTY: false, write: (t) => written.push(t) }, zeroCounts, { plainEveryMs: 60_000 });
    display.start();
    display.print('hello');
    display.stop();
    expect(written).toEqual(['hello\n', expect.stringMatching(/^\[00:00\] sent 0 .*errors 0\n$/)]);
    expect(written.join('')).not.toContain('\x1b');
  });
});
