import 'reflect-metadata';
import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Kafka } from 'kafkajs';
import type { InvalidMessageHandler, OutboxRelay } from '@switchboard/messaging';
import type { DataSource } from 'typeorm';
import { parseEnv, platformEnvSchema } from './config';
import { KafkaEventServer, PlatformExceptionFilter, type KafkaEventServerOptions } from './kafka-event-server';
import { createLogger, PinoNestLogger } from './logger';
import { Metrics } from './metrics';
import { PlatformLifecycle } from './platform.module';
import type { ServiceDescriptor } from './service-descriptor';
import { DATA_SOURCE, KAFKA, OUTBOX_RELAY } from './tokens';

function bind(provider: { handle: InvalidMessageHandler }): InvalidMessageHandler {
  return (raw, reasons, ctx) => provider.handle(raw, reasons, ctx);
}

/** Attaches the Kafka transport to an app; `@EventPattern` handlers see the original errors. */
export function connectEventServer(app: INestApplication, options: KafkaEventServerOptions): KafkaEventServer {
  const server = new KafkaEventServer(options);
  // Registered on the app before connecting, and inherited: a filter added to the hybrid
  // microservice afterwards would never be applied.
  app.useGlobalFilters(new PlatformExceptionFilter(app.getHttpAdapter()));
  app.connectMicroservice({ strategy: server }, { inheritAppConfig: true });
  return server;
}

/**
 * Boots a service: HTTP (health, metrics, its API), its Kafka handlers, and a graceful
 * shutdown on SIGTERM/SIGINT — stop consuming and let the batch in flight commit, stop HTTP,
 * flush the outbox, close pools — bounded by SHUTDOWN_TIMEOUT_MS.
 */
export async function runService(rootModule: Type, service: ServiceDescriptor): Promise<void> {
  let env;
  try {
    env = parseEnv(platformEnvSchema, process.env);
  } catch (e) {
    process.stderr.write(`${service.name}: ${(e as Error).message}\n`);
    process.exit(2);
  }
  const logger = createLogger(service.name, env.LOG_LEVEL);
  try {
    const app = await NestFactory.create<NestExpressApplication>(rootModule, {
      logger: new PinoNestLogger(logger),
      forceCloseConnections: true,
      abortOnError: false,
      bodyParser: false,
    });
    app.useBodyParser('json', { limit: env.HTTP_BODY_LIMIT, strict: false });
    let server: KafkaEventServer | undefined;
    if (service.consumes.length > 0) {
      const relay = app.get<OutboxRelay>(OUTBOX_RELAY);
      server = connectEventServer(app, {
        kafka: app.get<Kafka>(KAFKA),
        dataSource: app.get<DataSource>(DATA_SOURCE),
        groupId: `${env.CONSUMER_GROUP_PREFIX}.${service.name}`,
        topics: [...service.consumes],
        logger,
        metrics: app.get(Metrics),
        partitionsConsumedConcurrently: env.CONSUMER_CONCURRENCY,
        chunkSize: env.CONSUMER_BATCH_SIZE,
        // Events a handler emits are published as soon as its transaction commits, not at the next poll.
        onOutboxWritten: (rows) => relay.wake(rows),
        ...(service.invalidMessages ? { onInvalid: bind(app.get(service.invalidMessages)) } : {}),
      });
      await app.startAllMicroservices();
    }
    const port = service.name === 'gateway' ? env.GATEWAY_PORT : (env.HTTP_PORT ?? service.defaultPort);
    await app.listen(port, env.HTTP_HOST);
    logger.info({ port, host: env.HTTP_HOST, consumes: service.consumes }, `${service.name} ready`);

    let stopping = false;
    const shutdown = (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down');
      setTimeout(() => {
        logger.error({ timeoutMs: env.SHUTDOWN_TIMEOUT_MS }, 'shutdown timed out');
        process.exit(1);
      }, env.SHUTDOWN_TIMEOUT_MS).unref();
      (async () => {
        await server?.close();
        logger.info('consumer stopped');
        await app.close();
        await app.get(PlatformLifecycle).release();
        logger.info('stopped');
        process.exit(0);
      })().catch((e: unknown) => {
        logger.error({ err: e as Error }, 'shutdown failed');
        process.exit(1);
      });
    };
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
  } catch (e) {
    logger.fatal({ err: e as Error }, `${service.name} failed to start`);
    process.exit(1);
  }
}
