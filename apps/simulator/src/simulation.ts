import { decodeEvent, type DecodedEvent, type EventData, type EventType, type TicketReceived } from '@switchboard/contracts';
import { ticketsPerMinuteAt } from './domain/daily-curve';
import { DEMO_REGION, type DemoRegion } from './domain/demo-region';
import { contactDelayMs, DEFAULT_NO_ANSWER_SHARE, planFieldVisit, planPhoneCallback, planSurveyReply, realDelayMs, type FirstResponseClock } from './domain/field-behaviour';
import { SeededRandom } from './domain/random';
import { generateTicket, simulatedExternalIdPrefix } from './domain/ticket-generator';
import { GatewayError, type AssignmentAction, type GatewayClient } from './gateway/gateway-client';
import type { SseMessage } from './gateway/sse';
import type { TicketIngress } from './kafka/kafka-ingress';
import { zeroCounts, type SimulationCounts } from './progress';

export interface SimulationOptions {
  api: GatewayClient;
  region?: DemoRegion;
  /** Tickets per minute, the day's average; the daily curve shapes it. Default 30. */
  rate?: number;
  /** Stop raising tickets after this long; default: until stopped. */
  durationMs?: number;
  /** Stop raising tickets after this many. */
  maxTickets?: number;
  /** After raising stops, let work in progress go on for up to this long (default 0). */
  drainMs?: number;
  /** Technicians and customers act this many times faster than real time (default 1). */
  speed?: number;
  seed?: string;
  /** Part of every external id, so a rerun never resubmits an old ticket; default from the start time. */
  runId?: string;
  /** When set, about `kafkaShare` of the tickets go through it instead of HTTP. */
  kafka?: TicketIngress;
  kafkaShare?: number;
  lateShare?: number;
  /** Act on every ticket on the stream, not only this run's. */
  allTickets?: boolean;
  signal?: AbortSignal;
  /** Notices and the first errors. */
  log?: (line: string) => void;
  maxErrorsShown?: number;
  /** Ticket submissions in flight at most. */
  maxInFlight?: number;
  /** Where the simulated day starts, for the daily curve (default now); it advances `speed` times faster than real time. */
  startAt?: Date;
  /** How long to wait for the event stream before raising tickets anyway (default 5 s). */
  streamConnectTimeoutMs?: number;
  /** Share of phone callback attempts the customer does not answer (default 0.2). */
  noAnswerShare?: number;
}

interface OwnTicket {
  /** Seeds this ticket's behaviour: its sequence number in this run, or its id for others' tickets. */
  key: string;
  kind: TicketReceived['kind'];
  ticketId?: string;
  accepted: boolean;
  late: boolean;
  firstResponse?: FirstResponseClock;
  settled: boolean;
}

type Handlers = { [T in EventType]?: (ticket: OwnTicket, data: EventData<T>) => void };

const RECHECK_RATE_MS = 2_000;
const MAX_BUFFERED_TICKETS = 5_000;
const MAX_REMEMBERED_EVENTS = 20_000;

/**
 * The outside world of a running platform: a call centre raising tickets (over the gateway's
 * HTTP API and, for a share, straight onto Kafka), technicians who act on `ticket.assigned`
 * seen on the event stream, customers who answer surveys after `survey.scheduled`, and callback
 * agents who take due phone callbacks (`callback.queued`) from the work queue and record how the
 * call went — the customer's answers, or no answer.
 */
export class Simulation {
  private readonly counts = zeroCounts();
  private readonly o: Required<Omit<SimulationOptions, 'durationMs' | 'maxTickets' | 'kafka' | 'signal' | 'startAt'>> & SimulationOptions;
  private readonly prefix: string;
  /** This run's tickets by external id (recorded before sending) and by ticket id (once known). */
  private readonly byExternalId = new Map<string, OwnTicket>();
  private readonly byTicketId = new Map<string, OwnTicket>();
  /** Events for tickets not known yet (the stream may show ticket.assigned before ticket.accepted). */
  private readonly buffered = new Map<string, DecodedEvent[]>();
  private readonly seenEvents = new Set<string>();
  private readonly handledAssignments = new Set<string>();
  private readonly handledSurveys = new Set<string>();
  /** Phone callback attempts taken, by survey id and attempt number. */
  private readonly handledCallbacks = new Set<string>();
  private readonly sleepers = new Map<NodeJS.Timeout, { resolve: (woke: boolean) => void; phase: 'raise' | 'work' }>();
  private readonly slotWaiters: (() => void)[] = [];
  private inFlight = 0;
  private activeWork = 0;
  private errorsShown = 0;
  private raising = true;
  private stopped = false;
  private readonly stopController = new AbortController();
  private streamReady?: () => void;
  private realStart = 0;
  private readonly handlers: Handlers;

