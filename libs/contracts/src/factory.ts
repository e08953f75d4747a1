import { randomUUID } from 'node:crypto';
import type { Envelope } from './envelope';
import { EventRegistry, type EventData, type EventType } from './registry';

export interface EventMeta {
  source: string;
  subject: string;
  time: Date;
  id?: string;
  correlationId?: string;
  causationId?: string;
}

/** Builds a well-formed envelope for a known event type; the data is typed by the registry. */
export function makeEvent<T extends EventType>(type: T, data: EventData<T>, meta: EventMeta): Envelope<T, EventData<T>> {
  return {
    id: meta.id ?? randomUUID(),
    type,
    source: meta.source,
    time: meta.time.toISOString(),
    subject: meta.subject,
    schemaVersion: EventRegistry[type].schemaVersion,
    ...(meta.correlationId !== undefined ? { correlationId: meta.correlationId } : {}),
    ...(meta.causationId !== undefined ? { causationId: meta.causationId } : {}),
    data,
  };
}

export function topicOf(type: EventType) {
  return EventRegistry[type].topic;
}
