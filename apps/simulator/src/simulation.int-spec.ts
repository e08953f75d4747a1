import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  decodeEvent,
  makeEvent,
  surveyAnswerSchema,
  technicianRegisterSchema,
  ticketIdFor,
  ticketReceivedSchema,
  Topics,
  type EventData,
  type EventType,
  type TicketReceived,
} from '@switchboard/contracts';
import { createKafka } from '@switchboard/messaging';
import { testInfra, TopicCollector, waitFor } from '@switchboard/testing';
import { DEMO_REGION } from './domain/demo-region';
import { GatewayClient } from './gateway/gateway-client';
import { KafkaTicketIngress, SIM_KAFKA_SOURCE } from './kafka/kafka-ingress';
import { seedDemo } from './seed';
import { Simulation } from './simulation';

const KEY = 'sim-test-key';
const HTTP_SOURCE = 'gateway/sim-test';
// 10:00 in Hangzhou: the busy part of the daily curve.
const MORNING = new Date('2026-11-24T02:00:00Z');

interface Options {
  /** Answer 503 to every n-th ticket. */
  failEvery?: number;
  /** First-response clock: warning and due time after acceptance, in ms. */
  warnAfterMs?: number;
  dueAfterMs?: number;
  /** Ticket kinds called back by an agent on the phone (like CALLBACK_PHONE_KINDS), and the attempts before unreachable. */
  phoneKinds?: TicketReceived['kind'][];
  phoneAttempts?: number;
}

/**
 * A stand-in for the gateway's HTTP contract (issue 3; the real gateway is built beside this
 * simulator): it takes tickets, technician actions and survey answers, and plays the platform's
 * events back on `GET /v1/stream`, so the simulator's behaviour can be checked on its own.
 */
class StandInGateway {
  readonly requests: { method: string; path: string; auth: string | undefined; body: unknown; at: number }[] = [];
  readonly assignments = new Map<string, { ticketId: string; actions: { action: string; at: number }[]; warnAt: number }>();
  readonly technicians: unknown[] = [];
  /** Phone callbacks: the ticket, the attempt in progress, who claimed it and every outcome recorded. */
  readonly callbacks = new Map<string, { ticketId: string; attempt: number; claimedBy?: string; outcomes: { outcome: string; answers?: unknown }[] }>();
  private readonly kinds = new Map<string, TicketReceived['kind']>();
  private readonly streams = new Set<ServerResponse>();
  private readonly server: Server;
  private ticketCount = 0;
  private eventId = 0;

  constructor(private readonly opts: Options = {}) {
    this.server = createServer((req, res) => {
      void this.handle(req, res);
    });
  }

