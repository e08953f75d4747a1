/** Command-line arguments of the simulator: pure parsing, no I/O (main.ts reads files and env). */

export const DEFAULT_API = 'http://127.0.0.1:8080';
export const DEFAULT_RATE = 30;
export const DEFAULT_SEED = 'switchboard';
export const DEFAULT_KAFKA_SHARE = 0.1;
export const DEFAULT_LATE_SHARE = 0.12;

export interface CommonOptions {
  api: string;
  /** From --api-key or SWITCHBOARD_API_KEY; main.ts falls back to .local/run/admin-api-key. */
  apiKey?: string;
}

export interface RunOptions extends CommonOptions {
  /** Tickets per minute, the day's average (the daily curve shapes it). */
  rate: number;
  /** Undefined: until Ctrl-C. */
  durationMs?: number;
  maxTickets?: number;
  /** How much faster than real time technicians and customers act. */
  speed: number;
  seed: string;
  runId?: string;
  /** Local time of day (HH:MM, in the region) the simulated clock starts at; default: now. */
  startTime?: string;
  kafka: boolean;
  kafkaBrokers: string[];
  kafkaShare: number;
  lateShare: number;
  /** After raising stops, keep technicians and customers working this long at most. */
  drainMs: number;
  /** Act on every ticket on the stream, not only this run's. */
  allTickets: boolean;
  /** The outage scenario: open an outage this long after the start… */
  outageAtMs?: number;
  /** …and close it after this long (default 5 minutes). */
  outageForMs?: number;
}

export type Cli = { command: 'help' } | { command: 'seed'; options: CommonOptions } | { command: 'storm'; options: CommonOptions } | { command: 'run'; options: RunOptions };

export class CliError extends Error {
  override name = 'CliError';
}

export const USAGE = `Switchboard simulator: the outside world for a running platform (the gateway's HTTP API, and Kafka).

Usage:
  node dist/apps/simulator/src/main.js seed [--api URL] [--api-key KEY]
  node dist/apps/simulator/src/main.js run  [options]
  node dist/apps/simulator/src/main.js storm [--api URL] [--api-key KEY]

Commands:
  seed    register the demo region (hangzhou: counties xihu and gongshu, two groups of technicians)
  run     a call centre raising tickets, technicians working them, customers answering callbacks
  storm   load the demo cells, raise 8 complaints of one category from 3 adjacent cells, wait for the incident

Options:
  --api URL             gateway base URL (env SWITCHBOARD_API; default ${DEFAULT_API})
  --api-key KEY         API key (env SWITCHBOARD_API_KEY; default: the file .local/run/admin-api-key)
  --rate N              tickets per minute, the day's average; a daily curve shapes it (default ${DEFAULT_RATE})
  --duration D          stop after D, e.g. 90s, 10m, 1h30m (default: until Ctrl-C)
  --tickets N           stop after raising N tickets
  --speed F             technicians and customers act F times faster than real time (default 1)
  --seed S              seed of every random choice; the same seed repeats a run (default ${DEFAULT_SEED})
  --start-time HH:MM    start the simulated day at this local time in the region, e.g. 10:00 (default: now)
  --run-id ID           part of every external id (default: from the start time)
  --no-kafka            send every ticket over HTTP
  --kafka-brokers LIST  host:port,… (env KAFKA_BROKERS; default 127.0.0.1:9092)
  --kafka-share P       share of tickets produced straight to tickets.inbound.v1 (default ${DEFAULT_KAFKA_SHARE})
  --late-share P        share of technicians who call the customer late (default ${DEFAULT_LATE_SHARE})
  --drain D             after the last ticket, let work in progress go on for up to D (default 0)
  --all-tickets         act on every ticket on the stream, not only this run's
  --outage-at D         the outage scenario: after D, open an outage over zone xihu-01 (broadband, IPTV)
                        through /v1/known-issues; its customers are answered, not dispatched
  --outage-for D        close that outage after D (default 5m)
  -h, --help            this text
`;

const UNITS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `90s`, `10m`, `1h30m`, `500ms`, `2d` → milliseconds. */
export function parseDuration(text: string): number {
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)];
  if (text.trim() === '' || parts.map((p) => p[0]).join('') !== text.trim()) {
    throw new CliError(`not a duration: "${text}" (use e.g. 30s, 10m, 1h30m)`);
  }
  const ms = parts.reduce((sum, p) => sum + Number(p[1]) * UNITS[p[2]!]!, 0);
  if (ms <= 0) throw new CliError(`not a duration: "${text}" (must be more than 0)`);
  return Math.round(ms);
}

const FLAGS = new Set(['--no-kafka', '--all-tickets', '--help', '-h']);
const VALUED = new Set(['--api', '--api-key', '--rate', '--duration', '--tickets', '--speed', '--seed', '--run-id', '--start-time', '--kafka-brokers', '--kafka-share', '--late-share', '--drain', '--outage-at', '--outage-for']);
const SEED_OPTIONS = new Set(['--api', '--api-key', '--help', '-h']);

