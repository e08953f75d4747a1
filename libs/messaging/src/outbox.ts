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
  // One statement whatever the number of events (its text never changes): the rows' columns as
  // one JSON parameter (one native JSON.stringify, no per-element escaping into text arrays),
  // and the payloads — stored byte for byte — as one binary parameter cut apart by offsets.
  // Rows take their `seq` in the order given.
  const rows: { i: number; e: string; t: string; k: string; y: string; at: number; len: number; h: Record<string, string> }[] = [];
  const payloads: Buffer[] = [];
  const written: Omit<WrittenOutboxRow, 'seq'>[] = [];
  let offset = 1; // substring() counts from 1
  for (const [i, { event: e, trace }] of items.entries()) {
    const headers: Record<string, string> = {
      [Headers.EventType]: e.envelope.type,
      [Headers.TraceParent]: childTraceparent(trace?.traceparent),
    };
    const correlation = e.envelope.correlationId ?? trace?.correlationId;
    if (correlation) headers[Headers.CorrelationId] = correlation;
    const causation = e.envelope.causationId ?? trace?.causationId;
    if (causation) headers[Headers.CausationId] = causation;
    const topic = e.topic ?? topicOf(e.envelope.type as EventType);
    const key = e.key ?? e.envelope.subject;
    const payload = Buffer.from(JSON.stringify(e.envelope));
    rows.push({ i, e: e.envelope.id, t: topic, k: key, y: e.envelope.type, at: offset, len: payload.length, h: headers });
    payloads.push(payload);
    written.push({ topic, key, payload, headers });
    offset += payload.length;
  }
  const inserted = await manager.query<{ seq: string; event_id: string }[]>(
    `INSERT INTO outbox (event_id, topic, message_key, event_type, payload, headers)
     SELECT q.e, q.t, q.k, q.y, substring($2::bytea FROM q.at FOR q.len), q.h
       FROM json_to_recordset($1::json) AS q(i int, e uuid, t text, k text, y text, at int, len int, h jsonb)
      ORDER BY q.i
     RETURNING seq, event_id`,
    [JSON.stringify(rows), Buffer.concat(payloads, offset - 1)],
  );
  const at = new Map(rows.map((r, k) => [r.e.toLowerCase(), k]));
  return inserted.map((r) => ({ seq: String(r.seq), ...written[at.get(r.event_id)!]! }));
}
