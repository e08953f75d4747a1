import { z } from 'zod';
import { envelopeSchema } from './envelope';
import { uuidV5 } from './ids';
import { EventRegistry, EVENT_TYPES, type EventType } from './registry';
import { TOPOLOGY } from './topology';
import { ALL_TOPICS, dlqOf, Headers, Topics, type Topic } from './topics';

type Json = Record<string, unknown>;

const KAFKA_BINDING_VERSION = '0.5.0';
const EXAMPLE_NAMESPACE = '5d1f3c2a-8b4e-4f6a-9c7d-2e1b0a9f8c71';
const EXAMPLE_TIME = '2026-11-24T09:12:05+08:00';
const COMMAND_TOPICS: readonly Topic[] = [Topics.DispatchCommands, Topics.CallbackCommands, Topics.IntakeCommands, Topics.SlaCommands, Topics.ScoringCommands];

/** JSON Schema of a zod schema, as the AsyncAPI default schema format (a JSON Schema draft-07 superset) takes it. */
function schemaOf(schema: z.ZodType): Json {
  const json = z.toJSONSchema(schema, { io: 'input', target: 'draft-7' }) as Json;
  delete json.$schema;
  return json;
}

/** The envelope with `type` and `schemaVersion` fixed and `data` = this event's schema. */
function payloadOf(type: EventType): Json {
  const def = EventRegistry[type];
  const envelope = schemaOf(envelopeSchema) as { properties: Json } & Json;
  return {
    ...envelope,
    properties: {
      ...envelope.properties,
      type: { type: 'string', const: type },
      schemaVersion: { type: 'integer', const: def.schemaVersion },
      subject: { ...(envelope.properties.subject as Json), description: `Also the Kafka key: ${TOPOLOGY[def.topic].key}.` },
      data: schemaOf(def.schema),
    },
  };
}

function headersOf(type?: EventType): Json {
  return {
    type: 'object',
    properties: {
      [Headers.EventType]: { type: 'string', ...(type ? { const: type } : {}), description: 'The envelope `type`, readable without parsing the value.' },
      [Headers.TraceParent]: { type: 'string', pattern: '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$', description: 'W3C trace context.' },
      [Headers.CorrelationId]: { type: 'string', description: 'The envelope `correlationId`: the id of the first event of the story.' },
      [Headers.CausationId]: { type: 'string', description: 'The envelope `causationId`: the id of the event or command that caused this one.' },
    },
    required: [Headers.EventType],
  };
}

/** The id a message of this type is keyed by in the example (the envelope subject). */
function exampleSubject(type: EventType, data: Json): string {
  const { topic } = EventRegistry[type];
  const pick = (...fields: string[]) => fields.map((f) => data[f]).find((v): v is string => typeof v === 'string');
  if (topic === Topics.TicketsInbound) return pick('externalId') ?? 'unknown';
  if (COMMAND_TOPICS.includes(topic)) return pick('assignmentId', 'surveyId', 'technicianId', 'knownIssueId', 'incidentId', 'batchId', 'ticketId', 'group', 'policyId', 'messageId', 'customerId', 'findingId', 'month', 'loadId') ?? 'unknown';
  if (topic === Topics.ScoringScorecards) {
    const subject = data.subject as { kind?: unknown; id?: unknown } | undefined;
    if (typeof subject?.kind === 'string' && typeof subject.id === 'string' && typeof data.month === 'string') return `${subject.kind}:${subject.id}|${data.month}`;
  }
  if ((topic === Topics.ScoringKpis || topic === Topics.ScoringKpisV2) && typeof data.region === 'string' && typeof data.date === 'string') return `${data.region}|${data.date}`;
  if (topic === Topics.ScoringKpisV3) return [data.region, data.scopeType, data.scopeId, data.period, data.windowStart].join('|');
  return pick('ticketId', 'technicianId', 'assignmentId', 'surveyId', 'externalId', 'inboundEventId', 'knownIssueId', 'incidentId', 'batchId', 'group', 'policyId', 'loadId') ?? 'unknown';
}

function messageOf(type: EventType): Json {
  const def = EventRegistry[type];
  const data = def.example as Json;
  const id = uuidV5(type, EXAMPLE_NAMESPACE);
  const subject = exampleSubject(type, data);
  const correlationId = uuidV5(`${type}/correlation`, EXAMPLE_NAMESPACE);
  return {
    name: type,
    title: type,
    summary: def.description,
    description: `${def.description} Topic \`${def.topic}\`, schema version ${def.schemaVersion}; \`data\` is libs/contracts/json-schema/${type}.v${def.schemaVersion}.schema.json.`,
    contentType: 'application/json',
    headers: headersOf(type),
    payload: payloadOf(type),
    correlationId: { description: 'Follows one ticket across services.', location: `$message.header#/${Headers.CorrelationId}` },
    bindings: { kafka: { key: { type: 'string', description: TOPOLOGY[def.topic].key }, bindingVersion: KAFKA_BINDING_VERSION } },
    examples: [
      {
        name: type,
        summary: def.description,
        headers: {
          [Headers.EventType]: type,
          [Headers.TraceParent]: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
          [Headers.CorrelationId]: correlationId,
          [Headers.CausationId]: correlationId,
        },
        payload: { id, type, source: 'example/source', time: EXAMPLE_TIME, subject, schemaVersion: def.schemaVersion, correlationId, causationId: correlationId, data },
      },
    ],
  };
}

