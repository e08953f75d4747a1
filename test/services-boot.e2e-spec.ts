import { startService, TEST_API_KEY, type RunningService } from './support/service-process';

const services: [name: string, port: number, checks: string[]][] = [
  ['gateway', 18080, ['kafka', 'postgres']],
  ['intake', 18081, ['kafka', 'postgres']],
  ['dispatch', 18082, ['kafka', 'postgres']],
  ['sla-monitor', 18083, ['kafka', 'postgres', 'redis']],
  ['callback', 18084, ['kafka', 'postgres']],
  ['scoring', 18085, ['kafka', 'postgres']],
];

describe.each(services)('%s boots on the real infrastructure and stops cleanly', (name, port, checks) => {
  let service: RunningService;

  beforeAll(async () => {
    service = await startService(name, port);
  });

  afterAll(async () => {
    await service.stop('SIGKILL');
  });

  it(`reports ${checks.join(', ')} up on /health`, async () => {
    const res = await fetch(service.url('/health'));
    const body = (await res.json()) as { status: string; details: Record<string, { status: string }> };
    expect(res.status).toBe(200);
    expect(body.status).toBe('ok');
    expect(Object.keys(body.details).sort()).toEqual([...checks].sort());
    expect(Object.values(body.details).every((d) => d.status === 'up')).toBe(true);
  });

  it('serves Prometheus metrics labelled with its name', async () => {
    // The gateway guards every route but /health with an API key.
    const res = await fetch(service.url('/metrics'), { headers: { authorization: `Bearer ${TEST_API_KEY}` } });
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toContain('# TYPE switchboard_outbox_pending gauge');
    // Other tests of the run may have left events for this service to work on: any count will do.
    expect(text).toMatch(new RegExp(`switchboard_outbox_pending\\{service="${name}"\\} \\d+`));
    expect(text).toContain(`process_cpu_user_seconds_total{service="${name}"}`);
  });

  it('logs JSON lines naming the service', () => {
    const ready = service.logs.map((l) => JSON.parse(l) as { service: string; msg: string }).find((l) => l.msg === `${name} ready`);
    expect(ready?.service).toBe(name);
  });

  it('stops on SIGTERM within 10 s, after stopping the consumer and flushing the outbox', async () => {
    const { code, ms } = await service.stop('SIGTERM');
    expect(code).toBe(0);
    expect(ms).toBeLessThan(10_000);
    const messages = service.logs.map((l) => (JSON.parse(l) as { msg: string }).msg);
    const order = ['shutting down', 'consumer stopped', 'outbox flushed', 'connections closed', 'stopped'].map((m) => messages.indexOf(m));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

describe('a service with bad configuration', () => {
  it('refuses to start and names the variable', async () => {
    const { spawnSync } = await import('node:child_process');
    const { join } = await import('node:path');
    const result = spawnSync(process.execPath, [join(__dirname, '..', 'dist/apps/intake/src/main.js')], {
      env: { ...process.env, KAFKA_BROKERS: 'no-port-here', HTTP_PORT: '18181' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('KAFKA_BROKERS: comma-separated host:port list');
  });
});
