import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startService, TEST_API_KEY, type RunningService } from './support/service-process';

interface OpenApiDocument {
  paths: Record<string, Record<string, { requestBody?: { content: { 'application/json': { example: Record<string, unknown> } } } }>>;
}

/** Issue #9, "Documentation a user expects": the gateway serves its OpenAPI document, and the document tells the truth. */
describe('gateway API documentation', () => {
  let gateway: RunningService;
  const committed = JSON.parse(readFileSync(join(__dirname, '..', 'docs', 'api', 'openapi.json'), 'utf8')) as OpenApiDocument;

  beforeAll(async () => {
    gateway = await startService('gateway', 18170, {});
  });

  afterAll(async () => {
    await gateway?.stop();
  });

  const post = (path: string, body: unknown) =>
    fetch(gateway.url(path), { method: 'POST', headers: { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('serves /docs/openapi.json without a key, equal to the committed docs/api/openapi.json', async () => {
    const res = await fetch(gateway.url('/docs/openapi.json'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toEqual(committed);
  });

  it('serves /docs as an HTML page without a key', async () => {
    const res = await fetch(gateway.url('/docs'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('<!doctype html>');
    expect(html).toContain('/docs/openapi.json');
  });

  it('still asks for a key everywhere else', async () => {
    expect((await fetch(gateway.url('/v1/tickets'))).status).toBe(401);
  });

  it('accepts a ticket built from the documented example of POST /v1/tickets (202)', async () => {
    const example = committed.paths['/v1/tickets']!.post!.requestBody!.content['application/json'].example;
    const res = await post('/v1/tickets', { ...example, externalId: `DOC-${randomUUID().slice(0, 8)}` });
    expect(res.status).toBe(202);
    expect(res.headers.get('location')).toMatch(/^\/v1\/tickets\/[0-9a-f-]{36}$/);
  });

  it('refuses a ticket that breaks a documented constraint (422, with the reason)', async () => {
    const example = committed.paths['/v1/tickets']!.post!.requestBody!.content['application/json'].example;
    // `kind` is documented as one of install | move | repair | complaint.
    const res = await post('/v1/tickets', { ...example, externalId: `DOC-${randomUUID().slice(0, 8)}`, kind: 'teleport' });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: string; reasons: { path: string }[] };
    expect(body.error).toBe('VALIDATION_FAILED');
    expect(body.reasons.map((r) => r.path)).toContain('kind');
  });
});