  constructor(options: SimulationOptions) {
    this.o = {
      region: DEMO_REGION,
      rate: 30,
      drainMs: 0,
      speed: 1,
      seed: 'switchboard',
      runId: Date.now().toString(36),
      kafkaShare: 0.1,
      lateShare: 0.12,
      allTickets: false,
      log: () => undefined,
      maxErrorsShown: 5,
      maxInFlight: 64,
      streamConnectTimeoutMs: 5_000,
      noAnswerShare: DEFAULT_NO_ANSWER_SHARE,
      ...options,
    };
    this.prefix = simulatedExternalIdPrefix(this.o.runId);
    this.handlers = {
      'ticket.assigned': (t, d) => {
        if (this.handledAssignments.has(d.assignmentId)) return;
        this.handledAssignments.add(d.assignmentId);
        this.counts.assigned++;
        this.startFieldVisit(t, d.assignmentId);
      },
      'ticket.unassignable': (t) => {
        this.counts.unassignable++;
        t.settled = true;
      },
      'sla.clock-started': (t, d) => {
        if (d.metric === 'first-response') t.firstResponse = { warnAtMs: Date.parse(d.warnAt), dueAtMs: Date.parse(d.dueAt) };
      },
      'sla.warning': () => {
        this.counts.warned++;
      },
      'sla.breached': () => {
        this.counts.breached++;
      },
      'assignment.completed': () => {
        this.counts.completed++;
      },
      'survey.scheduled': (t, d) => {
        if (this.handledSurveys.has(d.surveyId)) return;
        this.handledSurveys.add(d.surveyId);
        this.counts.surveysScheduled++;
        this.startSurveyReply(t, d.surveyId, d.dueAt);
      },
      'survey.completed': (t, d) => {
        this.counts.surveyed++;
        // An unsatisfied customer has the ticket reopened (or escalated at the attempt limit): not settled yet.
        if (d.verdict === 'satisfied') {
          this.counts.satisfied++;
          t.settled = true;
        }
      },
      'callback.queued': (t, d) => {
        const key = `${d.surveyId}#${d.attempt}`;
        if (this.handledCallbacks.has(key)) return;
        this.handledCallbacks.add(key);
        if (d.attempt === 1) this.counts.surveysScheduled++;
        this.startPhoneCallback(t, d.surveyId, d.attempt, d.dueAt);
      },
      'survey.unreachable': (t) => {
        this.counts.unreachable++;
        t.settled = true;
      },
      'ticket.reopened': () => {
        this.counts.reopened++;
      },
      'ticket.escalated-to-management': (t) => {
        this.counts.escalated++;
        t.settled = true;
      },
    };
  }

  /** A copy of the counts so far. */
  snapshot(): SimulationCounts {
    return { ...this.counts };
  }

  get runId(): string {
    return this.o.runId;
  }

  /** Ends the run: no more tickets, pending actions are dropped, the stream is closed. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.raising = false;
    this.stopController.abort();
    for (const [timer, sleeper] of this.sleepers) {
      clearTimeout(timer);
      sleeper.resolve(false);
    }
    this.sleepers.clear();
    for (const release of this.slotWaiters.splice(0)) release();
  }

  /** Raises tickets until the duration, the ticket count or a stop; drains; resolves with the counts. */
  async run(): Promise<SimulationCounts> {
    this.realStart = Date.now();
    const onAbort = () => this.stop();
    if (this.o.signal?.aborted) this.stop();
    this.o.signal?.addEventListener('abort', onAbort, { once: true });
    const ready = new Promise<void>((resolve) => (this.streamReady = resolve));
    const stream = this.followStream();
    let connectTimer: NodeJS.Timeout | undefined;
    await Promise.race([ready, new Promise<void>((resolve) => (connectTimer = setTimeout(resolve, this.o.streamConnectTimeoutMs)))]);
    clearTimeout(connectTimer);

    const durationTimer = this.o.durationMs !== undefined ? setTimeout(() => this.endRaising(), this.o.durationMs) : undefined;
    try {
      await this.raiseTickets();
      await this.drain();
    } finally {
      clearTimeout(durationTimer);
      this.o.signal?.removeEventListener('abort', onAbort);
      this.stop();
      await stream;
    }
    return this.snapshot();
  }

