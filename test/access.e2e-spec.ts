import { createHash, randomUUID } from 'node:crypto';
import type { ReadableStreamReadResult } from 'node:stream/web';
import type { Kafka, Producer } from 'kafkajs';
import { callbackQueuedExample, EventRegistry, incidentOpenedExample, knownIssueOpenExample, makeEvent, surveyScheduledExample, technicianRegisteredExample, technicianRegisterExample, ticketAssignedExample, ticketReceivedExample, ticketRejectedExample, Topics, type TicketReceived } from '@switchboard/contracts';
import { createKafka, physicalTopic } from '@switchboard/messaging';
import { testInfra, waitFor } from '@switchboard/testing';
import { startService, TEST_API_KEY, type RunningService } from './support/service-process';

const WAIT = { timeoutMs: 30_000 };

interface ApiKeyView {
  id: string;
  name: string;
  source: string;
  role: string;
  regions: string[] | null;
  operations: string[] | null;
  rateLimitPerMinute: number | null;
  revokedAt: string | null;
}
interface AuditRow {
  keyId: string | null;
  keyName: string | null;
  role: string | null;
  method: string;
  path: string;
  operationId: string | null;
  status: number;
  remoteAddress: string | null;
  userAgent: string | null;
  at: string;
}
interface ErrorBody {
  error: string;
  message: string;
  reasons?: { path: string; message: string }[];
}

/**
 * Issue 9, "Access", through the real gateway (and intake, for tickets to read back): admins make
 * scoped, rate-limited API keys and revoke them; the guard holds each key to its role's operations
 * and its regions; a key over its limit gets 429 with Retry-After; every command lands in the audit log.
 */
