import { randomUUID } from 'node:crypto';
import type { Kafka, Producer } from 'kafkajs';
import { createKafka } from '@switchboard/messaging';
import { testInfra, waitFor } from '@switchboard/testing';
import { acceptTicket, assignTicket, client, forgeToken, openStream, TEST_JWT_SECRET, type ErrorBody, type UserView } from './support/people';
import { startService, TEST_API_KEY, type RunningService } from './support/service-process';

const WAIT = { timeoutMs: 30_000 };

interface AuditRow {
  keyId: string | null;
  userId: string | null;
  username: string | null;
  role: string | null;
  method: string;
  path: string;
  operationId: string | null;
  status: number;
}

/**
 * Issue 9, "Access" for people (ADR 0029), through the real gateway, PostgreSQL and Kafka: admins
 * make people with a role and regions; they log in for a JWT; regional people see and act on their
 * regions only (list, get, stream); technicians on their own assignments only; the audit log names
 * the person and records each login. Tickets and assignments are put on their topics as intake
 * and dispatch would publish them.
 */
describe('access for people: users, login (JWT), roles, regions, own assignments, audit', () => {
  let gateway: RunningService;
  let kafka: Kafka;
  let producer: Producer;
  const run = randomUUID().slice(0, 8);
  const regionA = `pp-a-${run}`;
  const regionB = `pp-b-${run}`;
  const userAgent = `people-e2e/${run}`;
  const password = `pw-${randomUUID()}`;
  let api: ReturnType<typeof client>;

  beforeAll(async () => {
    kafka = createKafka({ brokers: testInfra().kafkaBrokers, clientId: 'people-e2e' });
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    gateway = await startService('gateway', 18960, { JWT_SECRET: TEST_JWT_SECRET, LOGIN_ATTEMPTS_PER_MINUTE: '3' });
    api = client(gateway, userAgent);
  });

  afterAll(async () => {
    await gateway?.stop('SIGTERM');
    await producer?.disconnect();
  });

  const user = (role: string, over: Record<string, unknown> = {}) =>
    api.createUser({ username: `${role}.${run}.${randomUUID().slice(0, 6)}`, name: `${role} ${run}`, role, regions: [regionA], password, ...over });

  async function visible(ticketId: string): Promise<void> {
    await waitFor(async () => (await api.admin('GET', `/v1/tickets/${ticketId}`)).status === 200, { ...WAIT, message: `ticket ${ticketId} in the read model` });
  }

  describe('people management (admins only)', () => {
    it('creates people, lists them without any password or digest, refuses a taken username (409) and a person missing what their role needs (422)', async () => {
      const ops = await user('ops');
      expect(ops).toMatchObject({ role: 'ops', regions: [regionA], technicianId: null, disabledAt: null });

      const list = await api.admin('GET', '/v1/users?limit=200');
      expect(list.status).toBe(200);
      const text = await list.text();
      expect((JSON.parse(text) as { items: UserView[] }).items.map((u) => u.id)).toContain(ops.id);
      expect(text).not.toContain(password);
      expect(text).not.toMatch(/scrypt\$/);
      expect(text).not.toMatch(/password/i);

      const again = await api.admin('POST', '/v1/users', { username: ops.username, name: 'again', role: 'ops', regions: [regionA], password });
      expect(again.status).toBe(409);
      expect(((await again.json()) as ErrorBody).error).toBe('USER.USERNAME_TAKEN');

      const cases: [Record<string, unknown>, string, RegExp][] = [
        [{ role: 'technician' }, 'technicianId', /technician id/],
        [{ role: 'ops', regions: undefined }, 'regions', /named regions/],
        [{ role: 'admin' }, 'regions', /admin acts on every region/],
        [{ role: 'ops', technicianId: 'T-1' }, 'technicianId', /only a technician/],
        [{ role: 'root' }, 'role', /admin|ops/],
        [{ role: 'channel' }, 'role', /admin|ops/],
        [{ password: 'short' }, 'password', /too small|at least/i],
        [{ username: 'Has Spaces' }, 'username', /lower-case/],
      ];
      for (const [over, path, message] of cases) {
        const res = await api.admin('POST', '/v1/users', { username: `x.${randomUUID().slice(0, 8)}`, name: 'x', role: 'ops', regions: [regionA], password, ...over });
        expect(`${JSON.stringify(over)} ${res.status}`).toBe(`${JSON.stringify(over)} 422`);
        const reasons = ((await res.json()) as ErrorBody).reasons!;
        expect(reasons.find((r) => r.path === path)?.message ?? `(no reason at ${path}: ${JSON.stringify(reasons)})`).toMatch(message);
      }
    });

    it('disables a person: their token is refused at once (401), they cannot log in, a second disable is 409, an unknown one 404', async () => {
      const ops = await user('ops');
      const token = await api.login(ops.username, password);
      expect((await api.call(token, 'GET', '/v1/tickets')).status).toBe(200);

      const disabled = await api.admin('POST', `/v1/users/${ops.id}/disable`);
      expect(disabled.status).toBe(200);
      expect(((await disabled.json()) as UserView).disabledAt).not.toBeNull();

      const refused = await api.call(token, 'GET', '/v1/tickets');
      expect(refused.status).toBe(401);
      expect(await refused.json()).toEqual({ error: 'AUTH.INVALID_TOKEN', message: 'the person is unknown or disabled' });
      const login = await api.call(undefined, 'POST', '/v1/auth/login', { username: ops.username, password });
      expect(login.status).toBe(401);
      expect(((await login.json()) as ErrorBody).error).toBe('AUTH.LOGIN_FAILED');

      expect((await api.admin('POST', `/v1/users/${ops.id}/disable`)).status).toBe(409);
      const unknown = await api.admin('POST', `/v1/users/${randomUUID()}/disable`);
      expect(unknown.status).toBe(404);
      expect(((await unknown.json()) as ErrorBody).error).toBe('USER.NOT_FOUND');
    });
  });

  describe('login', () => {
    it('gives a short-lived HS256 token for the right password, and the same 401 for a wrong password and an unknown username', async () => {
      const bi = await user('bi', { regions: undefined });
      const res = await api.call(undefined, 'POST', '/v1/auth/login', { username: bi.username, password });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { accessToken: string; tokenType: string; expiresIn: number; expiresAt: string; user: UserView };
      expect(body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, user: { id: bi.id, role: 'bi' } });
      const [header, claims] = body.accessToken.split('.').slice(0, 2).map((p) => JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>);
      expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
      expect(claims).toMatchObject({ sub: bi.id, iss: 'switchboard-gateway' });
      expect((claims!.exp as number) - (claims!.iat as number)).toBe(900);
      expect(new Date(body.expiresAt).getTime()).toBe((claims!.exp as number) * 1000);
      expect((await api.call(body.accessToken, 'GET', '/v1/incidents')).status).toBe(200);

      const wrong = await api.call(undefined, 'POST', '/v1/auth/login', { username: bi.username, password: `${password}x` });
      const unknown = await api.call(undefined, 'POST', '/v1/auth/login', { username: `nobody.${run}`, password });
      expect([wrong.status, unknown.status]).toEqual([401, 401]);
      const [w, u] = [await wrong.json(), await unknown.json()];
      expect(w).toEqual({ error: 'AUTH.LOGIN_FAILED', message: 'wrong username or password' });
      expect(u).toEqual(w);
    });
  });

  describe('roles and regions', () => {
    it("lets each role call its operations only (403 with the reason), and keeps admin routes for admins", async () => {
      const [ops, technician, agent, bi, supervisor] = await Promise.all([
        user('ops'),
        user('technician', { technicianId: `T-${run}-r` }),
        user('callback-agent'),
        user('bi', { regions: undefined }),
        user('supervisor'),
      ]);
      const [opsT, techT, agentT, biT, supT] = await Promise.all([ops, technician, agent, bi, supervisor].map((u) => api.login(u.username, password)));
      const status = async (token: string, method: string, path: string, body?: unknown) => `${method} ${path} ${(await api.call(token, method, path, body)).status}`;

      expect(await status(opsT!, 'GET', '/v1/known-issues')).toBe('GET /v1/known-issues 200');
      expect(await status(supT!, 'GET', '/v1/known-issues')).toBe('GET /v1/known-issues 200');
      expect(await status(agentT!, 'GET', '/v1/callbacks')).toBe('GET /v1/callbacks 200');
      expect(await status(agentT!, 'GET', '/v1/known-issues')).toBe('GET /v1/known-issues 403');
      expect(await status(techT!, 'GET', '/v1/tickets')).toBe('GET /v1/tickets 200');
      expect(await status(techT!, 'GET', '/v1/stream')).toBe('GET /v1/stream 403');
      expect(await status(techT!, 'GET', '/v1/callbacks')).toBe('GET /v1/callbacks 403');
      expect(await status(biT!, 'GET', '/v1/incidents')).toBe('GET /v1/incidents 200');
      expect(await status(biT!, 'POST', '/v1/tickets', {})).toBe('POST /v1/tickets 403');

      const refused = await api.call(techT!, 'GET', '/v1/known-issues');
      expect(await refused.json()).toEqual({ error: 'AUTH.FORBIDDEN', message: 'a technician may not call listKnownIssues' });
      // OWASP API5, function-level authorization: a regional ops person calling the admin routes.
      for (const [method, path] of [
        ['POST', '/v1/users'],
        ['GET', '/v1/users'],
        ['POST', `/v1/users/${ops.id}/disable`],
        ['POST', '/v1/api-keys'],
        ['GET', '/v1/audit'],
        ['PUT', '/v1/sla-policies/x'],
      ] as const) {
        const res = await api.call(opsT!, method, path, method === 'GET' ? undefined : { username: `evil.${run}`, name: 'evil', role: 'admin', password });
        expect(`${method} ${path} ${res.status}`).toBe(`${method} ${path} 403`);
        expect(((await res.json()) as ErrorBody).error).toBe('AUTH.FORBIDDEN');
      }
      expect((await api.admin('GET', `/v1/users?limit=200`)).status).toBe(200);
    });

    it("shows a regional ops person created through the API only their region's tickets: list, get, stream", async () => {
      const ops = await user('ops');
      const token = await api.login(ops.username, password);
      const [mine, all] = await Promise.all([openStream(gateway, token), openStream(gateway, TEST_API_KEY)]);
      try {
        // B first, seen on the admin's stream, then A: the hub sends in order, so when A reaches the person's stream B would have too.
        const inB = await acceptTicket(producer, regionB, `PP-B-${run}`);
        await waitFor(() => all.text().includes(inB), { ...WAIT, message: "region B's ticket on the admin's stream" });
        const inA = await acceptTicket(producer, regionA, `PP-A-${run}`);
        await waitFor(() => mine.text().includes(inA), { ...WAIT, message: "region A's ticket on the person's stream" });
        expect(mine.text()).not.toContain(inB);
        await Promise.all([visible(inA), visible(inB)]);

        expect((await api.call(token, 'GET', `/v1/tickets/${inA}`)).status).toBe(200);
        const hidden = await api.call(token, 'GET', `/v1/tickets/${inB}`);
        expect(hidden.status).toBe(404);
        expect(((await hidden.json()) as ErrorBody).error).toBe('TICKET.NOT_FOUND');
        const listed = (await (await api.call(token, 'GET', '/v1/tickets?limit=200')).json()) as { items: { id: string; region: string }[] };
        expect(listed.items.map((t) => t.id)).toContain(inA);
        expect(listed.items.filter((t) => t.region !== regionA)).toEqual([]);
        expect(((await (await api.call(token, 'GET', `/v1/tickets?region=${regionB}`)).json()) as { total: number }).total).toBe(0);
        const submit = await api.call(token, 'POST', '/v1/tickets', { externalId: 'x' });
        expect(submit.status).toBe(422);
      } finally {
        mine.close();
        all.close();
      }
    });
  });

  describe("technicians act on their own assignments only (OWASP API1)", () => {
    it("refuses a technician acting on another technician's assignment (403), lets them act on their own (202), and lists and shows them their own tickets only", async () => {
      const [t1, t2] = [`T1-${run}`, `T2-${run}`];
      const [tech1, ops] = await Promise.all([user('technician', { technicianId: t1 }), user('ops')]);
      const [techToken, opsToken] = await Promise.all([api.login(tech1.username, password), api.login(ops.username, password)]);
      const [ticket1, ticket2] = [await acceptTicket(producer, regionA, `PP-T1-${run}`), await acceptTicket(producer, regionA, `PP-T2-${run}`)];
      const [own, others] = [await assignTicket(producer, ticket1, regionA, t1), await assignTicket(producer, ticket2, regionA, t2)];
      for (const id of [ticket1, ticket2]) {
        await waitFor(
          async () => (((await (await api.admin('GET', `/v1/tickets/${id}`)).json()) as { ticket?: { assignment: unknown } }).ticket?.assignment ?? null) !== null,
          { ...WAIT, message: `ticket ${id} assigned in the read model` },
        );
      }

      const refused = await api.call(techToken, 'POST', `/v1/assignments/${others}/accept`, {});
      expect(refused.status).toBe(403);
      expect(await refused.json()).toEqual({ error: 'AUTH.NOT_YOUR_ASSIGNMENT', message: `the assignment ${others} is another technician's` });
      const accepted = await api.call(techToken, 'POST', `/v1/assignments/${own}/accept`, {});
      expect(accepted.status).toBe(202);
      expect(await accepted.json()).toMatchObject({ assignmentId: own, ticketId: ticket1, action: 'accept', status: 'sent' });
      // Regional ops act on any assignment of their region.
      expect((await api.call(opsToken, 'POST', `/v1/assignments/${others}/contact`, {})).status).toBe(202);

      const list = (await (await api.call(techToken, 'GET', '/v1/tickets?limit=200')).json()) as { items: { id: string; assignment: { technicianId: string } | null }[] };
      expect(list.items.map((t) => t.id)).toEqual([ticket1]);
      expect((await api.call(techToken, 'GET', `/v1/tickets/${ticket1}`)).status).toBe(200);
      expect((await api.call(techToken, 'GET', `/v1/tickets/${ticket2}`)).status).toBe(404);
      const opsList = (await (await api.call(opsToken, 'GET', '/v1/tickets?limit=200')).json()) as { items: { id: string }[] };
      expect(opsList.items.map((t) => t.id)).toEqual(expect.arrayContaining([ticket1, ticket2]));
    });
  });

  describe('audit log', () => {
    it("records each login (success and failure, with the username tried, never the password) and names the person behind a command", async () => {
      const ops = await user('ops');
      expect((await api.call(undefined, 'POST', '/v1/auth/login', { username: ops.username, password: `${password}-wrong` })).status).toBe(401);
      const token = await api.login(ops.username, password);
      expect((await api.call(token, 'POST', '/v1/known-issues', {})).status).toBe(422);

      const rows = await waitFor(
        async () => {
          const items = ((await (await api.admin('GET', '/v1/audit?limit=500')).json()) as { items: AuditRow[] }).items.filter((r) => r.username === ops.username);
          return items.length >= 3 ? items : undefined;
        },
        { ...WAIT, message: "the person's audit entries" },
      );
      expect(rows.map((r) => `${r.operationId} ${r.status} ${r.userId ?? 'no user'} ${r.keyId ?? 'no key'}`).sort()).toEqual([
        `login 200 ${ops.id} no key`,
        'login 401 no user no key',
        `openKnownIssue 422 ${ops.id} no key`,
      ]);
      expect(rows.find((r) => r.operationId === 'openKnownIssue')).toMatchObject({ role: 'ops', method: 'POST', path: '/v1/known-issues' });
      const byUser = ((await (await api.admin('GET', `/v1/audit?userId=${ops.id}`)).json()) as { items: AuditRow[] }).items;
      expect(byUser.map((r) => r.operationId).sort()).toEqual(['login', 'openKnownIssue']);
      const everything = JSON.stringify(((await (await api.admin('GET', '/v1/audit?limit=500')).json()) as { items: unknown[] }).items);
      expect(everything).not.toContain(password);
      expect(everything).not.toContain(token);
    });
  });

  describe('broken authentication (OWASP API2)', () => {
    it('refuses expired, forged, alg-none and unknown-subject tokens with 401, and throttles password guessing per username and address', async () => {
      const ops = await user('ops');
      const now = Math.floor(Date.now() / 1000);
      const claims = { sub: ops.id, iat: now - 1000, exp: now - 100, iss: 'switchboard-gateway', jti: 'x' };
      const cases: [string, string][] = [
        ['expired', forgeToken({ alg: 'HS256', typ: 'JWT' }, claims)],
        ['another secret', forgeToken({ alg: 'HS256', typ: 'JWT' }, { ...claims, exp: now + 600 }, 'an-attackers-secret-0123456789abcdefgh')],
        ['alg none', `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify({ ...claims, exp: now + 600 })).toString('base64url')}.`],
        ['unknown person', forgeToken({ alg: 'HS256', typ: 'JWT' }, { ...claims, sub: randomUUID(), exp: now + 600 })],
      ];
      for (const [what, token] of cases) {
        const res = await api.call(token, 'GET', '/v1/tickets');
        expect(`${what} ${res.status}`).toBe(`${what} 401`);
        expect(((await res.json()) as ErrorBody).error).toBe('AUTH.INVALID_TOKEN');
      }
      const expired = await api.call(cases[0]![1], 'GET', '/v1/tickets');
      expect(((await expired.json()) as ErrorBody).message).toBe('the access token has expired: log in again');
      // The same claims, signed with the gateway's secret, are accepted: the refusals above are about the token, not the person.
      expect((await api.call(forgeToken({ alg: 'HS256', typ: 'JWT' }, { ...claims, exp: now + 600 }), 'GET', '/v1/tickets')).status).toBe(200);

      // A person's live stream ends when their token does (here about 5 s after it is opened); the server closes it.
      const shortLived = forgeToken({ alg: 'HS256', typ: 'JWT' }, { ...claims, iat: now, exp: Math.floor(Date.now() / 1000) + 5 });
      const stream = await openStream(gateway, shortLived);
      try {
        await waitFor(() => stream.ended(), { ...WAIT, message: 'the stream closed by the gateway when the token expired' });
      } finally {
        stream.close();
      }
      expect((await api.call(shortLived, 'GET', '/v1/stream')).status).toBe(401);

      // LOGIN_ATTEMPTS_PER_MINUTE = 3 in this file: the fourth attempt within the minute is refused, even with the right password.
      for (let i = 0; i < 3; i++) expect((await api.call(undefined, 'POST', '/v1/auth/login', { username: ops.username, password: `guess-${i}` })).status).toBe(401);
      const throttled = await api.call(undefined, 'POST', '/v1/auth/login', { username: ops.username, password });
      expect(throttled.status).toBe(429);
      expect(((await throttled.json()) as ErrorBody).error).toBe('AUTH.RATE_LIMITED');
      const retryAfter = Number(throttled.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(20);
      // Another username from the same address is not held back.
      const other = await user('ops');
      expect((await api.call(undefined, 'POST', '/v1/auth/login', { username: other.username, password })).status).toBe(200);
    });
  });
});