  async listen(port: number): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    return `http://127.0.0.1:${port}`;
  }

  async close(): Promise<void> {
    for (const s of this.streams) s.end();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  get streamCount(): number {
    return this.streams.size;
  }

  private emit<T extends EventType>(type: T, subject: string, data: EventData<T>): void {
    const envelope = makeEvent(type, data, { source: 'switchboard/stand-in', subject, time: new Date() });
    const frame = `id: ${++this.eventId}\nevent: ${type}\ndata: ${JSON.stringify(envelope)}\n\n`;
    for (const s of this.streams) s.write(frame);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const csv = req.headers['content-type'] === 'text/csv';
    const body: unknown = text && !csv ? JSON.parse(text) : text || undefined;
    this.requests.push({ method: req.method ?? '', path: `${path}${url.search}`, auth: req.headers.authorization, body, at: Date.now() });
    const reply = (status: number, json?: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(json === undefined ? '' : JSON.stringify(json));
    };
    if (path === '/health') return reply(200, { status: 'ok' });
    if (req.headers.authorization !== `Bearer ${KEY}`) return reply(401, { error: 'UNAUTHENTICATED' });

    if (req.method === 'GET' && path === '/v1/stream') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.write(': connected\n\n');
      this.streams.add(res);
      res.on('close', () => this.streams.delete(res));
      return;
    }
    if (req.method === 'POST' && path === '/v1/technicians') {
      const list = (body as { technicians: unknown[] }).technicians;
      this.technicians.push(...list);
      return reply(202, { accepted: list.length });
    }
    if (req.method === 'POST' && csv && (path === '/v1/areas' || path === '/v1/cells')) {
      return reply(202, { batchId: 'stand-in', rows: text.trim().split('\n').length - 1, commands: 1 });
    }
    if (req.method === 'GET' && path === '/v1/technicians') {
      return reply(200, { items: this.technicians.filter((t) => (t as { region: string }).region === url.searchParams.get('region')) });
    }
    if (req.method === 'POST' && path === '/v1/tickets') {
      this.ticketCount++;
      if (typeof (body as { externalId?: unknown })?.externalId === 'string') this.kinds.set(ticketIdFor(HTTP_SOURCE, (body as TicketReceived).externalId), (body as TicketReceived).kind);
      if (this.opts.failEvery && this.ticketCount % this.opts.failEvery === 0) return reply(503, { error: 'UNAVAILABLE' });
      const parsed = ticketReceivedSchema.safeParse(body);
      if (!parsed.success) return reply(422, { error: 'VALIDATION_FAILED', reasons: parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code, message: i.message })) });
      const t = parsed.data;
      const ticketId = ticketIdFor(HTTP_SOURCE, t.externalId);
      reply(202, { ticketId, externalId: t.externalId, source: HTTP_SOURCE, status: 'received' });
      this.lifecycle(ticketId, t, this.ticketCount % 2 === 0);
      return;
    }
    const action = /^\/v1\/assignments\/([^/]+)\/(accept|contact|arrive|complete)$/.exec(path);
    if (req.method === 'POST' && action) {
      const a = this.assignments.get(action[1]!);
      if (!a) return reply(404, { error: 'NOT_FOUND' });
      a.actions.push({ action: action[2]!, at: Date.now() });
      reply(202, {});
      if (action[2] === 'complete') {
        const common = { ticketId: a.ticketId, assignmentId: action[1]!, technicianId: 'T-XH-01', region: 'hangzhou', at: new Date().toISOString() };
        this.emit('assignment.completed', a.ticketId, { ...common, resolutionCode: (body as { resolutionCode: 'fixed' }).resolutionCode });
        const surveyId = randomUUID();
        if (this.opts.phoneKinds?.includes(this.kinds.get(a.ticketId)!)) {
          this.callbacks.set(surveyId, { ticketId: a.ticketId, attempt: 1, outcomes: [] });
          this.queueCallback(surveyId);
          return;
        }
        this.surveys.set(surveyId, a.ticketId);
        this.emit('survey.scheduled', a.ticketId, { surveyId, ticketId: a.ticketId, region: 'hangzhou', dueAt: new Date().toISOString(), channel: 'sms', questionnaire: 'telecom-4q.v1' });
      }
      return;
    }
    const callback = /^\/v1\/callbacks\/([^/]+)\/(claim|outcome)$/.exec(path);
    if (req.method === 'POST' && callback) {
      const c = this.callbacks.get(callback[1]!);
      if (!c) return reply(404, { error: 'CALLBACK.NOT_FOUND' });
      if (callback[2] === 'claim') {
        if (c.claimedBy) return reply(409, { error: 'CALLBACK.ALREADY_CLAIMED' });
        c.claimedBy = 'agent';
        return reply(202, {});
      }
      if (!c.claimedBy) return reply(409, { error: 'CALLBACK.NOT_CLAIMED' });
      const o = body as { outcome: string; answers?: Record<string, number> };
      c.outcomes.push(o);
      c.claimedBy = undefined;
      reply(202, {});
      if (o.outcome === 'answered') {
        this.emit('survey.completed', c.ticketId, {
          surveyId: callback[1]!,
          ticketId: c.ticketId,
          region: 'hangzhou',
          answers: o.answers as EventData<'survey.completed'>['answers'],
          score: 95,
          verdict: 'satisfied',
          completedAt: new Date().toISOString(),
        });
      } else if (c.attempt >= (this.opts.phoneAttempts ?? 3)) {
        this.emit('survey.unreachable', c.ticketId, { surveyId: callback[1]!, ticketId: c.ticketId, region: 'hangzhou', attempts: c.attempt, reason: 'attempt-limit-reached', closedAt: new Date().toISOString() });
      } else {
        c.attempt++;
        this.queueCallback(callback[1]!);
      }
      return;
    }
    const survey = /^\/v1\/surveys\/([^/]+)\/answers$/.exec(path);
    if (req.method === 'POST' && survey) {
      const parsed = surveyAnswerSchema.omit({ surveyId: true, at: true }).safeParse(body);
      if (!parsed.success) return reply(422, { error: 'VALIDATION_FAILED' });
      const ticketId = this.surveys.get(survey[1]!);
      if (!ticketId) return reply(404, { error: 'NOT_FOUND' });
      reply(202, {});
      const answers = parsed.data.answers;
      const satisfied = Math.min(...Object.values(answers)) >= 4;
      this.emit('survey.completed', ticketId, {
        surveyId: survey[1]!,
        ticketId,
        region: 'hangzhou',
        answers,
        score: satisfied ? 95 : 60,
        verdict: satisfied ? 'satisfied' : 'unsatisfied',
        completedAt: new Date().toISOString(),
      });
      return;
    }
    reply(404, { error: 'NOT_FOUND' });
  }

  private readonly surveys = new Map<string, string>();

  private queueCallback(surveyId: string): void {
    const c = this.callbacks.get(surveyId)!;
    const now = new Date();
    this.emit('callback.queued', c.ticketId, {
      surveyId,
      ticketId: c.ticketId,
      region: 'hangzhou',
      questionnaire: 'telecom-4q.v1',
      attempt: c.attempt,
      dueAt: now.toISOString(),
      closesAt: new Date(now.getTime() + 3_600_000).toISOString(),
      deferredForQuietHours: false,
    });
  }

  /** What intake, the SLA monitor and dispatch would emit; `assignedFirst` plays them out of order. */
  private lifecycle(ticketId: string, t: TicketReceived, assignedFirst: boolean): void {
    const now = Date.now();
    const assignmentId = randomUUID();
    const warnAt = now + (this.opts.warnAfterMs ?? 24 * 60_000);
    this.assignments.set(assignmentId, { ticketId, actions: [], warnAt });
    const accepted = () =>
      this.emit('ticket.accepted', ticketId, {
        ticketId,
        source: HTTP_SOURCE,
        externalId: t.externalId,
        channel: t.channel,
        kind: t.kind,
        service: t.service,
        customerId: t.customer.id,
        customerTier: t.customer.tier,
        contact: { name: t.customer.name, phone: t.customer.phone },
        location: t.location,
        reportedAt: t.reportedAt,
        acceptedAt: new Date(now).toISOString(),
        owner: 'agent/sim',
      });
    const assigned = () =>
      this.emit('ticket.assigned', ticketId, {
        ticketId,
        assignmentId,
        technicianId: 'T-XH-01',
        technicianName: 'Wang Fang (demo)',
        technicianPhone: '+86 555 0101 0001',
        region: 'hangzhou',
        zone: t.location.zone,
        assignedAt: new Date(now).toISOString(),
        reason: { rule: 'zone-engineer', candidates: [], explanation: 'stand-in' },
      });
    const clock = () =>
      this.emit('sla.clock-started', ticketId, {
        clockId: randomUUID(),
        ticketId,
        metric: 'first-response',
        region: 'hangzhou',
        startedAt: new Date(now).toISOString(),
        warnAt: new Date(warnAt).toISOString(),
        dueAt: new Date(now + (this.opts.dueAfterMs ?? 30 * 60_000)).toISOString(),
      });
    if (assignedFirst) {
      assigned();
      clock();
      accepted();
    } else {
      accepted();
      clock();
      assigned();
    }
  }
}

