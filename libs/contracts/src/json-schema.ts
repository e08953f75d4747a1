import { z } from 'zod';
import { envelopeSchema } from './envelope';
import { EventRegistry, EVENT_TYPES } from './registry';

/** JSON Schema (draft 2020-12) for the envelope and for each event's data, generated from the zod schemas. */
export function generateJsonSchemas(): Record<string, unknown> {
  const out: Record<string, unknown> = {
    'envelope.schema.json': { $id: 'https://switchboard.local/schemas/envelope.schema.json', ...z.toJSONSchema(envelopeSchema, { io: 'input' }) },
  };
  for (const type of EVENT_TYPES) {
    const def = EventRegistry[type];
    out[`${type}.v${def.schemaVersion}.schema.json`] = {
      $id: `https://switchboard.local/schemas/${type}.v${def.schemaVersion}.schema.json`,
      title: type,
      description: `${def.description} Topic: ${def.topic}.`,
      ...z.toJSONSchema(def.schema, { io: 'input' }),
      examples: [def.example],
    };
  }
  return out;
}
