import { CliError, DEFAULT_API, parseCli, parseDuration } from './cli';

const run = (argv: string[], env: Record<string, string> = {}) => {
  const cli = parseCli(['run', ...argv], env);
  if (cli.command !== 'run') throw new Error('expected run');
  return cli.options;
};

describe('simulator command line', () => {
  it('runs with the defaults', () => {
    expect(run([])).toEqual({
      api: DEFAULT_API,
      rate: 30,
      speed: 1,
      seed: 'switchboard',
      kafka: true,
      kafkaBrokers: ['127.0.0.1:9092'],
      kafkaShare: 0.1,
      lateShare: 0.12,
      drainMs: 0,
      allTickets: false,
    });
  });

  it('reads every option, in both --name value and --name=value forms', () => {
    expect(
      run(['--rate', '12.5', '--duration=10m', '--tickets', '200', '--speed', '60', '--seed', 'demo-7', '--run-id', 'r42', '--start-time', '09:30', '--no-kafka', '--kafka-share=0.25', '--late-share', '0', '--drain', '2m', '--all-tickets', '--api', 'http://gw:9000/', '--api-key', 'k1']),
    ).toEqual({
      api: 'http://gw:9000',
      apiKey: 'k1',
      rate: 12.5,
      durationMs: 600_000,
      maxTickets: 200,
      speed: 60,
      seed: 'demo-7',
      runId: 'r42',
      startTime: '09:30',
      kafka: false,
      kafkaBrokers: ['127.0.0.1:9092'],
      kafkaShare: 0.25,
      lateShare: 0,
      drainMs: 120_000,
      allTickets: true,
    });
  });

  it('takes the API, key and brokers from the environment, the flags first', () => {
    const env = { SWITCHBOARD_API: 'http://10.0.0.5:8080', SWITCHBOARD_API_KEY: 'from-env', KAFKA_BROKERS: 'k1:9092, k2:9093' };
    expect(run([], env)).toMatchObject({ api: 'http://10.0.0.5:8080', apiKey: 'from-env', kafkaBrokers: ['k1:9092', 'k2:9093'] });
    expect(run(['--api-key', 'flag'], env).apiKey).toBe('flag');
    expect(run([], { SWITCHBOARD_API_KEY: '' }).apiKey).toBeUndefined();
  });

  it('reads the outage scenario: when it opens and how long it lasts', () => {
    expect(run(['--outage-at', '2m', '--outage-for=90s'])).toMatchObject({ outageAtMs: 120_000, outageForMs: 90_000 });
    expect(run(['--outage-at', '30s'])).toMatchObject({ outageAtMs: 30_000 });
    expect(run(['--outage-at', '30s']).outageForMs).toBeUndefined();
  });

  it('parses seed with its options and help in any place', () => {
    expect(parseCli(['seed', '--api-key=abc'], {})).toEqual({ command: 'seed', options: { api: DEFAULT_API, apiKey: 'abc' } });
    expect(parseCli(['storm', '--api-key=abc'], {})).toEqual({ command: 'storm', options: { api: DEFAULT_API, apiKey: 'abc' } });
    expect(() => parseCli(['storm', '--rate', '5'], {})).toThrow('--rate is an option of "run", not of "storm"');
    expect(parseCli([], {})).toEqual({ command: 'help' });
    expect(parseCli(['run', '--rate', '5', '--help'], {})).toEqual({ command: 'help' });
    expect(parseCli(['-h'], {})).toEqual({ command: 'help' });
  });

  it.each([
    [['fly'], 'unknown command "fly"'],
    [['run', '--rate'], '--rate needs a value'],
    [['run', '--rate', '--speed', '2'], '--rate needs a value'],
    [['run', '--rate', '0'], '--rate must be a positive number'],
    [['run', '--rate', 'lots'], '--rate must be a positive number'],
    [['run', '--tickets', '2.5'], '--tickets must be a positive integer'],
    [['run', '--duration', '10'], 'not a duration: "10"'],
    [['run', '--kafka-share', '1.5'], '--kafka-share must be between 0 and 1'],
    [['run', '--api', 'ftp://x'], '--api must be an http(s) URL'],
    [['run', '--no-kafka=yes'], '--no-kafka takes no value'],
    [['run', '--colour'], 'unknown option "--colour"'],
    [['run', '--start-time', '25:00'], '--start-time must be a local time HH:MM'],
    [['run', '--run-id', 'has space'], '--run-id must be 1–20 letters or digits'],
    [['run', '--kafka-brokers', 'nohost'], '--kafka-brokers must be a comma-separated host:port list'],
    [['seed', '--rate', '5'], '--rate is an option of "run", not of "seed"'],
    [['run', '--outage-for', '5m'], '--outage-for needs --outage-at'],
    [['run', '--outage-at', 'soon'], 'not a duration: "soon"'],
  ])('refuses %j: %s', (argv, message) => {
    expect(() => parseCli(argv, {})).toThrow(CliError);
    expect(() => parseCli(argv, {})).toThrow(message);
  });
});

describe('durations', () => {
  it.each([
    ['500ms', 500],
    ['90s', 90_000],
    ['10m', 600_000],
    ['1h30m', 5_400_000],
    ['1.5h', 5_400_000],
    ['2d', 172_800_000],
  ])('%s is %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '10', 'm', '10 m', '10x', '0s', '-5m'])('refuses "%s"', (text) => {
    expect(() => parseDuration(text)).toThrow(CliError);
  });
});
