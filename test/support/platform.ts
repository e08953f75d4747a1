import type { TechnicianRegister } from '@switchboard/contracts';
import { waitFor } from '@switchboard/testing';
import { startService, TEST_API_KEY, type RunningService } from './service-process';

export { TEST_API_KEY };

export interface RunningPlatform {
  services: Record<string, RunningService>;
  api(path: string, init?: RequestInit): Promise<Response>;
  stop(): Promise<void>;
}

const NAMES = ['gateway', 'intake', 'dispatch', 'sla-monitor', 'callback', 'scoring'] as const;

/**
 * All six services as processes on the real infrastructure, with a known admin key. `env`
 * shortens business time (SLA_TIME_SCALE, CALLBACK_DELAY_MS) for the tests that need it.
 */
export async function startPlatform(basePort: number, env: Record<string, string> = {}): Promise<RunningPlatform> {
  const shared = { ...env };
  const started = await Promise.all(NAMES.map((name, i) => startService(name, basePort + i, shared)));
  const services = Object.fromEntries(started.map((s) => [s.name, s]));
  const gateway = services.gateway!;
  return {
    services,
    api: (path, init = {}) =>
      fetch(gateway.url(path), {
        ...init,
        headers: { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'application/json', ...(init.headers as Record<string, string> | undefined) },
      }),
    async stop() {
      await Promise.all(started.map((s) => s.stop('SIGTERM')));
    },
  };
}

/**
 * Registers a roster through `POST /v1/technicians` and waits until the gateway lists all of it
 * (dispatch has registered them): the starting point of every test that needs technicians.
 */
export async function registerRoster(api: RunningPlatform['api'], technicians: TechnicianRegister[]): Promise<void> {
  const res = await api('/v1/technicians', { method: 'POST', body: JSON.stringify({ technicians }) });
  if (res.status !== 202) throw new Error(`POST /v1/technicians answered ${res.status}: ${await res.text()}`);
  const regions = [...new Set(technicians.map((t) => t.region))];
  await waitFor(
    async () => {
      let listed = 0;
      for (const region of regions) listed += ((await (await api(`/v1/technicians?region=${region}`)).json()) as { items: unknown[] }).items.length;
      return listed >= technicians.length || undefined;
    },
    { message: 'the roster to be registered' },
  );
}
