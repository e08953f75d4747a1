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

/**
 * The write side of the transactional outbox: called with the transaction's EntityManager, so
 * the events commit or roll back with the state change that caused them.
 */
export async function enqueueEvents(manager: EntityManager, events: OutgoingEvent[], trace?: TraceContext): Promise<void> {
  if (events.length === 0) return;
  const values: unknown[] = [];
  const rows = events.map((e, i) => {
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