function positiveNumber(name: string, value: string, { integer = false } = {}): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new CliError(`${name} must be a positive ${integer ? 'integer' : 'number'}, got "${value}"`);
  }
  return n;
}

function share(name: string, value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new CliError(`${name} must be between 0 and 1, got "${value}"`);
  return n;
}

function url(value: string): string {
  try {
    const u = new URL(value);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not http');
    return value.replace(/\/+$/, '');
  } catch {
    throw new CliError(`--api must be an http(s) URL, got "${value}"`);
  }
}

/** Parses `argv` (without node and the script) with the environment's defaults. */
export function parseCli(argv: readonly string[], env: Record<string, string | undefined>): Cli {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return { command: 'help' };
  if (command !== 'seed' && command !== 'run' && command !== 'storm') throw new CliError(`unknown command "${command}" (seed, run, storm or help)`);

  const given = new Map<string, string | true>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (FLAGS.has(name)) {
      if (name !== arg) throw new CliError(`${name} takes no value`);
      given.set(name, true);
    } else if (VALUED.has(name)) {
      let value: string | undefined;
      if (name !== arg) value = arg.slice(eq + 1);
      else {
        value = rest[i + 1];
        if (value === undefined || (value.startsWith('--') && value.length > 2)) throw new CliError(`${name} needs a value`);
        i++;
      }
      given.set(name, value);
    } else {
      throw new CliError(`unknown option "${arg}"`);
    }
    if (command !== 'run' && !SEED_OPTIONS.has(name)) throw new CliError(`${name} is an option of "run", not of "${command}"`);
  }
  if (given.has('--help') || given.has('-h')) return { command: 'help' };

  const str = (name: string) => {
    const v = given.get(name);
    return typeof v === 'string' ? v : undefined;
  };
  const apiKey = str('--api-key') ?? (env.SWITCHBOARD_API_KEY || undefined);
  const common: CommonOptions = { api: url(str('--api') ?? (env.SWITCHBOARD_API || DEFAULT_API)), ...(apiKey ? { apiKey } : {}) };
  if (command === 'seed' || command === 'storm') return { command, options: common };

  const optional = <T>(name: string, parse: (v: string) => T): T | undefined => {
    const v = str(name);
    return v === undefined ? undefined : parse(v);
  };
  const brokers = (str('--kafka-brokers') ?? (env.KAFKA_BROKERS || '127.0.0.1:9092'))
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
  if (brokers.length === 0 || brokers.some((b) => !/^[^:\s]+:\d+$/.test(b))) throw new CliError('--kafka-brokers must be a comma-separated host:port list');
  const durationMs = optional('--duration', parseDuration);
  const maxTickets = optional('--tickets', (v) => positiveNumber('--tickets', v, { integer: true }));
  const runId = optional('--run-id', (v) => {
    if (!/^[A-Za-z0-9]{1,20}$/.test(v)) throw new CliError('--run-id must be 1–20 letters or digits');
    return v;
  });
  const outageAtMs = optional('--outage-at', parseDuration);
  const outageForMs = optional('--outage-for', parseDuration);
  if (outageForMs !== undefined && outageAtMs === undefined) throw new CliError('--outage-for needs --outage-at');
  const startTime = optional('--start-time', (v) => {
    if (!/^([01]?\d|2[0-3]):[0-5]\d$/.test(v)) throw new CliError(`--start-time must be a local time HH:MM, got "${v}"`);
    return v;
  });
  return {
    command,
    options: {
      ...common,
      rate: optional('--rate', (v) => positiveNumber('--rate', v)) ?? DEFAULT_RATE,
      ...(durationMs !== undefined ? { durationMs } : {}),
      ...(maxTickets !== undefined ? { maxTickets } : {}),
      speed: optional('--speed', (v) => positiveNumber('--speed', v)) ?? 1,
      seed: str('--seed') ?? DEFAULT_SEED,
      ...(runId !== undefined ? { runId } : {}),
      ...(startTime !== undefined ? { startTime } : {}),
      kafka: !given.has('--no-kafka'),
      kafkaBrokers: brokers,
      kafkaShare: optional('--kafka-share', (v) => share('--kafka-share', v)) ?? DEFAULT_KAFKA_SHARE,
      lateShare: optional('--late-share', (v) => share('--late-share', v)) ?? DEFAULT_LATE_SHARE,
      drainMs: optional('--drain', parseDuration) ?? 0,
      allTickets: given.has('--all-tickets'),
      ...(outageAtMs !== undefined ? { outageAtMs } : {}),
      ...(outageForMs !== undefined ? { outageForMs } : {}),
    },
  };
}
