import type { z } from 'zod';
import { Topics, type Topic } from './topics';
import { TICKET_ACCEPTED, ticketAcceptedExample, ticketAcceptedSchema } from './events/ticket-accepted';
import { TICKET_RECEIVED, ticketReceivedExample, ticketReceivedSchema } from './events/ticket-received';
import { TICKET_REJECTED, ticketRejectedExample, ticketRejectedSchema } from './events/ticket-rejected';

export interface EventDefinition<S extends z.ZodType = z.ZodType> {
  readonly topic: Topic;
  readonly schemaVersion: number;
  readonly schema: S;
  readonly example: z.infer<S>;
  readonly description: string;
}

/**
 * Every event type the platform knows, with its topic, schema and example. The map is exhaustive
 * over `EventType`, so a new event cannot be added without its schema and example.
 */
export const EventRegistry = {
  [TICKET_RECEIVED]: {
    topic: Topics.TicketsInbound,
    schemaVersion: 1,
    schema: ticketReceivedSchema,
    example: ticketReceivedExample,
    description: 'A call-centre system raises a ticket (ingress; keyed by externalId).',
  },
  [TICKET_ACCEPTED]: {
    topic: Topics.TicketsLifecycle,
    schemaVersion: 1,
    schema: ticketAcceptedSchema,
    example: ticketAcceptedExample,
    description: 'Intake validated, deduplicated and persisted a ticket.',
  },
  [TICKET_REJECTED]: {
    topic: Topics.TicketsLifecycle,
    schemaVersion: 1,
    schema: ticketRejectedSchema,
    example: ticketRejectedExample,
    description: 'Intake could not accept an ingress event; one reason per offending field.',
  },
} as const satisfies Record<string, EventDefinition>;

export type EventType = keyof typeof EventRegistry;
export type EventData<T extends EventType> = z.infer<(typeof EventRegistry)[T]['schema']>;

export const EVENT_TYPES = Object.keys(EventRegistry) as EventType[];

export function isEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(EventRegistry, type);
}