const DEAD_LETTER_MESSAGE: Json = {
  name: 'dead-letter',
  title: 'dead letter',
  summary: 'A message a consumer could not take: the original key and bytes, unchanged, with the reason in headers.',
  contentType: 'application/octet-stream',
  headers: {
    type: 'object',
    properties: {
      [Headers.DlqReason]: { type: 'string', description: 'Why the message was dead-lettered (validation reasons or the last error).' },
      [Headers.DlqSourceTopic]: { type: 'string' },
      [Headers.DlqSourcePartition]: { type: 'string' },
      [Headers.DlqSourceOffset]: { type: 'string' },
      [Headers.DlqConsumer]: { type: 'string', description: 'The consumer group that gave up.' },
    },
    required: [Headers.DlqReason, Headers.DlqSourceTopic, Headers.DlqSourcePartition, Headers.DlqSourceOffset],
  },
  payload: { description: 'The original message value, byte for byte (it may not be JSON).' },
};

const operationId = (who: string, action: 'send' | 'receive', address: string) => `${who.replace(/\s+/g, '-')}.${action}.${address}`;

/**
 * AsyncAPI 3.0 for every topic in `Topics`: one channel per topic (and its DLQ), one message per
 * event type in `EventRegistry` (the envelope with `data` = the event's schema, its example, the
 * Kafka key and headers), and who sends and receives on each (`TOPOLOGY`). Written to
 * libs/contracts/asyncapi.json by `make schemas`; a unit test fails when the file drifts.
 */
export function generateAsyncApi(): Json {
  const channels: Json = {};
  const operations: Json = {};
  const messages: Json = { 'dead-letter': DEAD_LETTER_MESSAGE };
  for (const type of EVENT_TYPES) messages[type] = messageOf(type);

  for (const topic of ALL_TOPICS) {
    const t = TOPOLOGY[topic];
    const types = EVENT_TYPES.filter((type) => EventRegistry[type].topic === topic);
    const dlq = dlqOf(topic);
    channels[topic] = {
      address: topic,
      title: topic,
      description: `${t.description} Key: ${t.key}. Dead-letter topic: \`${dlq}\`.`,
      messages: Object.fromEntries(types.map((type) => [type, { $ref: `#/components/messages/${type}` }])),
      bindings: { kafka: { topic, bindingVersion: KAFKA_BINDING_VERSION } },
      'x-dlq': dlq,
    };
    channels[dlq] = {
      address: dlq,
      title: dlq,
      description: `Dead letters of \`${topic}\`: messages its consumers (${t.consumers.join(', ')}) could not take.`,
      messages: { 'dead-letter': { $ref: '#/components/messages/dead-letter' } },
      bindings: { kafka: { topic: dlq, bindingVersion: KAFKA_BINDING_VERSION } },
    };
    const refs = types.map((type) => ({ $ref: `#/channels/${topic}/messages/${type}` }));
    for (const producer of t.producers) {
      operations[operationId(producer, 'send', topic)] = {
        action: 'send',
        channel: { $ref: `#/channels/${topic}` },
        summary: `${producer} sends on ${topic}`,
        messages: refs,
        'x-participant': producer,
      };
    }
    for (const consumer of t.consumers) {
      operations[operationId(consumer, 'receive', topic)] = {
        action: 'receive',
        channel: { $ref: `#/channels/${topic}` },
        summary: `${consumer} receives from ${topic}`,
        messages: refs,
        'x-participant': consumer,
      };
    }
  }

  return {
    asyncapi: '3.0.0',
    id: 'urn:switchboard:events',
    info: {
      title: 'Switchboard events',
      version: '1.0.0',
      description:
        'Every Kafka topic of the Switchboard platform, generated from libs/contracts (`make schemas`). Each message is the one envelope ' +
        '(id, type, source, time, subject, schemaVersion, correlationId, causationId, data) as JSON; the key is the subject; topic names carry their version.',
    },
    defaultContentType: 'application/json',
    servers: {
      kafka: { host: 'localhost:9092', protocol: 'kafka', description: 'The brokers of KAFKA_BROKERS (a topic prefix may be configured per environment).' },
    },
    channels,
    operations,
    components: { messages },
  };
}