  private endRaising(): void {
    this.raising = false;
    for (const [timer, sleeper] of this.sleepers) {
      if (sleeper.phase !== 'raise') continue;
      clearTimeout(timer);
      this.sleepers.delete(timer);
      sleeper.resolve(false);
    }
    for (const release of this.slotWaiters.splice(0)) release();
  }

  // ---- the call centre ----

  private async raiseTickets(): Promise<void> {
    const arrivals = new SeededRandom(`${this.o.seed}|arrivals`);
    const tickets = new SeededRandom(`${this.o.seed}|tickets`);
    let seq = 0;
    const sends: Promise<void>[] = [];
    while (this.raising) {
      const simulatedNow = new Date(this.simulatedStart() + (Date.now() - this.realStart) * this.o.speed);
      const perMinute = ticketsPerMinuteAt(this.o.rate, simulatedNow, this.o.region.utcOffsetMinutes);
      const gap = arrivals.exponential(60_000 / perMinute);
      // Arrivals are memoryless: waiting part of a long gap and drawing again follows a changing rate.
      if (gap > RECHECK_RATE_MS) {
        await this.sleep(RECHECK_RATE_MS, 'raise');
        continue;
      }
      if (!(await this.sleep(gap, 'raise'))) break;
      seq++;
      const ticket = generateTicket(tickets, this.o.region, { seq, runId: this.o.runId, now: new Date() });
      const wantsKafka = tickets.chance(this.o.kafkaShare);
      const own: OwnTicket = { key: String(seq), kind: ticket.kind, accepted: false, late: false, settled: false };
      this.byExternalId.set(ticket.externalId, own);
      if (!(await this.takeSlot())) break;
      sends.push(this.submit(ticket, own, wantsKafka && this.o.kafka !== undefined).finally(() => this.releaseSlot()));
      if (this.o.maxTickets !== undefined && seq >= this.o.maxTickets) break;
    }
    this.raising = false;
    await Promise.all(sends);
  }

  private simulatedStart(): number {
    return (this.o.startAt ?? new Date(this.realStart)).getTime();
  }

  private async submit(ticket: TicketReceived, own: OwnTicket, viaKafka: boolean): Promise<void> {
    try {
      if (viaKafka) {
        const { ticketId } = await this.o.kafka!.send(ticket, new Date());
        this.counts.sentKafka++;
        this.know(ticketId, own);
      } else {
        const res = await this.o.api.submitTicket(ticket);
        this.counts.sentHttp++;
        if (typeof res?.ticketId === 'string') this.know(res.ticketId, own);
      }
      this.counts.sent++;
    } catch (e) {
      own.settled = true;
      this.error(viaKafka ? `Kafka ticket.received ${ticket.externalId}` : undefined, e);
    }
  }

  private takeSlot(): Promise<boolean> {
    if (this.inFlight < this.o.maxInFlight) {
      this.inFlight++;
      return Promise.resolve(true);
    }
    return new Promise((resolve) =>
      this.slotWaiters.push(() => {
        if (!this.raising) return resolve(false);
        this.inFlight++;
        resolve(true);
      }),
    );
  }

  private releaseSlot(): void {
    this.inFlight--;
    this.slotWaiters.shift()?.();
  }

  // ---- the event stream ----

  private async followStream(): Promise<void> {
    let backoff = 500;
    let lastEventId: string | undefined;
    while (!this.stopped) {
      try {
        const events = await this.o.api.openStream(this.stopController.signal, lastEventId);
        this.streamReady?.();
        backoff = 500;
        for await (const message of events) {
          if (message.id !== undefined) lastEventId = message.id;
          this.onStreamMessage(message);
        }
        if (!this.stopped) this.error('GET /v1/stream', new Error('the server ended the stream; reconnecting'));
      } catch (e) {
        if (this.stopped) break;
        this.error('GET /v1/stream', e);
      }
      if (!(await this.sleep(backoff, 'work'))) break;
      backoff = Math.min(backoff * 2, 10_000);
    }
  }