describe('the simulator against a stand-in gateway', () => {
  const servers: StandInGateway[] = [];
  let port = 18160;
  const start = async (opts: Options = {}) => {
    const gateway = new StandInGateway(opts);
    servers.push(gateway);
    const url = await gateway.listen(port++);
    return { gateway, api: new GatewayClient({ baseUrl: url, apiKey: KEY }) };
  };

  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close();
  });

  it('raises tickets, and technicians and customers carry each one through to its survey', async () => {
    const { gateway, api } = await start();
    const log: string[] = [];
    const sim = new Simulation({ api, rate: 1200, maxTickets: 20, speed: 5000, lateShare: 0, drainMs: 20_000, startAt: MORNING, runId: 'itest1', log: (l) => log.push(l) });
    const counts = await sim.run();

    expect(log).toEqual([]);
    expect(counts).toMatchObject({ sent: 20, sentHttp: 20, sentKafka: 0, accepted: 20, assigned: 20, completed: 20, surveysScheduled: 20, surveyed: 20, actions: 80, answers: 20, errors: 0 });
    expect(counts.satisfied).toBeGreaterThan(12);
    expect(gateway.requests.every((r) => r.path === '/health' || r.auth === `Bearer ${KEY}`)).toBe(true);
    const tickets = gateway.requests.filter((r) => r.path === '/v1/tickets').map((r) => r.body as TicketReceived);
    expect(tickets.map((t) => t.externalId).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `SIM-itest1-${String(i + 1).padStart(6, '0')}`));
    for (const a of gateway.assignments.values()) expect(a.actions.map((x) => x.action)).toEqual(['accept', 'contact', 'arrive', 'complete']);
    await waitFor(() => gateway.streamCount === 0, { timeoutMs: 2_000, message: 'the simulator to close its event stream' });
  });

  it('plays callback agents: a due phone callback is claimed, called and its answers recorded; no answer is retried until unreachable', async () => {
    const { gateway, api } = await start({ phoneKinds: ['install', 'move', 'repair', 'complaint'], phoneAttempts: 2 });
    const counts = await new Simulation({ api, rate: 1200, maxTickets: 12, speed: 5000, lateShare: 0, drainMs: 20_000, startAt: MORNING, runId: 'itest-cb', noAnswerShare: 0.5 }).run();

    expect(counts).toMatchObject({ sent: 12, completed: 12, surveysScheduled: 12, errors: 0 });
    const calls = [...gateway.callbacks.values()];
    expect(calls).toHaveLength(12);
    // Every callback ends answered or, after its two attempts went unanswered, unreachable — never left in the queue.
    for (const c of calls) {
      const last = c.outcomes.at(-1)!;
      expect(last.outcome === 'answered' || (c.outcomes.length === 2 && c.outcomes.every((o) => o.outcome === 'no-answer'))).toBe(true);
      expect(c.outcomes.slice(0, -1).every((o) => o.outcome === 'no-answer')).toBe(true);
      if (last.outcome === 'answered') expect(Object.keys(last.answers as object).sort()).toEqual(['appointmentKeeping', 'contactTimeliness', 'serviceAttitude', 'technicalLevel']);
    }
    const answered = calls.filter((c) => c.outcomes.at(-1)!.outcome === 'answered').length;
    const noAnswers = calls.reduce((n, c) => n + c.outcomes.filter((o) => o.outcome === 'no-answer').length, 0);
    expect(counts).toMatchObject({ surveyed: answered, answers: answered, callsAnswered: answered, noAnswers, unreachable: 12 - answered, callbacksClaimed: answered + noAnswers });
    // With one call in two unanswered, both endings occur among twelve customers.
    expect(answered).toBeGreaterThan(0);
    expect(answered).toBeLessThan(12);
    // Nothing went through the SMS survey route.
    expect(gateway.requests.some((r) => r.path.startsWith('/v1/surveys/'))).toBe(false);
  });

  it('repeats the same tickets for the same seed', async () => {
    const raise = async (runId: string) => {
      const { gateway, api } = await start();
      await new Simulation({ api, rate: 2400, maxTickets: 10, seed: 'same', runId, startAt: MORNING }).run();
      return gateway.requests
        .filter((r) => r.path === '/v1/tickets')
        .map((r) => ({ ...(r.body as TicketReceived), reportedAt: 'x' }))
        .sort((x, y) => x.externalId.localeCompare(y.externalId));
    };
    const [a, b] = [await raise('r1'), await raise('r1')];
    expect(a).toHaveLength(10);
    expect(b).toEqual(a);
  });

  it('has a late technician call after the first-response warning of the real clock', async () => {
    const { gateway, api } = await start({ warnAfterMs: 400, dueAfterMs: 600 });
    const counts = await new Simulation({ api, rate: 1200, maxTickets: 4, speed: 5000, lateShare: 1, drainMs: 20_000, startAt: MORNING }).run();
    expect(counts).toMatchObject({ assigned: 4, completed: 4, errors: 0 });
    for (const a of gateway.assignments.values()) {
      const contact = a.actions.find((x) => x.action === 'contact')!;
      expect(contact.at).toBeGreaterThanOrEqual(a.warnAt);
    }
  });

  it('counts failed calls, prints the first few, and carries on', async () => {
    const { api } = await start({ failEvery: 2 });
    const log: string[] = [];
    const counts = await new Simulation({ api, rate: 2400, maxTickets: 16, maxErrorsShown: 3, startAt: MORNING, log: (l) => log.push(l) }).run();
    expect(counts).toMatchObject({ sent: 8, errors: 8 });
    expect(log).toEqual([
      'error: POST /v1/tickets → 503: UNAVAILABLE',
      'error: POST /v1/tickets → 503: UNAVAILABLE',
      'error: POST /v1/tickets → 503: UNAVAILABLE',
      '(further errors are counted, not printed)',
    ]);
  });

  it('refuses nothing silently: a wrong key is an error on every call', async () => {
    const { gateway } = await start();
    const api = new GatewayClient({ baseUrl: `http://127.0.0.1:${port - 1}`, apiKey: 'wrong' });
    const log: string[] = [];
    const counts = await new Simulation({ api, rate: 2400, maxTickets: 3, startAt: MORNING, streamConnectTimeoutMs: 300, log: (l) => log.push(l) }).run();
    expect(counts.sent).toBe(0);
    expect(counts.errors).toBeGreaterThanOrEqual(4); // the stream and three tickets
    expect(log).toContain('error: GET /v1/stream: GET /v1/stream → 401: UNAUTHENTICATED');
    expect(gateway.assignments.size).toBe(0);
  });

  it('stops promptly on its signal when running without a duration', async () => {
    const { api } = await start();
    const stop = new AbortController();
    const started = Date.now();
    const running = new Simulation({ api, rate: 600, startAt: MORNING, signal: stop.signal }).run();
    await new Promise((r) => setTimeout(r, 800));
    stop.abort();
    const counts = await running;
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(counts.sent).toBeGreaterThan(0);
  });

  it('stops at its duration', async () => {
    const { api } = await start();
    const started = Date.now();
    await new Simulation({ api, rate: 60, durationMs: 700, startAt: MORNING }).run();
    expect(Date.now() - started).toBeGreaterThanOrEqual(700);
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it('seeds the demo region through the technicians API', async () => {
    const { gateway, api } = await start();
    const result = await seedDemo(api);
    expect(result).toEqual({ region: 'hangzhou', accepted: DEMO_REGION.technicians.length, listed: DEMO_REGION.technicians.length });
    // The CLI's seed (make up's demo) also loads the zones and radio cells.
    expect(await seedDemo(api, { geography: true })).toMatchObject({ region: 'hangzhou', zones: DEMO_REGION.zones.length, cells: DEMO_REGION.zones.length * 12, accepted: DEMO_REGION.technicians.length });
    expect(gateway.requests.filter((r) => r.path === '/v1/areas' || r.path === '/v1/cells').map((r) => r.path)).toEqual(['/v1/areas', '/v1/cells']);
    expect(gateway.technicians.every((t) => technicianRegisterSchema.safeParse(t).success)).toBe(true);
  });
});

