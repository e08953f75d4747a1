import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateJsonSchemas } from './json-schema';

const dir = join(__dirname, '..', 'json-schema');

describe('generated JSON Schemas', () => {
  it('are committed and match the zod contracts (run `make schemas` after changing a contract)', () => {
    const generated = generateJsonSchemas();
    expect(readdirSync(dir).filter((f) => f.endsWith('.json')).sort()).toEqual(Object.keys(generated).sort());
    for (const [name, schema] of Object.entries(generated)) {
      expect(JSON.parse(readFileSync(join(dir, name), 'utf8'))).toEqual(schema);
    }
  });

  it('describe the ingress body field by field, with no extra fields allowed', () => {
    const schema = generateJsonSchemas()['ticket.received.v1.schema.json'] as { properties: Record<string, unknown>; required: string[]; additionalProperties: boolean };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(expect.arrayContaining(['externalId', 'channel', 'kind', 'service', 'customer', 'location', 'summary', 'reportedAt']));
    expect(schema.properties.kind).toEqual({ type: 'string', enum: ['install', 'move', 'repair', 'complaint'] });
  });
});