  private onStreamMessage(message: SseMessage): void {
    const decoded = decodeEvent(Buffer.from(message.data, 'utf8'));
    if (decoded.ok !== true) return; // a comment, a keep-alive or an event this build does not know
    const event = decoded.event;
    if (this.seenEvents.has(event.id)) return; // replayed after a reconnect
    this.seenEvents.add(event.id);
    if (this.seenEvents.size > MAX_REMEMBERED_EVENTS) this.seenEvents.delete(this.seenEvents.values().next().value!);

    if (event.type === 'ticket.accepted') {
      const own = this.ownByExternalId(event.data.externalId, event.data.ticketId, event.data.kind);
      if (!own || own.accepted) return;
      own.accepted = true;
      this.counts.accepted++;
      this.know(event.data.ticketId, own);
      return;
    }
    if (event.type === 'ticket.rejected') {
      const own = event.data.externalId !== undefined ? this.byExternalId.get(event.data.externalId) : undefined;
      if (own && !own.settled) {
        own.settled = true;
        this.counts.rejected++;
      }
      return;
    }
    const ticketId = ticketIdOf(event);
    if (ticketId === undefined) return;
    const own = this.byTicketId.get(ticketId) ?? (this.o.allTickets ? this.adopt(ticketId) : undefined);
    if (own) this.apply(own, event);
    else this.buffer(ticketId, event);
  }

  private ownByExternalId(externalId: string, ticketId: string, kind: TicketReceived['kind']): OwnTicket | undefined {
    const own = this.byExternalId.get(externalId);
    if (own) return own;
    if (!this.o.allTickets || externalId.startsWith(this.prefix)) return undefined;
    return this.adopt(ticketId, kind);
  }

  /** With --all-tickets: a ticket this run did not raise. */
  private adopt(ticketId: string, kind: TicketReceived['kind'] = 'repair'): OwnTicket {
    const own: OwnTicket = { key: ticketId, kind, accepted: false, late: false, settled: false };
    this.know(ticketId, own);
    return own;
  }

  private know(ticketId: string, own: OwnTicket): void {
    if (own.ticketId === ticketId) return;
    own.ticketId = ticketId;
    this.byTicketId.set(ticketId, own);
    const waiting = this.buffered.get(ticketId);
    if (!waiting) return;
    this.buffered.delete(ticketId);
    for (const event of waiting) this.apply(own, event);
  }

  private buffer(ticketId: string, event: DecodedEvent): void {
    const list = this.buffered.get(ticketId);
    if (list) list.push(event);
    else {
      this.buffered.set(ticketId, [event]);
      if (this.buffered.size > MAX_BUFFERED_TICKETS) this.buffered.delete(this.buffered.keys().next().value!);
    }
  }

  private apply(own: OwnTicket, event: DecodedEvent): void {
    const handler = this.handlers[event.type] as ((t: OwnTicket, d: unknown) => void) | undefined;
    handler?.(own, event.data);
  }

  // ---- technicians and customers ----

  private startFieldVisit(ticket: OwnTicket, assignmentId: string): void {
    const plan = planFieldVisit(new SeededRandom(`${this.o.seed}|visit|${ticket.key}`), ticket.kind, this.o.lateShare);
    ticket.late = plan.late;
    const speed = this.o.speed;
    this.work(ticket, async () => {
      if (!(await this.sleep(realDelayMs(plan.acceptAfterMs, speed), 'work'))) return;
      if (!(await this.act(assignmentId, 'accept'))) return;
      if (!(await this.sleep(contactDelayMs(plan, Date.now(), speed, ticket.firstResponse), 'work'))) return;
      if (!(await this.act(assignmentId, 'contact'))) return;
      if (!(await this.sleep(realDelayMs(plan.arriveAfterMs, speed), 'work'))) return;
      if (!(await this.act(assignmentId, 'arrive'))) return;
      if (!(await this.sleep(realDelayMs(plan.completeAfterMs, speed), 'work'))) return;
      await this.act(assignmentId, 'complete', { resolutionCode: plan.resolutionCode });
    });
  }

  /**
   * The customer answers a while after the callback is due; at a higher speed, sooner (callback
   * takes an answer before its invitation goes out, so this stays valid).
   */
  private startSurveyReply(ticket: OwnTicket, surveyId: string, dueAt: string): void {
    const reply = planSurveyReply(new SeededRandom(`${this.o.seed}|survey|${ticket.key}`), ticket.late);
    this.work(ticket, async () => {
      const wait = realDelayMs(Math.max(0, Date.parse(dueAt) - Date.now()) + reply.afterMs, this.o.speed);
      if (!(await this.sleep(wait, 'work'))) return;
      try {
        await this.o.api.answerSurvey(surveyId, { answers: reply.answers, ...(reply.comment !== undefined ? { comment: reply.comment } : {}) });
        this.counts.answers++;
      } catch (e) {
        ticket.settled = true;
        this.error(undefined, e);
      }
    });
  }