describe('access: API keys, scopes, rate limits and the audit log (gateway + intake)', () => {
  let gateway: RunningService;
  let intake: RunningService;
  let kafka: Kafka;
  let producer: Producer;
  const run = randomUUID().slice(0, 8);
  // This file's own regions and user agent: nothing of another test file matches them.
  const regionA = `ac-a-${run}`;
  const regionB = `ac-b-${run}`;
  const userAgent = `access-e2e/${run}`;

  beforeAll(async () => {
    kafka = createKafka({ brokers: testInfra().kafkaBrokers, clientId: 'access-e2e' });
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    [gateway, intake] = await Promise.all([
      startService('gateway', 18950),
      // IPTV repairs wait in the remote support queue for 30 minutes: long enough to act on them.
      startService('intake', 18951, { REMOTE_SUPPORT_KINDS: 'repair:iptv', REMOTE_SUPPORT_HOLD_MINUTES: '30' }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([gateway?.stop('SIGTERM'), intake?.stop('SIGTERM')]);
    await producer?.disconnect();
  });

  const call = (key: string | undefined, method: string, path: string, body?: unknown) =>
    fetch(gateway.url(path), {
      method,
      headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), 'content-type': 'application/json', 'user-agent': userAgent },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  const admin = (method: string, path: string, body?: unknown) => call(TEST_API_KEY, method, path, body);

  async function createKey(body: Record<string, unknown>): Promise<{ key: string; apiKey: ApiKeyView }> {
    const res = await admin('POST', '/v1/api-keys', body);
    expect(res.status).toBe(201);
    return (await res.json()) as { key: string; apiKey: ApiKeyView };
  }

  function ticket(region: string, over: Partial<TicketReceived> = {}): TicketReceived {
    return { ...ticketReceivedExample, externalId: `AC-${run}-${randomUUID().slice(0, 8)}`, location: { ...ticketReceivedExample.location, region }, ...over };
  }

  /** The ticket as the admin key reads it, once intake has accepted it. */
  async function accepted(ticketId: string): Promise<void> {
    await waitFor(async () => (await admin('GET', `/v1/tickets/${ticketId}`)).status === 200, { ...WAIT, message: `ticket ${ticketId} in the read model` });
  }


  /** A live `GET /v1/stream` read in the background; `text()` is everything received so far. */
  async function openStream(key: string): Promise<{ text: () => string; close: () => void }> {
    const controller = new AbortController();
    const res = await fetch(gateway.url('/v1/stream'), { headers: { authorization: `Bearer ${key}` }, signal: controller.signal });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    void (async () => {
      for (;;) {
        const chunk: ReadableStreamReadResult<Uint8Array> = await reader.read();
        if (chunk.done) return;
        text += decoder.decode(chunk.value, { stream: true });
      }
    })().catch(() => undefined);
    return { text: () => text, close: () => controller.abort() };
  }

  describe('key management (admins only)', () => {
    it('creates a key shown once, lists keys without the key or its hash, and refuses the same calls from a non-admin key (403 with a reason)', async () => {
      const { key, apiKey } = await createKey({ name: `call centre ${run}`, source: `call-centre/${run}`, role: 'channel', regions: [regionA] });
      expect(key).toMatch(/^sb_[A-Za-z0-9_-]{40,}$/);
      expect(apiKey).toMatchObject({ name: `call centre ${run}`, role: 'channel', regions: [regionA], operations: null, rateLimitPerMinute: 600, revokedAt: null });

      const list = await admin('GET', '/v1/api-keys');
      expect(list.status).toBe(200);
      const text = await list.text();
      const items = (JSON.parse(text) as { items: ApiKeyView[] }).items;
      expect(items.find((k) => k.id === apiKey.id)).toMatchObject({ name: `call centre ${run}`, source: `call-centre/${run}` });
      expect(text).not.toContain(key);
      expect(text).not.toContain(createHash('sha256').update(key).digest('hex'));

      for (const [method, path] of [
        ['POST', '/v1/api-keys'],
        ['GET', '/v1/api-keys'],
        ['POST', `/v1/api-keys/${apiKey.id}/revoke`],
        ['GET', '/v1/audit'],
      ] as const) {
        const res = await call(key, method, path, method === 'POST' ? { name: 'mine', source: 'x', role: 'admin' } : undefined);
        expect(`${method} ${path} ${res.status}`).toBe(`${method} ${path} 403`);
        const body = (await res.json()) as ErrorBody;
        expect(body.error).toBe('AUTH.FORBIDDEN');
        expect(body.message).toMatch(/a channel key may not call/);
      }
    });

    it('refuses an unknown role, an unknown or out-of-role operationId and a bad region list (422, a reason each)', async () => {
      const cases: [Record<string, unknown>, string, RegExp][] = [
        [{ name: 'x', source: 'x/1', role: 'root' }, 'role', /admin|channel|bi|ops/],
        [{ name: 'x', source: 'x/1', role: 'bi', operations: ['listTickets', 'dropTables'] }, 'operations.1', /unknown operationId "dropTables"/],
        [{ name: 'x', source: 'x/1', role: 'bi', operations: ['submitTicket'] }, 'operations.0', /a bi key may not call submitTicket/],
        [{ name: 'x', source: 'x/1', role: 'channel', regions: [] }, 'regions', /too small/i],
        [{ name: 'x', source: 'x/1', role: 'channel', regions: ['hangzhou', 'hangzhou'] }, 'regions', /each region once/],
        [{ name: 'x', source: 'x/1', role: 'channel', regions: ['hang zhou'] }, 'regions.0', /letters, digits/],
        [{ name: 'x', source: 'x/1', role: 'admin', regions: ['hangzhou'] }, 'regions', /admin key acts on every region/],
        [{ name: 'x', source: 'x/1', role: 'ops', rateLimitPerMinute: 0 }, 'rateLimitPerMinute', /too small/i],
        [{ name: 'x', source: 'x/1', role: 'ops', keyHash: 'abc' }, '', /keyHash/],
      ];
      for (const [body, path, message] of cases) {
        const res = await admin('POST', '/v1/api-keys', body);
        expect(res.status).toBe(422);
        const error = (await res.json()) as ErrorBody;
        expect(error.error).toBe('VALIDATION_FAILED');
        const reason = error.reasons!.find((r) => r.path === path || (path === '' && message.test(r.message)));
        expect(reason?.message ?? `(no reason at "${path}")`).toMatch(message);
      }
    });

    it('revokes a key: 401 at once, a second revoke is 409, an unknown key 404', async () => {
      const { key, apiKey } = await createKey({ name: `bi ${run}`, source: `bi/${run}`, role: 'bi' });
      expect((await call(key, 'GET', '/v1/tickets')).status).toBe(200);

      const revoked = await admin('POST', `/v1/api-keys/${apiKey.id}/revoke`);
      expect(revoked.status).toBe(200);
      expect(((await revoked.json()) as ApiKeyView).revokedAt).not.toBeNull();

      const refused = await call(key, 'GET', '/v1/tickets');
      expect(refused.status).toBe(401);
      expect(((await refused.json()) as ErrorBody).error).toBe('AUTH.INVALID_KEY');

      const again = await admin('POST', `/v1/api-keys/${apiKey.id}/revoke`);
      expect(again.status).toBe(409);
      expect(((await again.json()) as ErrorBody).error).toBe('API_KEY.ALREADY_REVOKED');
      const unknown = await admin('POST', `/v1/api-keys/${randomUUID()}/revoke`);
      expect(unknown.status).toBe(404);
      expect(((await unknown.json()) as ErrorBody).error).toBe('API_KEY.NOT_FOUND');
    });
  });

  describe('scopes', () => {
    it("holds a key to its role's operations, narrowed by its own list", async () => {
      const bi = await createKey({ name: `bi reader ${run}`, source: `bi/${run}`, role: 'bi' });
      expect((await call(bi.key, 'GET', '/v1/incidents')).status).toBe(200);
      const submit = await call(bi.key, 'POST', '/v1/tickets', ticket(regionA));
      expect(submit.status).toBe(403);
      expect(await submit.json()).toEqual({ error: 'AUTH.FORBIDDEN', message: 'a bi key may not call submitTicket' });

      const narrow = await createKey({ name: `ops narrow ${run}`, source: `ops/${run}`, role: 'ops', operations: ['getTicket', 'listKnownIssues'] });
      expect((await call(narrow.key, 'GET', '/v1/known-issues')).status).toBe(200);
      const list = await call(narrow.key, 'GET', '/v1/tickets');
      expect(list.status).toBe(403);
      expect(((await list.json()) as ErrorBody).message).toBe('this key is limited to getTicket, listKnownIssues');
    });

    it("lets a region-scoped key submit and read only its regions' tickets: 403 on submit, 404 and absent from lists on read", async () => {
      const scoped = await createKey({ name: `region a ${run}`, source: `call-centre/a-${run}`, role: 'channel', regions: [regionA] });

      const elsewhere = await call(scoped.key, 'POST', '/v1/tickets', ticket(regionB));
      expect(elsewhere.status).toBe(403);
      expect(((await elsewhere.json()) as ErrorBody).error).toBe('AUTH.REGION_NOT_ALLOWED');

      const own = await call(scoped.key, 'POST', '/v1/tickets', ticket(regionA));
      expect(own.status).toBe(202);
      const ownId = ((await own.json()) as { ticketId: string }).ticketId;
      const other = await admin('POST', '/v1/tickets', ticket(regionB));
      expect(other.status).toBe(202);
      const otherId = ((await other.json()) as { ticketId: string }).ticketId;
      await Promise.all([accepted(ownId), accepted(otherId)]);

      expect((await call(scoped.key, 'GET', `/v1/tickets/${ownId}`)).status).toBe(200);
      const hidden = await call(scoped.key, 'GET', `/v1/tickets/${otherId}`);
      expect(hidden.status).toBe(404);
      expect(((await hidden.json()) as ErrorBody).error).toBe('TICKET.NOT_FOUND');

      const listB = (await (await call(scoped.key, 'GET', `/v1/tickets?region=${regionB}`)).json()) as { items: { id: string }[]; total: number };
      expect(listB).toMatchObject({ items: [], total: 0 });
      const listAll = (await (await call(scoped.key, 'GET', '/v1/tickets?limit=200')).json()) as { items: { id: string; region: string }[] };
      expect(listAll.items.map((t) => t.id)).toContain(ownId);
      expect(listAll.items.filter((t) => t.region !== regionA)).toEqual([]);
    });


    it("keeps a region-scoped ops key to its regions' known issues: 403 on opening elsewhere, another region's absent (404, not listed)", async () => {
      const ops = await createKey({ name: `ops a ${run}`, source: `noc/a-${run}`, role: 'ops', regions: [regionA] });
      // Only a zone no ticket of this file uses, and a service none submits: the issue answers nothing here.
      const issue = (region: string) => {
        const { kind, startsAt, explanation, expectedFixAt } = knownIssueOpenExample;
        return { kind, startsAt, explanation, expectedFixAt, services: ['fixed'], area: { region, zones: [`kz-${run}`], cells: [] } };
      };
      const elsewhere = await call(ops.key, 'POST', '/v1/known-issues', issue(regionB));
      expect(elsewhere.status).toBe(403);
      expect(((await elsewhere.json()) as ErrorBody).error).toBe('AUTH.REGION_NOT_ALLOWED');
      const own = await call(ops.key, 'POST', '/v1/known-issues', issue(regionA));
      expect(own.status).toBe(202);
      const ownId = ((await own.json()) as { knownIssueId: string }).knownIssueId;
      const other = await admin('POST', '/v1/known-issues', issue(regionB));
      expect(other.status).toBe(202);
      const otherId = ((await other.json()) as { knownIssueId: string }).knownIssueId;
      for (const id of [ownId, otherId]) {
        await waitFor(async () => (await admin('GET', `/v1/known-issues/${id}`)).status === 200, { ...WAIT, message: `known issue ${id} opened` });
      }

      expect((await call(ops.key, 'GET', `/v1/known-issues/${ownId}`)).status).toBe(200);
      const hidden = await call(ops.key, 'GET', `/v1/known-issues/${otherId}`);
      expect(hidden.status).toBe(404);
      expect(((await hidden.json()) as ErrorBody).error).toBe('KNOWN_ISSUE.NOT_FOUND');
      const close = await call(ops.key, 'POST', `/v1/known-issues/${otherId}/close`, {});
      expect(close.status).toBe(404);
      const listed = (await (await call(ops.key, 'GET', '/v1/known-issues?limit=200&state=open')).json()) as { items: { id: string; region: string }[]; total: number };
      expect(listed.items.map((k) => k.id)).toContain(ownId);
      expect(listed.items.filter((k) => k.region !== regionA)).toEqual([]);
      expect((await admin('GET', `/v1/known-issues/${otherId}`)).status).toBe(200);
    });

    it("shows a region-scoped ops key only its regions' remote support queue, and another region's held ticket is absent to act on (404)", async () => {
      const ops = await createKey({ name: `agent a ${run}`, source: `agents/a-${run}`, role: 'ops', regions: [regionA] });
      const held = async (region: string) => {
        const res = await admin('POST', '/v1/tickets', ticket(region, { service: 'iptv', kind: 'repair' }));
        expect(res.status).toBe(202);
        return ((await res.json()) as { ticketId: string }).ticketId;
      };
      const [inA, inB] = [await held(regionA), await held(regionB)];
      for (const [id, region] of [[inA, regionA], [inB, regionB]] as const) {
        await waitFor(
          async () => ((await (await admin('GET', `/v1/remote-support?region=${region}`)).json()) as { items: { ticketId: string }[] }).items.some((t) => t.ticketId === id),
          { ...WAIT, message: `ticket ${id} in the remote support queue` },
        );
      }

      const queue = (await (await call(ops.key, 'GET', '/v1/remote-support?limit=200')).json()) as { items: { ticketId: string; region: string }[] };
      expect(queue.items.map((t) => t.ticketId)).toContain(inA);
      expect(queue.items.filter((t) => t.region !== regionA)).toEqual([]);

      const other = await call(ops.key, 'POST', `/v1/remote-support/${inB}/release`, { note: 'not mine' });
      expect(other.status).toBe(404);
      expect(((await other.json()) as ErrorBody).error).toBe('REMOTE_SUPPORT.NOT_FOUND');
      expect((await call(ops.key, 'POST', `/v1/remote-support/${inA}/release`, { note: 'needs a visit' })).status).toBe(202);
    });

    it("keeps a region-scoped ops key to its regions' incidents: another region's is absent to read and to resolve (404), and not listed", async () => {
      const ops = await createKey({ name: `incidents a ${run}`, source: `noc/inc-${run}`, role: 'ops', regions: [regionA] });
      // As intake announces an incident it opened (its detection is intake's own test).
      const opened = (region: string) => {
        const incidentId = `inc-${region}`;
        const data = { ...incidentOpenedExample, incidentId, region, ticketIds: incidentOpenedExample.ticketIds.map(() => randomUUID()), openedAt: new Date().toISOString() };
        return makeEvent('incident.opened', data, { source: 'intake', subject: incidentId, time: new Date() });
      };
      const [inA, inB] = [opened(regionA), opened(regionB)];
      await producer.send({ topic: physicalTopic(Topics.TicketsLifecycle), messages: [inA, inB].map((e) => ({ key: e.subject, value: JSON.stringify(e) })) });
      for (const e of [inA, inB]) {
        await waitFor(async () => (await admin('GET', `/v1/incidents/${e.data.incidentId}`)).status === 200, { ...WAIT, message: `incident ${e.data.incidentId} in the read model` });
      }

      expect((await call(ops.key, 'GET', `/v1/incidents/${inA.data.incidentId}`)).status).toBe(200);
      const hidden = await call(ops.key, 'GET', `/v1/incidents/${inB.data.incidentId}`);
      expect(hidden.status).toBe(404);
      expect(((await hidden.json()) as ErrorBody).error).toBe('INCIDENT.NOT_FOUND');
      expect((await call(ops.key, 'POST', `/v1/incidents/${inB.data.incidentId}/resolve`, { reply: 'not mine' })).status).toBe(404);
      const listed = (await (await call(ops.key, 'GET', '/v1/incidents?limit=200')).json()) as { items: { incidentId: string; region: string }[] };
      expect(listed.items.map((i) => i.incidentId)).toContain(inA.data.incidentId);
      expect(listed.items.filter((i) => i.region !== regionA)).toEqual([]);
    });

    it("lets a region-scoped ops key act only on its regions' assignments: another region's is absent (404)", async () => {
      const ops = await createKey({ name: `dispatch a ${run}`, source: `ops/asg-${run}`, role: 'ops', regions: [regionA] });
      const submitted = async (region: string) => ((await (await admin('POST', '/v1/tickets', ticket(region))).json()) as { ticketId: string }).ticketId;
      const [ticketA, ticketB] = [await submitted(regionA), await submitted(regionB)];
      await Promise.all([accepted(ticketA), accepted(ticketB)]);
      // As dispatch announces an assignment (dispatching is dispatch's own test).
      const assigned = (ticketId: string, region: string) =>
        makeEvent('ticket.assigned', { ...ticketAssignedExample, ticketId, assignmentId: randomUUID(), region, assignedAt: new Date().toISOString() }, { source: 'dispatch', subject: ticketId, time: new Date() });
      const [inA, inB] = [assigned(ticketA, regionA), assigned(ticketB, regionB)];
      await producer.send({ topic: physicalTopic(EventRegistry['ticket.assigned'].topic), messages: [inA, inB].map((e) => ({ key: e.subject, value: JSON.stringify(e) })) });
      for (const e of [inA, inB]) {
        await waitFor(
          async () => ((await (await admin('GET', `/v1/tickets/${e.data.ticketId}`)).json()) as { ticket: { assignment: { assignmentId: string } | null } }).ticket.assignment?.assignmentId === e.data.assignmentId,
          { ...WAIT, message: `assignment ${e.data.assignmentId} in the read model` },
        );
      }

      const other = await call(ops.key, 'POST', `/v1/assignments/${inB.data.assignmentId}/accept`, {});
      expect(other.status).toBe(404);
      expect(((await other.json()) as ErrorBody).error).toBe('ASSIGNMENT.NOT_FOUND');
      const own = await call(ops.key, 'POST', `/v1/assignments/${inA.data.assignmentId}/accept`, {});
      expect(own.status).toBe(202);
      expect(await own.json()).toMatchObject({ assignmentId: inA.data.assignmentId, ticketId: ticketA, action: 'accept' });
    });

    it("lets a region-scoped ops key register, list and record absences of only its regions' technicians (403 on registering elsewhere, 404 for another's absence)", async () => {
      const ops = await createKey({ name: `roster a ${run}`, source: `ops/roster-${run}`, role: 'ops', regions: [regionA] });
      const technician = (region: string) => ({ ...technicianRegisterExample, technicianId: `T-${region}`, region });
      const elsewhere = await call(ops.key, 'POST', '/v1/technicians', { technicians: [technician(regionA), technician(regionB)] });
      expect(elsewhere.status).toBe(403);
      expect(await elsewhere.json()).toEqual({ error: 'AUTH.REGION_NOT_ALLOWED', message: `this key may not act on region ${regionB}` });
      expect((await call(ops.key, 'POST', '/v1/technicians', { technicians: [technician(regionA)] })).status).toBe(202);

      // As dispatch announces them (dispatch is not running here).
      const registered = [regionA, regionB].map((region) =>
        makeEvent('technician.registered', { ...technicianRegisteredExample, ...technician(region), registeredAt: new Date().toISOString() }, { source: 'dispatch', subject: `T-${region}`, time: new Date() }),
      );
      await producer.send({ topic: physicalTopic(EventRegistry['technician.registered'].topic), messages: registered.map((e) => ({ key: e.subject, value: JSON.stringify(e) })) });
      await waitFor(async () => ((await (await admin('GET', `/v1/technicians?region=${regionB}`)).json()) as { items: unknown[] }).items.length === 1, { ...WAIT, message: 'the technician of region B listed' });
      await waitFor(async () => ((await (await admin('GET', `/v1/technicians?region=${regionA}`)).json()) as { items: unknown[] }).items.length === 1, { ...WAIT, message: 'the technician of region A listed' });

      const listed = (await (await call(ops.key, 'GET', '/v1/technicians')).json()) as { items: { technicianId: string; region: string }[] };
      expect(listed.items.map((t) => t.technicianId)).toEqual([`T-${regionA}`]);
      expect(((await (await call(ops.key, 'GET', `/v1/technicians?region=${regionB}`)).json()) as { items: unknown[] }).items).toEqual([]);

      const absence = { from: '2026-12-01', to: '2026-12-02', reason: 'training' };
      const elsewhereAbsence = await call(ops.key, 'POST', `/v1/technicians/T-${regionB}/absences`, absence);
      expect(elsewhereAbsence.status).toBe(404);
      expect(((await elsewhereAbsence.json()) as ErrorBody).error).toBe('TECHNICIAN.NOT_FOUND');
      expect((await call(ops.key, 'POST', `/v1/technicians/T-${regionA}/absences`, absence)).status).toBe(202);
    });

    it("lets a region-scoped channel key answer only its regions' surveys: another region's is absent (404)", async () => {
      const sms = await createKey({ name: `sms a ${run}`, source: `sms/a-${run}`, role: 'channel', regions: [regionA] });
      const submitted = async (region: string) => ((await (await admin('POST', '/v1/tickets', ticket(region))).json()) as { ticketId: string }).ticketId;
      const [ticketA, ticketB] = [await submitted(regionA), await submitted(regionB)];
      await Promise.all([accepted(ticketA), accepted(ticketB)]);
      // As callback announces the surveys it scheduled.
      const scheduled = [[ticketA, regionA], [ticketB, regionB]].map(([ticketId, region]) =>
        makeEvent('survey.scheduled', { ...surveyScheduledExample, surveyId: randomUUID(), ticketId: ticketId!, region: region! }, { source: 'callback', subject: ticketId!, time: new Date() }),
      );
      await producer.send({ topic: physicalTopic(EventRegistry['survey.scheduled'].topic), messages: scheduled.map((e) => ({ key: e.subject, value: JSON.stringify(e) })) });
      for (const e of scheduled) {
        await waitFor(
          async () => ((await (await admin('GET', `/v1/tickets/${e.data.ticketId}`)).json()) as { ticket: { survey: { surveyId: string } | null } }).ticket.survey?.surveyId === e.data.surveyId,
          { ...WAIT, message: `survey ${e.data.surveyId} in the read model` },
        );
      }
      const answers = { answers: { contactTimeliness: 5, appointmentKeeping: 5, technicalLevel: 4, serviceAttitude: 5 } };

      const other = await call(sms.key, 'POST', `/v1/surveys/${scheduled[1]!.data.surveyId}/answers`, answers);
      expect(other.status).toBe(404);
      expect(((await other.json()) as ErrorBody).error).toBe('SURVEY.NOT_FOUND');
      expect((await call(sms.key, 'POST', `/v1/surveys/${scheduled[0]!.data.surveyId}/answers`, answers)).status).toBe(202);
    });

    it("shows a region-scoped ops key only its regions' phone callbacks, and another region's is absent to claim (404)", async () => {
      const agent = await createKey({ name: `callbacks a ${run}`, source: `agents/cb-${run}`, role: 'ops', regions: [regionA] });
      // As callback queues a phone callback (its policy is callback's own test); due now, open for a day.
      const queued = [regionA, regionB].map((region) => {
        const data = { ...callbackQueuedExample, surveyId: randomUUID(), ticketId: randomUUID(), region, dueAt: new Date(Date.now() - 60_000).toISOString(), closesAt: new Date(Date.now() + 86_400_000).toISOString(), deferredForQuietHours: false };
        return makeEvent('callback.queued', data, { source: 'callback', subject: data.ticketId, time: new Date() });
      });
      await producer.send({ topic: physicalTopic(EventRegistry['callback.queued'].topic), messages: queued.map((e) => ({ key: e.subject, value: JSON.stringify(e) })) });
      for (const e of queued) {
        await waitFor(
          async () => ((await (await admin('GET', `/v1/callbacks?region=${e.data.region}`)).json()) as { items: { surveyId: string }[] }).items.some((c) => c.surveyId === e.data.surveyId),
          { ...WAIT, message: `callback ${e.data.surveyId} in the queue` },
        );
      }

      const listed = (await (await call(agent.key, 'GET', '/v1/callbacks?limit=200')).json()) as { items: { surveyId: string; region: string }[] };
      expect(listed.items.map((c) => c.surveyId)).toContain(queued[0]!.data.surveyId);
      expect(listed.items.filter((c) => c.region !== regionA)).toEqual([]);
      const other = await call(agent.key, 'POST', `/v1/callbacks/${queued[1]!.data.surveyId}/claim`, {});
      expect(other.status).toBe(404);
      expect(((await other.json()) as ErrorBody).error).toBe('CALLBACK.NOT_FOUND');
      expect((await call(agent.key, 'POST', `/v1/callbacks/${queued[0]!.data.surveyId}/claim`, {})).status).toBe(202);
    });

    it("shows a region-scoped key its regions' rejections and its own submissions', not another region's", async () => {
      const source = `call-centre/rej-${run}`;
      const scoped = await createKey({ name: `rejections a ${run}`, source, role: 'channel', regions: [regionA] });
      // As intake refuses tickets sent over Kafka: one in each region, and one of the key's own source without a region.
      const rejected = [
        { source: `other/${run}`, externalId: `REJ-A-${run}`, region: regionA },
        { source: `other/${run}`, externalId: `REJ-B-${run}`, region: regionB },
        { source, externalId: `REJ-OWN-${run}` },
      ].map((d) => makeEvent('ticket.rejected', { ...ticketRejectedExample, ...d, inboundEventId: randomUUID() }, { source: 'intake', subject: d.externalId, time: new Date() }));
      await producer.send({ topic: physicalTopic(EventRegistry['ticket.rejected'].topic), messages: rejected.map((e) => ({ key: e.subject, value: JSON.stringify(e) })) });
      for (const e of rejected) {
        await waitFor(
          async () => ((await (await admin('GET', `/v1/rejections?externalId=${e.data.externalId}`)).json()) as { items: unknown[] }).items.length === 1,
          { ...WAIT, message: `rejection ${e.data.externalId ?? ''} in the read model` },
        );
      }

      const seen = async (externalId: string) => ((await (await call(scoped.key, 'GET', `/v1/rejections?externalId=${externalId}`)).json()) as { items: unknown[] }).items.length;
      expect(await seen(`REJ-A-${run}`)).toBe(1);
      expect(await seen(`REJ-OWN-${run}`)).toBe(1);
      expect(await seen(`REJ-B-${run}`)).toBe(0);
    });

    it("streams a region-scoped key only its regions' events", async () => {
      const scoped = await createKey({ name: `stream a ${run}`, source: `bi/stream-${run}`, role: 'bi', regions: [regionA] });
      const [mine, all] = await Promise.all([openStream(scoped.key), openStream(TEST_API_KEY)]);
      try {
        // B first, and seen by the admin's stream, before A: the hub sends in order, so when A reaches the scoped stream B would have too.
        const b = ((await (await admin('POST', '/v1/tickets', ticket(regionB))).json()) as { ticketId: string }).ticketId;
        await waitFor(() => all.text().includes(b), { ...WAIT, message: "region B's ticket on the admin's stream" });
        const a = ((await (await admin('POST', '/v1/tickets', ticket(regionA))).json()) as { ticketId: string }).ticketId;
        await waitFor(() => mine.text().includes(a), { ...WAIT, message: "region A's ticket on the scoped stream" });
        expect(mine.text()).toContain('event: ticket.accepted');
        expect(mine.text()).not.toContain(b);
      } finally {
        mine.close();
        all.close();
      }
    });
  });

  describe('rate limit', () => {
    it('answers a key over its requests a minute with 429 AUTH.RATE_LIMITED and Retry-After in seconds, and no other key is affected', async () => {
      const tiny = await createKey({ name: `tiny ${run}`, source: `bi/tiny-${run}`, role: 'bi', rateLimitPerMinute: 2 });
      expect(tiny.apiKey.rateLimitPerMinute).toBe(2);
      expect((await call(tiny.key, 'GET', '/v1/incidents')).status).toBe(200);
      expect((await call(tiny.key, 'GET', '/v1/incidents')).status).toBe(200);
      const over = await call(tiny.key, 'GET', '/v1/incidents');
      expect(over.status).toBe(429);
      expect(((await over.json()) as ErrorBody).error).toBe('AUTH.RATE_LIMITED');
      // Two a minute: the next request is allowed about 30 s after the first.
      const retryAfter = Number(over.headers.get('retry-after'));
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(30);
      expect((await admin('GET', '/v1/incidents')).status).toBe(200);
    });
  });

  describe('audit log', () => {
    it('records every command, accepted or refused, with who, what, when and from where, never the body; reads are not recorded', async () => {
      const since = new Date(Date.now() - 1000).toISOString();
      const caller = await createKey({ name: `audited ${run}`, source: `call-centre/audit-${run}`, role: 'channel', regions: [regionA] });
      const submitted = ticket(regionA, { summary: `secret-summary-${run}` });
      expect((await call(caller.key, 'POST', '/v1/tickets', submitted)).status).toBe(202);
      expect((await call(caller.key, 'POST', '/v1/tickets', { ...submitted, kind: 'teleport' })).status).toBe(422);
      expect((await call(caller.key, 'POST', '/v1/known-issues', {})).status).toBe(403);
      expect((await call(caller.key, 'GET', '/v1/tickets')).status).toBe(200);
      expect((await call(undefined, 'POST', '/v1/tickets', submitted)).status).toBe(401);

      const mine = await waitFor(
        async () => {
          const res = await admin('GET', `/v1/audit?keyId=${caller.apiKey.id}&limit=50`);
          const rows = ((await res.json()) as { items: AuditRow[] }).items;
          return rows.length >= 3 ? rows : undefined;
        },
        { ...WAIT, message: 'the audit log entries of the key' },
      );
      // Sent one after another, possibly within the same millisecond: compared as a set.
      expect(mine.map((r) => `${r.method} ${r.path} ${r.operationId} ${r.status}`).sort()).toEqual([
        'POST /v1/known-issues openKnownIssue 403',
        'POST /v1/tickets submitTicket 202',
        'POST /v1/tickets submitTicket 422',
      ]);
      expect(mine.map((r) => r.at)).toEqual(mine.map((r) => r.at).sort().reverse());
      for (const row of mine) {
        expect(row).toMatchObject({ keyId: caller.apiKey.id, keyName: `audited ${run}`, role: 'channel', userAgent });
        expect(row.remoteAddress).toMatch(/127\.0\.0\.1/);
        expect(row.at >= since).toBe(true);
      }

      // The refused request without a key, and the admin's key creation, are there too.
      const all = await waitFor(
        async () => {
          const rows = ((await (await admin('GET', '/v1/audit?limit=500')).json()) as { items: AuditRow[] }).items.filter((r) => r.userAgent === userAgent);
          return rows.some((r) => r.keyId === null && r.status === 401) ? rows : undefined;
        },
        { ...WAIT, message: 'the 401 in the audit log' },
      );
      expect(all.find((r) => r.keyId === null && r.status === 401)).toMatchObject({ method: 'POST', path: '/v1/tickets', operationId: 'submitTicket', keyName: null, role: null });
      expect(all.some((r) => r.operationId === 'createApiKey' && r.status === 201 && r.role === 'admin')).toBe(true);
      expect(all.every((r) => r.method !== 'GET')).toBe(true);
      expect(JSON.stringify(all)).not.toContain(`secret-summary-${run}`);
      expect(JSON.stringify(all)).not.toContain(ticketReceivedExample.customer.phone);
    });
  });
});
