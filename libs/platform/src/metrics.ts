import { Controller, Get, Header, Inject, Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { ConsumerMetrics } from '@switchboard/messaging';
import { DATA_SOURCE, SERVICE } from './tokens';
import type { ServiceDescriptor } from './service-descriptor';

/** One Prometheus registry per process, labelled with the service's name. */
@Injectable()
export class Metrics implements ConsumerMetrics {
  readonly registry = new Registry();
  readonly eventsConsumed: Counter<'topic' | 'type' | 'outcome'>;
  readonly consumerRetries: Counter<'topic'>;
  readonly outboxPublished: Counter;

  constructor(@Inject(SERVICE) service: ServiceDescriptor, @Inject(DATA_SOURCE) dataSource: DataSource) {
    this.registry.setDefaultLabels({ service: service.name });
    collectDefaultMetrics({ register: this.registry });
    this.eventsConsumed = new Counter({
      name: 'switchboard_events_consumed_total',
      help: 'Kafka events handled, by outcome (applied, duplicate, skipped, dead-lettered)',
      labelNames: ['topic', 'type', 'outcome'],
      registers: [this.registry],
    });
    this.consumerRetries = new Counter({ name: 'switchboard_consumer_retries_total', help: 'Failed attempts that were retried', labelNames: ['topic'], registers: [this.registry] });
    this.outboxPublished = new Counter({ name: 'switchboard_outbox_published_total', help: 'Outbox events published to Kafka', registers: [this.registry] });
    new Gauge({
      name: 'switchboard_outbox_pending',
      help: 'Outbox events committed but not yet published',
      registers: [this.registry],
      async collect() {
        const rows = (await dataSource.query('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL').catch(() => [{ n: -1 }])) as { n: number }[];
        this.set(rows[0]?.n ?? -1);
      },
    });
  }

  consumed(topic: string, type: string, outcome: 'applied' | 'duplicate' | 'skipped' | 'dead-lettered'): void {
    this.eventsConsumed.inc({ topic, type, outcome });
  }

  retried(topic: string): void {
    this.consumerRetries.inc({ topic });
  }
}

@Controller()
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