describe('the Kafka-only call centre, on the real broker', () => {
  const kafka = createKafka({ brokers: testInfra().kafkaBrokers, clientId: 'simulator-int' });

  it('produces valid ticket.received envelopes keyed by external id, and the HTTP rest goes to the gateway', async () => {
    const inbound = await new TopicCollector(kafka, [Topics.TicketsInbound]).start();
    const ingress = await KafkaTicketIngress.connect(testInfra().kafkaBrokers);
    if ('unavailable' in ingress) throw new Error(ingress.unavailable);
    const gateway = new StandInGateway();
    const api = new GatewayClient({ baseUrl: await gateway.listen(18169), apiKey: KEY });
    const runId = randomUUID().slice(0, 8).replace(/-/g, '');
    try {
      const counts = await new Simulation({ api, kafka: ingress, kafkaShare: 0.5, rate: 2400, maxTickets: 20, startAt: MORNING, runId }).run();
      expect(counts.sent).toBe(20);
      expect(counts.sentKafka).toBeGreaterThan(3);
      expect(counts.sentHttp).toBe(20 - counts.sentKafka);
      const ours = () => inbound.messages.filter((m) => m.key?.startsWith(`SIM-${runId}-`));
      await waitFor(() => ours().length === counts.sentKafka, { message: `${counts.sentKafka} ticket.received on ${Topics.TicketsInbound}` });
      for (const m of ours()) {
        const decoded = decodeEvent(m.value);
        if (decoded.ok !== true || decoded.event.type !== 'ticket.received') throw new Error(`not a valid ticket.received: ${m.value?.toString()}`);
        expect(decoded.event).toMatchObject({ source: SIM_KAFKA_SOURCE, subject: m.key });
        expect(decoded.event.data.externalId).toBe(m.key);
        expect(m.headers['event-type']).toBe('ticket.received');
      }
      const viaHttp = gateway.requests.filter((r) => r.path === '/v1/tickets').map((r) => (r.body as TicketReceived).externalId);
      expect(new Set([...viaHttp, ...ours().map((m) => m.key!)]).size).toBe(20);
      const sent = await ingress.send({ ...(decodeEvent(ours()[0]!.value) as { event: { data: TicketReceived } }).event.data, externalId: `SIM-${runId}-X` }, new Date());
      expect(sent.ticketId).toBe(ticketIdFor(SIM_KAFKA_SOURCE, `SIM-${runId}-X`));
    } finally {
      await ingress.close();
      await inbound.stop();
      await gateway.close();
    }
  });

  it('reports an unreachable broker instead of failing', async () => {
    const result = await KafkaTicketIngress.connect(['127.0.0.1:1'], 3_000);
    if (!('unavailable' in result)) throw new Error('connected to a broker that is not there');
    expect(result.unavailable).toContain('Kafka at 127.0.0.1:1');
  });
});
