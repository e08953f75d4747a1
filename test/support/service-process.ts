import { spawn, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testInfra, waitFor } from '@switchboard/testing';

const ROOT = join(__dirname, '..', '..');

/** The admin API key every gateway started by the tests accepts. */
export const TEST_API_KEY = 'sb_test_e2e_key_0123456789abcdefghijkl';

export interface RunningService {
  name: string;
  port: number;
  process: ChildProcess;
  logs: string[];
  url(path: string): string;
  /** Sends SIGTERM and resolves with the exit code and how long the stop took. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; ms: number }>;
}

/**
 * Starts a built service (`dist/apps/<name>/src/main.js`, built by `make build`) as its own
 * process against the test database and the real broker, and waits until `/health` is green.
 */
export async function startService(name: string, requestedPort: number, extraEnv: Record<string, string> = {}): Promise<RunningService> {
  const infra = testInfra();
  // Lets two checkouts run their e2e suites side by side on one machine without port clashes.
  const port = requestedPort + Number(process.env.SWITCHBOARD_TEST_PORT_OFFSET ?? 0);
  const child = spawn(process.execPath, [join(ROOT, 'dist/apps', name, 'src/main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      DATABASE_URL: infra.databaseUrl,
      REDIS_URL: infra.redisUrl,
      HTTP_PORT: String(port),
      GATEWAY_PORT: String(port),
      CONSUMER_GROUP_PREFIX: `test-${process.pid}`,
      // The gateway's admin key: known to the tests, never written into the working tree.
      SWITCHBOARD_BOOTSTRAP_API_KEY: TEST_API_KEY,
      API_KEY_FILE: join(tmpdir(), `switchboard-test-${process.pid}-key`),
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  const collect = (chunk: Buffer) => logs.push(...chunk.toString().split('\n').filter((l) => l.length > 0));
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const url = (path: string) => `http://127.0.0.1:${port}${path}`;
  let exited: { code: number | null } | undefined;
  const exit = new Promise<{ code: number | null }>((resolve) =>
    child.once('exit', (code) => {
      exited = { code };
      resolve(exited);
    }),
  );
  await waitFor(
    async () => {
      if (exited) throw new Error(`${name} exited with ${exited.code}:\n${logs.slice(-20).join('\n')}`);
      const res = await fetch(url('/health')).catch(() => undefined);
      return res?.status === 200 ? true : undefined;
    },
    { timeoutMs: 60_000, intervalMs: 250, message: `${name} to report healthy on :${port}` },
  ).catch((e: unknown) => {
    child.kill('SIGKILL');
    throw new Error(`${(e as Error).message}\n--- ${name} logs ---\n${logs.slice(-30).join('\n')}`);
  });
  return {
    name,
    port,
    process: child,
    logs,
    url,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      const started = Date.now();
      if (exited) return { code: exited.code, ms: 0 };
      child.kill(signal);
      let timer: NodeJS.Timeout | undefined;
      const result = await Promise.race([
        exit,
        new Promise<{ code: null }>((resolve) => {
          timer = setTimeout(() => {
            child.kill('SIGKILL');
            resolve({ code: null });
          }, 20_000);
        }),
      ]);
      clearTimeout(timer);
      return { code: result.code, ms: Date.now() - started };
    },
  };
}
