import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ticketReceivedSchema } from '@switchboard/contracts';
import { ApiRoutes } from './api-routes';
import { buildOpenApi } from './openapi';

const committed = join(__dirname, '..', '..', '..', '..', 'docs', 'api', 'openapi.json');

interface Operation {
  security?: unknown[];
  parameters?: { name: string; in: string; required: boolean }[];
  requestBody?: { content: { 'application/json': { schema: { required?: string[]; additionalProperties?: boolean }; example?: unknown } } };
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
}

describe('the gateway OpenAPI document', () => {
  const doc = buildOpenApi() as { openapi: string; paths: Record<string, Record<string, Operation>>; components: { securitySchemes: Record<string, unknown> } };

  it('is committed as docs/api/openapi.json and matches the route table (run `make schemas` after changing a route)', () => {
    expect(JSON.parse(readFileSync(committed, 'utf8'))).toEqual(doc);
  });

  it('documents every route of the table once, with the bearer API key and /health and /docs public', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const route of Object.values(ApiRoutes)) {
      const op = doc.paths[route.path]?.[route.method];
      expect(op).toBeDefined();
      if ('public' in route) {
        expect(op!.security).toEqual([]);
        // No credential to refuse; the login answers 401 of its own (a wrong password).
        if (!(401 in route.responses)) expect(op!.responses['401']).toBeUndefined();
      } else {
        expect(op!.security).toBeUndefined();
        expect(op!.responses['401']?.content?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/ApiError' });
      }
    }
    expect(doc.paths['/health']?.get?.security).toEqual([]);
  });

  it('uses the zod contract of the ingress as the body of POST /v1/tickets, with an example that passes it', () => {
    const body = doc.paths['/v1/tickets']!.post!.requestBody!.content['application/json'];
    expect(body.schema.additionalProperties).toBe(false);
    expect(body.schema.required).toEqual(expect.arrayContaining(['externalId', 'channel', 'kind', 'service', 'customer', 'location', 'summary', 'reportedAt']));
    expect(ticketReceivedSchema.safeParse(body.example).success).toBe(true);
    expect(doc.paths['/v1/tickets']!.post!.responses['422']).toBeDefined();
  });

  it('has an example that passes its own schema for every documented body', () => {
    for (const route of Object.values(ApiRoutes)) {
      if ('body' in route && 'bodyExample' in route) expect(route.body.safeParse(route.bodyExample).success).toBe(true);
    }
  });

  it('describes path and query parameters from the same schemas the controllers validate with', () => {
    expect(doc.paths['/v1/assignments/{id}/{action}']!.post!.parameters).toEqual([
      expect.objectContaining({ name: 'id', in: 'path', required: true }),
      expect.objectContaining({ name: 'action', in: 'path', required: true, schema: { type: 'string', enum: ['accept', 'contact', 'arrive', 'complete'] } }),
    ]);
    const limit = doc.paths['/v1/tickets']!.get!.parameters!.find((p) => p.name === 'limit');
    expect(limit).toMatchObject({ in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } });
  });
});
