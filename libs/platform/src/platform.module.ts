import { Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { TerminusModule } from '@nestjs/terminus';
import { Redis } from 'ioredis';
import type { Kafka, Producer } from 'kafkajs';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { createKafka, OutboxRelay, parseBrokers } from '@switchboard/messaging';
import { CLOCK, createServiceDataSource, ensureServiceSchema, initialiseDataSource, serviceDatabase, SystemClock } from '@switchboard/persistence';
import { parseEnv, platformEnvSchema, type PlatformEnv } from './config';
import { HealthController, InfrastructureHealth } from './health';
import { createLogger } from './logger';
import { Metrics, MetricsController } from './metrics';
import type { ServiceDescriptor } from './service-descriptor';
import { DATA_SOURCE, KAFKA, LOGGER, OUTBOX_RELAY, PLATFORM_ENV, PRODUCER, REDIS, SERVICE } from './tokens';

/** Releases what the platform acquired, in order, after the consumer and HTTP have stopped. */
@Injectable()
export class PlatformLifecycle implements OnApplicationShutdown {
  private closing?: Promise<void>;

  constructor(
    @Inject(OUTBOX_RELAY) private readonly relay: OutboxRelay,
    @Inject(PRODUCER) private readonly producer: Producer,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis | null,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationShutdown(): Promise<void> {
    return this.release();
  }

  /** Idempotent: Nest's hook and the bootstrap's explicit call share one run. */
  release(): Promise<void> {
    this.closing ??= this.doRelease();
    return this.closing;
  }

  private async doRelease(): Promise<void> {
    await this.relay.stop({ flush: true });
    this.logger.info('outbox flushed');
    await this.producer.disconnect();
    await this.dataSource.destroy();
    if (this.redis) await this.redis.quit();
    this.logger.info('connections closed');
  }
}

/**
 * Everything a Switchboard service stands on: validated configuration, JSON logs, the clock,
 * Kafka, its own PostgreSQL schema (role, migrations), Redis where used, the outbox relay,
 * `/health` and `/metrics`.
 */
@Module({})
export class PlatformModule {
  static forService(service: ServiceDescriptor): DynamicModule {
    return {
      module: PlatformModule,
      global: true,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: (env) => parseEnv(platformEnvSchema, env) }),
        TerminusModule.forRoot({ errorLogStyle: 'json' }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: SERVICE, useValue: service },
        {
          provide: PLATFORM_ENV,
          inject: [ConfigService],
          useFactory: (config: ConfigService): PlatformEnv =>
            Object.fromEntries(platformEnvSchema.keyof().options.map((k) => [k, config.get(k)])) as PlatformEnv,
        },
        { provide: LOGGER, inject: [PLATFORM_ENV], useFactory: (env: PlatformEnv) => createLogger(service.name, env.LOG_LEVEL) },
        { provide: CLOCK, useClass: SystemClock },
        {
          provide: KAFKA,
          inject: [PLATFORM_ENV, LOGGER],
          useFactory: (env: PlatformEnv, logger: Logger) => createKafka({ brokers: parseBrokers(env.KAFKA_BROKERS), clientId: `switchboard-${service.name}` }, logger),
        },
        {
          provide: PRODUCER,
          inject: [KAFKA],
          useFactory: async (kafka: Kafka) => {
            // One in-flight request keeps per-key order across retries (the outbox relies on it).
            const producer = kafka.producer({ allowAutoTopicCreation: false, maxInFlightRequests: 1 });
            await producer.connect();
            return producer;
          },
        },
        {
          provide: DATA_SOURCE,
          inject: [PLATFORM_ENV, LOGGER],
          useFactory: async (env: PlatformEnv, logger: Logger) => {
            const password = env.DB_SERVICE_PASSWORD ?? `sb_${service.schema}_local`;
            const db = env.SERVICE_DATABASE_URL
              ? { schema: service.schema, role: new URL(env.SERVICE_DATABASE_URL).username, url: env.SERVICE_DATABASE_URL }
              : serviceDatabase(env.DATABASE_URL, service.schema, password);
            if (!env.SERVICE_DATABASE_URL) await ensureServiceSchema(env.DATABASE_URL, db, password);
            const ds = createServiceDataSource({ db, entities: service.entities, migrations: service.migrations, poolSize: env.DB_POOL_SIZE });
            const ran = await initialiseDataSource(ds);
            logger.info({ schema: db.schema, role: db.role, migrations: ran }, 'database ready');
            return ds;
          },
        },
        {
          provide: REDIS,
          inject: [PLATFORM_ENV],
          useFactory: async (env: PlatformEnv) => {
            if (!service.usesRedis) return null;
            const redis = new Redis(env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 3 });
            await redis.connect();
            return redis;
          },
        },
        {
          provide: OUTBOX_RELAY,
          inject: [DATA_SOURCE, PRODUCER, PLATFORM_ENV, LOGGER, Metrics],
          useFactory: (dataSource: DataSource, producer: Producer, env: PlatformEnv, logger: Logger, metrics: Metrics) => {
            const relay = new OutboxRelay({
              dataSource,
              producer,
              name: service.schema,
              idleDelayMs: env.OUTBOX_POLL_MS,
              batchSize: env.OUTBOX_BATCH_SIZE,
              logger,
              onPublished: (n) => metrics.outboxPublished.inc(n),
            });
            relay.start();
            return relay;
          },
        },
        Metrics,
        InfrastructureHealth,
        PlatformLifecycle,
      ],
      exports: [SERVICE, PLATFORM_ENV, LOGGER, CLOCK, KAFKA, PRODUCER, DATA_SOURCE, REDIS, OUTBOX_RELAY, Metrics],
    };
  }
}
