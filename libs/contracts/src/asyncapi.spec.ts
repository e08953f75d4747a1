import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateAsyncApi } from './asyncapi';
import { EventRegistry, EVENT_TYPES } from './registry';
import { ALL_TOPICS, dlqOf, Headers } from './topics';

const file = join(__dirname, '..', 'asyncapi.json');

interface Doc {
  asyncapi: string;
  channels: Record<string, { address: string; messages: Record<string, { $ref: string }>; 'x-dlq'?: string }>;
  operations: Record<string, { action: string; channel: { $ref: string }; messages: { $ref: string }[] }>;
  components: {
    messages: Record<
      string,
      {
        payload: { properties: Record<string, unknown>; required: string[] };
        headers: { properties: Record<string, unknown> };
        bindings: { kafka: { key: unknown } };
        examples: { payload: { type: string; subject: string; data: unknown } }[];
      }
    >;
  };
}

describe('AsyncAPI document', () => {
  const doc = generateAsyncApi() as unknown as Doc;

  it('is committed and matches libs/contracts (run `make schemas` after changing a contract or a topic)', () => {
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(doc);
  });

  it('has a channel for every topic, with its DLQ', () => {
    expect(doc.asyncapi).toBe('3.0.0');
    for (const topic of ALL_TOPICS) {
      expect(doc.channels[topic]?.address).toBe(topic);
      expect(doc.channels[topic]?.['x-dlq']).toBe(dlqOf(topic));
      expect(doc.channels[dlqOf(topic)]?.address).toBe(dlqOf(topic));
    }
  });

  it('has a message for every event type on its topic: the envelope around its data schema, an example, the key and the headers', () => {
    for (const type of EVENT_TYPES) {
      const def = EventRegistry[type];
      const message = doc.components.messages[type];
      expect(message).toBeDefined();
      expect(doc.channels[def.topic]?.messages[type]).toEqual({ $ref: `#/components/messages/${type}` });
      expect(message!.payload.properties.type).toEqual({ type: 'string', const: type });
      expect(message!.payload.required).toEqual(expect.arrayContaining(['id', 'type', 'source', 'time', 'subject', 'schemaVersion', 'data']));
      expect(message!.payload.properties.data).toMatchObject({ type: 'object' });
      expect(Object.keys(message!.headers.properties)).toEqual(expect.arrayContaining([Headers.EventType, Headers.TraceParent, Headers.CorrelationId, Headers.CausationId]));
      expect(message!.bindings.kafka.key).toBeDefined();
      expect(message!.examples[0]!.payload).toMatchObject({ type, data: def.example });
      expect(message!.examples[0]!.payload.subject).not.toBe('unknown');
    }
  });

  it('validates each example envelope against its own payload schema (the data part with the zod contract)', () => {
    for (const type of EVENT_TYPES) {
      expect(EventRegistry[type].schema.safeParse(doc.components.messages[type]!.examples[0]!.payload.data).success).toBe(true);
    }
  });

  it('says who sends and who receives on every topic, with references that resolve', () => {
    for (const topic of ALL_TOPICS) {
      const ops = Object.values(doc.operations).filter((o) => o.channel.$ref === `#/channels/${topic}`);
      expect(ops.some((o) => o.action === 'send')).toBe(true);
      expect(ops.some((o) => o.action === 'receive')).toBe(true);
    }
    for (const op of Object.values(doc.operations)) {
      expect(doc.channels[op.channel.$ref.replace('#/channels/', '')]).toBeDefined();
      for (const ref of op.messages) {
        const [, , channel, , message] = ref.$ref.split('/');
        expect(doc.channels[channel!]?.messages[message!]).toBeDefined();
      }
    }
  });
});
