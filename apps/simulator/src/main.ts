import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliError, parseCli, USAGE, type RunOptions } from './cli';
import { atLocalTime } from './domain/daily-curve';
import { DEMO_REGION } from './domain/demo-region';
import { GatewayClient } from './gateway/gateway-client';
import { KafkaTicketIngress, type TicketIngress } from './kafka/kafka-ingress';
import { OutageScenario } from './outage-scenario';
import { ProgressDisplay } from './progress';
import { seedDemo } from './seed';
import { raiseStorm } from './storm';
import { Simulation } from './simulation';

/**
 * `node dist/apps/simulator/src/main.js seed|run [options]`: the outside world of a running
 * Switchboard (see USAGE in cli.ts). Exit codes: 0 done, 1 failed, 2 bad arguments.
 */
async function main(argv: string[]): Promise<number> {
  let cli;
  try {
    cli = parseCli(argv, process.env);
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    process.stderr.write(`simulator: ${e.message}\n\n${USAGE}`);
    return 2;
  }
  if (cli.command === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  const apiKey = cli.options.apiKey ?? readKeyFile();
  if (!apiKey) {
    process.stderr.write('simulator: no API key: pass --api-key, set SWITCHBOARD_API_KEY, or start the platform with `make up` (it writes .local/run/admin-api-key)\n');
    return 2;
  }
  const api = new GatewayClient({ baseUrl: cli.options.api, apiKey });
  if (!(await api.health())) {
    process.stderr.write(`simulator: the gateway at ${api.baseUrl} does not answer /health (is the platform up? \`make up\`)\n`);
    return 1;
  }
  if (cli.command === 'storm') return storm(api);
  return cli.command === 'seed' ? seed(api) : run(api, cli.options);
}

/** The admin key `make up` leaves for local tools. */
function readKeyFile(): string | undefined {
  const candidates = [
    process.env.SWITCHBOARD_RUN_DIR ? join(process.env.SWITCHBOARD_RUN_DIR, 'admin-api-key') : undefined,
    join(process.cwd(), '.local/run/admin-api-key'),
    // dist/apps/simulator/src → the repository root
    join(__dirname, '../../../..', '.local/run/admin-api-key'),
  ];
  for (const file of candidates) {
    if (file && existsSync(file)) {
      const key = readFileSync(file, 'utf8').trim();
      if (key) return key;
    }
  }
  return undefined;
}

async function seed(api: GatewayClient): Promise<number> {
  try {
    const result = await seedDemo(api, { geography: true });
    const counties = DEMO_REGION.counties.join(', ');
    process.stdout.write(`seeded region ${result.region} (counties ${counties}; ${result.zones ?? 0} zones, ${result.cells ?? 0} radio cells): the gateway took ${result.accepted} technicians`);
    if (result.listed === undefined) process.stdout.write('\n');
    else if (result.listed === DEMO_REGION.technicians.length) process.stdout.write(`, all ${result.listed} are listed\n`);
    else process.stdout.write(`, ${result.listed} listed so far (registration goes through Kafka; check GET /v1/technicians?region=${result.region})\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`simulator: seeding failed: ${(e as Error).message}\n`);
    return 1;
  }
}

async function storm(api: GatewayClient): Promise<number> {
  try {
    const result = await raiseStorm(api);
    process.stdout.write(`storm: ${result.sent} complaints from cells ${result.cells.join(', ')}; `);
    process.stdout.write(result.incident ? `incident ${result.incident.incidentId} open with ${result.incident.children} children (GET /v1/incidents)\n` : 'no incident yet (is geography loaded? see GET /v1/rejections)\n');
    return result.incident ? 0 : 1;
  } catch (e) {
    process.stderr.write(`simulator: storm failed: ${(e as Error).message}\n`);
    return 1;
  }
}

async function run(api: GatewayClient, options: RunOptions): Promise<number> {
  const stop = new AbortController();
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    signals++;
    if (signals > 1) process.exit(130);
    process.stdout.write(`\n${signal}: stopping (again to quit at once)\n`);
    stop.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  let kafka: TicketIngress | undefined;
  let kafkaNote = 'every ticket over HTTP (--no-kafka)';
  if (options.kafka && options.kafkaShare > 0) {
    const connected = await KafkaTicketIngress.connect(options.kafkaBrokers);
    if ('unavailable' in connected) kafkaNote = `every ticket over HTTP (${connected.unavailable})`;
    else {
      kafka = connected;
      kafkaNote = `${Math.round(options.kafkaShare * 100)} % straight to tickets.inbound.v1 on ${options.kafkaBrokers.join(',')}`;
    }
  }

  let display: ProgressDisplay | undefined;
  const simulation = new Simulation({
    api,
    rate: options.rate,
    ...(options.durationMs !== undefined ? { durationMs: options.durationMs } : {}),
    ...(options.maxTickets !== undefined ? { maxTickets: options.maxTickets } : {}),
    drainMs: options.drainMs,
    speed: options.speed,
    seed: options.seed,
    ...(options.runId !== undefined ? { runId: options.runId } : {}),
    ...(options.startTime !== undefined ? { startAt: atLocalTime(new Date(), options.startTime, DEMO_REGION.utcOffsetMinutes) } : {}),
    ...(kafka ? { kafka } : {}),
    kafkaShare: options.kafkaShare,
    lateShare: options.lateShare,
    allTickets: options.allTickets,
    signal: stop.signal,
    log: (line) => (display ? display.print(line) : process.stdout.write(`${line}\n`)),
  });
  const limits = [
    ...(options.durationMs !== undefined ? [`for ${Math.round(options.durationMs / 1000)} s`] : []),
    ...(options.maxTickets !== undefined ? [`for ${options.maxTickets} tickets`] : []),
  ];
  const until = limits.length > 0 ? `${limits.join(' or ')} (Ctrl-C stops)` : 'until Ctrl-C';
  process.stdout.write(
    `simulating ${DEMO_REGION.region} ${until}: ${options.rate} tickets/min on average (daily curve), speed ×${options.speed}, seed "${options.seed}", run ${simulation.runId}\n` +
      `  ${kafkaNote}\n  gateway ${api.baseUrl}; watch it live: curl -N -H "Authorization: Bearer <key>" ${api.baseUrl}/v1/stream\n`,
  );
  display = new ProgressDisplay(process.stdout, () => simulation.snapshot());
  display.start();
  const scenarioStop = new AbortController();
  const outage =
    options.outageAtMs !== undefined
      ? new OutageScenario({
          api,
          openAfterMs: options.outageAtMs,
          lastsMs: options.outageForMs ?? 5 * 60_000,
          runId: simulation.runId,
          seed: options.seed,
          signal: scenarioStop.signal,
          log: (line) => (display ? display.print(line) : process.stdout.write(`${line}\n`)),
        })
          .run()
          .catch((e: unknown) => process.stderr.write(`simulator: the outage scenario failed: ${(e as Error).message}\n`))
      : undefined;
  try {
    const counts = await simulation.run();
    // The run is over: an outage still open is closed now.
    scenarioStop.abort();
    await outage;
    display.stop();
    display = undefined;
    process.stdout.write(
      `done: ${counts.sent} tickets sent, ${counts.rejected} rejected, ${counts.unassignable} unassignable, ` +
        `SLA warnings ${counts.warned} and breaches ${counts.breached}, ${counts.satisfied} of ${counts.surveyed} surveys satisfied, ${counts.errors} errors\n`,
    );
    return 0;
  } finally {
    scenarioStop.abort();
    display?.stop();
    await kafka?.close().catch(() => undefined);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`simulator: ${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  },
);
