import { Controller, Get, Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService, type HealthCheckResult } from '@nestjs/terminus';
import type { Admin, Kafka } from 'kafkajs';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE, KAFKA, REDIS, SERVICE } from './tokens';
import type { ServiceDescriptor } from './service-descriptor';

/** Kafka, PostgreSQL and (where the service uses it) Redis, each with a short timeout. */
@Injectable()
export class InfrastructureHealth implements OnApplicationShutdown {
  private admin?: Promise<Admin>;

  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis | null,
  ) {}

  kafkaCheck() {
    return this.indicators
      .check('kafka')
      .attempt(async () => {
        const cluster = await (await this.connectedAdmin()).describeCluster();
        return { brokers: cluster.brokers.length, controller: cluster.controller };
      })
      .withTimeout(3_000);
  }

  postgresCheck() {
    return this.indicators
      .check('postgres')
      .attempt(async () => {
        await this.dataSource.query('SELECT 1');
      })
      .withTimeout(2_000);
  }

  redisCheck() {
    return this.indicators
      .check('redis')
      .attempt(async () => {
        if (!this.redis) throw new Error('not configured');
        await this.redis.ping();
      })
      .withTimeout(2_000);
  }

  private connectedAdmin(): Promise<Admin> {
    this.admin ??= (async () => {
      const admin = this.kafka.admin();
      await admin.connect();
      return admin;
    })().catch((e: unknown) => {
      this.admin = undefined;
      throw e;
    });
    return this.admin;
  }

  async onApplicationShutdown(): Promise<void> {
    const admin = await this.admin?.catch(() => undefined);
    await admin?.disconnect();
  }
}

@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly infra: InfrastructureHealth,
    @Inject(SERVICE) private readonly service: ServiceDescriptor,
  ) {}

  @Get('health')
  @HealthCheck()
  check(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.infra.kafkaCheck(),
      () => this.infra.postgresCheck(),
      ...(this.service.usesRedis ? [() => this.infra.redisCheck()] : []),
    ]);
  }
}
