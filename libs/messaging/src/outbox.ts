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
 * Writes events, each with its own trace, in one INSERT (in order: the relay publishes by `seq`)
 * and returns the rows as written. The EventConsumer collects a whole run's events and writes them once,
 * just before the run's transaction commits.
 */
/** An outbox row as written, kept in memory so the relay of the same process can send it without reading it back. */
export interface WrittenOutboxRow {
  seq: string;
  topic: string;
  key: string;
  payload: Buffer;
  headers: Record<string, string>;
}

export async function enqueueTracedEvents(manager: EntityManager, items: TracedEvent[]): Promise<WrittenOutboxRow[]> {
  if (items.length === 0) return [];
  // One statement whatever the number of events (its text never changes). The payloads and
  // headers travel as one binary parameter, cut apart by offset in SQL: no per-row escaping of
  // JSON into a text array, which showed in intake's profile. Rows take their `seq` in order.
  const ids: string[] = [];
  const topics: string[] = [];
  const keys: string[] = [];
  const types: string[] = [];
  const parts: Buffer[] = [];
  const written: Omit<WrittenOutboxRow, 'seq'>[] = [];
  const payloadAt: number[] = [];
  const payloadLength: number[] = [];
  const headersAt: number[] = [];
  const headersLength: number[] = [];
  let offset = 1; // substring() counts from 1
  for (const { event: e, trace } of items) {
    const headers: Record<string, string> = {
      [Headers.EventType]: e.envelope.type,
      [Headers.TraceParent]: childTraceparent(trace?.traceparent),
    };
    const correlation = e.envelope.correlationId ?? trace?.correlationId;
    if (correlation) headers[Headers.CorrelationId] = correlation;
    const causation = e.envelope.causationId ?? trace?.causationId;
    if (causation) headers[Headers.CausationId] = causation;
    ids.push(e.envelope.id);
    topics.push(e.topic ?? topicOf(e.envelope.type as EventType));
    keys.push(e.key ?? e.envelope.subject);
    types.push(e.envelope.type);
    const payload = Buffer.from(JSON.stringify(e.envelope));
    const headerBytes = Buffer.from(JSON.stringify(headers));
    parts.push(payload, headerBytes);
    written.push({ topic: topics[topics.length - 1]!, key: keys[keys.length - 1]!, payload, headers });
    payloadAt.push(offset);
    payloadLength.push(payload.length);
    offset += payload.length;
    headersAt.push(offset);
    headersLength.push(headerBytes.length);
    offset += headerBytes.length;
  }
  const rows = await manager.query<{ seq: string; event_id: string }[]>(
    `INSERT INTO outbox (event_id, topic, message_key, event_type, payload, headers)
     SELECT event_id, topic, message_key, event_type, substring($5::bytea FROM payload_at FOR payload_length),
            convert_from(substring($5::bytea FROM headers_at FOR headers_length), 'UTF8')::jsonb
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $6::int[], $7::int[], $8::int[], $9::int[]) WITH ORDINALITY
         AS q(event_id, topic, message_key, event_type, payload_at, payload_length, headers_at, headers_length, i)
      ORDER BY i
     RETURNING seq, event_id`,
    [ids, topics, keys, types, Buffer.concat(parts, offset - 1), payloadAt, payloadLength, headersAt, headersLength],
  );
  const at = new Map(ids.map((id, k) => [id.toLowerCase(), k]));
  return rows.map((r) => ({ seq: String(r.seq), ...written[at.get(r.event_id)!]! }));
}