  /**
   * A callback agent takes a due phone callback from the queue and calls. The gateway refuses a
   * claim before the attempt is due or before its read model has the callback (409/404), and an
   * outcome before the claim is known (409): the agent tries again shortly, as a person would.
   */
  private startPhoneCallback(ticket: OwnTicket, surveyId: string, attempt: number, dueAt: string): void {
    const plan = planPhoneCallback(new SeededRandom(`${this.o.seed}|callback|${ticket.key}|${attempt}`), ticket.late, this.o.noAnswerShare);
    this.work(ticket, async () => {
      // The attempt becomes due in real time (the callback policy's clock), then the agent picks it up.
      const wait = Math.max(0, Date.parse(dueAt) - Date.now()) + realDelayMs(plan.pickUpAfterMs, this.o.speed);
      if (!(await this.sleep(wait, 'work'))) return;
      if (!(await this.retrying(() => this.o.api.claimCallback(surveyId)))) return;
      this.counts.callbacksClaimed++;
      if (!(await this.sleep(realDelayMs(plan.callMs, this.o.speed), 'work'))) return;
      const body = plan.noAnswer
        ? ({ outcome: 'no-answer' } as const)
        : ({ outcome: 'answered', answers: { ...plan.reply.answers }, ...(plan.reply.comment !== undefined ? { comment: plan.reply.comment } : {}) } as const);
      if (!(await this.retrying(() => this.o.api.recordCallbackOutcome(surveyId, body)))) return;
      if (plan.noAnswer) this.counts.noAnswers++;
      else {
        this.counts.callsAnswered++;
        this.counts.answers++;
      }
    });
  }

  /** Calls until the gateway takes it; retries only "not yet" answers (404, 409), up to ~30 s. */
  private async retrying(call: () => Promise<unknown>): Promise<boolean> {
    for (let tries = 0; ; tries++) {
      try {
        await call();
        return true;
      } catch (e) {
        const notYet = e instanceof GatewayError && (e.status === 404 || e.status === 409);
        if (!notYet || tries >= 60) {
          this.error(undefined, e);
          return false;
        }
        if (!(await this.sleep(500, 'work'))) return false;
      }
    }
  }

  private async act(assignmentId: string, action: AssignmentAction, body: { resolutionCode?: string } = {}): Promise<boolean> {
    try {
      await this.o.api.assignmentAction(assignmentId, action, body);
      this.counts.actions++;
      return true;
    } catch (e) {
      this.error(undefined, e);
      return false;
    }
  }

  private work(ticket: OwnTicket, job: () => Promise<void>): void {
    this.activeWork++;
    job()
      .catch((e: unknown) => {
        ticket.settled = true;
        this.error('simulation step', e);
      })
      .finally(() => this.activeWork--);
  }

  /** After raising stops: until every ticket of the run is settled, nothing is in progress, or drainMs passes. */
  private async drain(): Promise<void> {
    const deadline = Date.now() + this.o.drainMs;
    while (!this.stopped && Date.now() < deadline) {
      const open = [...this.byExternalId.values()].some((t) => !t.settled);
      if (!open && this.activeWork === 0) return;
      if (!(await this.sleep(Math.min(200, Math.max(0, deadline - Date.now())), 'work'))) return;
    }
  }

  // ---- plumbing ----

  /** Resolves true after `ms`, or false at once when the phase ends first. */
  private sleep(ms: number, phase: 'raise' | 'work'): Promise<boolean> {
    if (this.stopped || (phase === 'raise' && !this.raising)) return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.sleepers.delete(timer);
        resolve(true);
      }, ms);
      this.sleepers.set(timer, { resolve, phase });
    });
  }

  private error(context: string | undefined, e: unknown): void {
    this.counts.errors++;
    if (this.errorsShown >= this.o.maxErrorsShown) return;
    this.errorsShown++;
    const message = e instanceof Error ? e.message : String(e);
    this.o.log(`error: ${context ? `${context}: ` : ''}${message}`);
    if (this.errorsShown === this.o.maxErrorsShown) this.o.log('(further errors are counted, not printed)');
  }
}

function ticketIdOf(event: DecodedEvent): string | undefined {
  const data = event.data as { ticketId?: unknown };
  return typeof data.ticketId === 'string' ? data.ticketId : undefined;
}

/** Runs a simulation to its end (duration, ticket count or `signal`) and resolves with what it did and saw. */
export function runSimulation(options: SimulationOptions): Promise<SimulationCounts> {
  return new Simulation(options).run();
}
