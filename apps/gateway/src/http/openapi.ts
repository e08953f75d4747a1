import { z } from 'zod';
import { apiErrorSchema, ApiRoutes, type ApiRoute } from './api-routes';

type Json = Record<string, unknown>;

/**
 * JSON Schema 2020-12 (OpenAPI 3.1's dialect) of a zod schema. Schemas named with `.meta({ id })`
 * go to `components.schemas` and are referenced from where they are used.
 */
function schemaOf(schema: z.ZodType, io: 'input' | 'output', components: Json): Json {
  const id = z.globalRegistry.get(schema)?.id;
  const rest = z.toJSONSchema(schema, { io }) as Json & { $defs?: Json };
  const $defs = rest.$defs;
  for (const key of ['$schema', '$defs', 'id']) delete rest[key];
  const toComponents = (value: unknown): Json => JSON.parse(JSON.stringify(value).replaceAll('"#/$defs/', '"#/components/schemas/')) as Json;
  Object.assign(components, toComponents($defs ?? {}));
  if (id) {
    components[id] = toComponents(rest);
    return { $ref: `#/components/schemas/${id}` };
  }
  return toComponents(rest);
}

function parametersOf(where: 'path' | 'query', schema: z.ZodObject | undefined, components: Json): Json[] {
  if (!schema) return [];
  const json = schemaOf(schema, 'input', components) as { properties: Record<string, Json & { description?: string }>; required?: string[] };
  return Object.entries(json.properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return { name, in: where, required: where === 'path' || (json.required ?? []).includes(name), ...(description ? { description } : {}), schema: rest };
  });
}

function responseOf(response: ApiRoute['responses'][number], components: Json): Json {
  const headers = response.headers
    ? { headers: Object.fromEntries(Object.entries(response.headers).map(([name, description]) => [name, { description, schema: { type: 'string' } }])) }
    : {};
  const content = response.schema
    ? { content: { 'application/json': { schema: schemaOf(response.schema, 'output', components) } } }
    : response.contentType
      ? { content: { [response.contentType]: { schema: { type: 'string' } } } }
      : {};
  return { description: response.description, ...headers, ...content };
}

const ERROR_REF = { $ref: '#/components/schemas/ApiError' };
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: ERROR_REF } } });

function operationOf(route: ApiRoute, components: Json): Json {
  const responses: Json = {};
  for (const [status, response] of Object.entries(route.responses)) responses[status] = responseOf(response, components);
  if (!route.public) {
    responses['401'] = errorResponse('No credential, an unknown or revoked API key, or an invalid or expired access token (`AUTH.MISSING_KEY`, `AUTH.INVALID_KEY`, `AUTH.INVALID_TOKEN`).');
    responses['403'] ??= errorResponse("The key's role or its `operations` do not include this operation (`AUTH.FORBIDDEN`, ADR 0024).");
    responses['429'] = {
      ...errorResponse("Over the key's requests a minute (`AUTH.RATE_LIMITED`)."),
      headers: { 'Retry-After': { description: 'Seconds until the key may send another request.', schema: { type: 'integer' } } },
    };
  }
  if (route.params || route.query || route.body) responses['422'] = errorResponse('The request is not valid (`VALIDATION_FAILED`), with one reason per field.');
  const parameters = [...parametersOf('path', route.params, components), ...parametersOf('query', route.query, components)];
  return {
    operationId: route.operationId,
    tags: [route.tag],
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    ...(route.public ? { security: [] } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: {
              [route.bodyContentType ?? 'application/json']: {
                schema: schemaOf(route.body, 'input', components),
                ...(route.bodyExample !== undefined ? { example: route.bodyExample } : {}),
              },
            },
          },
        }
      : {}),
    responses: Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b))),
  };
}

/** OpenAPI 3.1 of the gateway, built from `ApiRoutes`: served at `GET /docs/openapi.json` and committed as docs/api/openapi.json. */
export function buildOpenApi(routes: Record<string, ApiRoute> = ApiRoutes): Json {
  const components: Json = {};
  schemaOf(apiErrorSchema, 'output', components);
  const paths: Record<string, Json> = {};
  for (const route of Object.values(routes)) {
    paths[route.path] = { ...paths[route.path], [route.method]: operationOf(route, components) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Switchboard gateway',
      version: '1.0.0',
      description:
        'The only door into Switchboard from outside. Every route but /health, /docs and the login needs `Authorization: Bearer <API key>` (systems) or `Bearer <access token>` (people, from `POST /v1/auth/login`). ' +
        'Errors are `{ error, message, reasons? }`. Generated from apps/gateway/src/http/api-routes.ts; the events behind it are in libs/contracts/asyncapi.json.',
    },
    servers: [{ url: '/', description: 'This gateway' }],
    security: [{ apiKey: [] }, { accessToken: [] }],
    tags: [...new Set(Object.values(routes).map((r) => r.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', bearerFormat: 'API key', description: 'An API key created by an admin (`sb_…`).' },
        accessToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: "A person's access token from `POST /v1/auth/login` (HS256, short-lived; ADR 0029)." },
      },
      schemas: Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b))),
    },
  };
}
