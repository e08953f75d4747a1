import { Controller, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, Payload } from '@nestjs/microservices';
import type { Kafka, Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { makeEvent, ticketRejectedExample, type Envelope } from '@switchboard/contracts';
import { createKafka, physicalTopic, type HandlerContext } from '@switchboard/messaging';
import { createTestSchema, createTestTopic, testInfra, TopicCollector, waitFor } from '@switchboard/testing';
import { connectEventServer } from './bootstrap';
import { OnEvent } from './kafka-event-server';

const applied: string[] = [];

@Controller()
class ProbeMessageController {
  @OnEvent('ticket.rejected')
  async onRejected(@Payload() event: Envelope, @Ctx() ctx: HandlerContext): Promise<void> {
    if (event.subject === 'T-closed') throw Object.assign(new Error('ticket is archived'), { code: 'TICKET.ALREADY_CLOSED' });
    await ctx.manager.query('SELECT 1');
    applied.push(event.subject);
  }
}

/** A second controller on the same type: Nest chains the two; both run, one after the other, in the message's transaction. */
@Controller()
class SecondProbeMessageController {
  @OnEvent('ticket.rejected')
  async onRejected(@Payload() event: Envelope, @Ctx() ctx: HandlerContext): Promise<void> {
    await ctx.manager.query('SELECT 1');
    applied.push(`second:${event.subject}`);
  }
}

@Module({ controllers: [ProbeMessageController, SecondProbeMessageController] })
class ProbeModule {}

/** The NestJS face of the consumer: `@EventPattern` handlers on the custom kafkajs transport. */
describe('KafkaEventServer (NestJS microservice transport on the real broker)', () => {
  let kafka: Kafka;
  let producer: Producer;
  let db: { dataSource: DataSource; close: () => Promise<void> };
  let app: INestApplication;
  let topic: string;

  beforeAll(async () => {
    kafka = createKafka({ brokers: testInfra().kafkaBrokers, clientId: 'nest-transport-test' });
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    db = await createTestSchema('nest');
    topic = await createTestTopic(kafka, 'nest', 1);
    app = await NestFactory.create(ProbeModule, { logger: false });
    connectEventServer(app, { kafka, dataSource: db.dataSource, groupId: `nest-${topic}`, topics: [topic], retryBaseMs: 10 });
    await app.startAllMicroservices();
    await app.init();
  });

  afterAll(async () => {
    await app.close();
    await new Promise((r) => setTimeout(r, 100));
    await producer.disconnect();
    await db.close();
  });

  it('routes events to every @EventPattern handler of the type, and dead-letters a handler error with its code', async () => {
    const dlq = await new TopicCollector(kafka, [`${topic}.dlq`]).start();
    const send = (subject: string) => makeEvent('ticket.rejected', ticketRejectedExample, { source: 'test', subject, time: new Date() });
    await producer.send({ topic: physicalTopic(topic), messages: [send('T-closed'), send('T-open')].map((e) => ({ key: e.subject, value: JSON.stringify(e) })) });
    await waitFor(() => applied.includes('second:T-open'), { message: 'both handlers to apply T-open' });
    const [dead] = await dlq.waitForCount(1);
    expect(dead!.headers['dlq-reason']).toBe('handler-failed: TICKET.ALREADY_CLOSED: ticket is archived');
    // (`applied` is not transactional: a rolled-back attempt's pushes stay.) The refusing handler applied T-open once; the other ran too.
    expect(applied.filter((a) => !a.startsWith('second:'))).toEqual(['T-open']);
    expect(applied).toContain('second:T-open');
    await dlq.stop();
  });
});
