import { Kafka, logLevel, type Producer } from 'kafkajs';
import { Headers, makeEvent, ticketIdFor, Topics, type TicketReceived } from '@switchboard/contracts';
import { physicalTopic } from '@switchboard/messaging';

/** The source a Kafka-only call-centre system puts on its ingress events. */
export const SIM_KAFKA_SOURCE = 'call-centre/sim-kafka';

/** A way to raise a ticket other than the gateway's HTTP API. */
export interface TicketIngress {
  readonly name: string;
  /** Raises the ticket; resolves with the ticket id the platform will give it. */
  send(ticket: TicketReceived, now: Date): Promise<{ ticketId: string }>;
  close(): Promise<void>;
}

/**
 * A call-centre system that speaks only Kafka: `ticket.received` envelopes on
 * `tickets.inbound.v1`, keyed by the external id (architecture.md, issue 3 §1).
 */
export class KafkaTicketIngress implements TicketIngress {
  readonly name = 'kafka';
  private readonly topic = physicalTopic(Topics.TicketsInbound);

  private constructor(private readonly producer: Producer) {}

  /**
   * Connects and checks that the ingress topic exists; resolves with the reason instead when
   * the broker cannot be used, so the simulation can go on over HTTP only.
   */
  static async connect(brokers: string[], timeoutMs = 5_000): Promise<KafkaTicketIngress | { unavailable: string }> {
    const kafka = new Kafka({
      clientId: 'switchboard-simulator',
      brokers,
      logLevel: logLevel.NOTHING,
      connectionTimeout: 2_000,
      retry: { retries: 2, initialRetryTime: 200, maxRetryTime: 1_000 },
    });
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    const admin = kafka.admin();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    const topic = physicalTopic(Topics.TicketsInbound);
    try {
      await Promise.race([
        (async () => {
          await admin.connect();
          const topics = await admin.listTopics();
          if (!topics.includes(topic)) throw new Error(`topic ${topic} does not exist (make topics creates it)`);
          await producer.connect();
        })(),
        deadline,
      ]);
      return new KafkaTicketIngress(producer);
    } catch (e) {
      await producer.disconnect().catch(() => undefined);
      return { unavailable: `Kafka at ${brokers.join(',')}: ${(e as Error).message}` };
    } finally {
      clearTimeout(timer);
      await admin.disconnect().catch(() => undefined);
    }
  }

  async send(ticket: TicketReceived, now: Date): Promise<{ ticketId: string }> {
    const envelope = makeEvent('ticket.received', ticket, { source: SIM_KAFKA_SOURCE, subject: ticket.externalId, time: now });
    await this.producer.send({
      topic: this.topic,
      messages: [{ key: ticket.externalId, value: JSON.stringify(envelope), headers: { [Headers.EventType]: envelope.type } }],
    });
    return { ticketId: ticketIdFor(SIM_KAFKA_SOURCE, ticket.externalId) };
  }

  async close(): Promise<void> {
    await this.producer.disconnect();
  }
}
