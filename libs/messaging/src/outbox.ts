import type { EntityManager } from 'typeorm';
import { Headers, topicOf, type Envelope, type EventType } from '@switchboard/contracts';
import { childTraceparent, type TraceContext } from './trace';

export interface OutgoingEvent {
  envelope: Envelope;
  /** Defaults to the topic of the event type in the contracts registry. */
  topic?: string;
  /** Defaults to the envelope's subject, so one ticket's events stay on one partition. */
  key?: string;
}

/** An event with the trace of the handling that caused it, waiting to be written to the outbox. */
export interface TracedEvent {
  event: OutgoingEvent;
  trace?: TraceContext;
}

/** Rows per INSERT: 6 parameters each, well under PostgreSQL's 65,535 bind parameters. */
const ROWS_PER_STATEMENT = 1_000;

/**
 * The write side of the transactional outbox: called with the transaction's EntityManager, so
 * the events commit or roll back with the state change that caused them.
 */
export async function enqueueEvents(manager: EntityManager, events: OutgoingEvent[], trace?: TraceContext): Promise<void> {
  await enqueueTracedEvents(
    manager,
    events.map((event) => ({ event, trace })),
  );
}

/**
 * Writes events, each with its own trace, in as few multi-row INSERTs as possible (in order: the
 * relay publishes by `seq`). The EventConsumer collects a whole run's events and writes them once,
 * just before the run's transaction commits.
 */
export async function enqueueTracedEvents(manager: EntityManager, items: TracedEvent[]): Promise<void> {
  for (let from = 0; from < items.length; from += ROWS_PER_STATEMENT) {
    const values: unknown[] = [];
    const rows = items.slice(from, from + ROWS_PER_STATEMENT).map(({ event: e, trace }, i) => {
      const topic = e.topic ?? topicOf(e.envelope.type as EventType);
      const headers: Record<string, string> = {
        [Headers.EventType]: e.envelope.type,
        [Headers.TraceParent]: childTraceparent(trace?.traceparent),
      };
      const correlation = e.envelope.correlationId ?? trace?.correlationId;
      if (correlation) headers[Headers.CorrelationId] = correlation;
      const causation = e.envelope.causationId ?? trace?.causationId;
      if (causation) headers[Headers.CausationId] = causation;
      values.push(e.envelope.id, topic, e.key ?? e.envelope.subject, e.envelope.type, Buffer.from(JSON.stringify(e.envelope)), JSON.stringify(headers));
      const b = i * 6;
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}::jsonb)`;
    });
    await manager.query(
      `INSERT INTO outbox (event_id, topic, message_key, event_type, payload, headers) VALUES ${rows.join(', ')}`,
      values,
    );
  }
}
