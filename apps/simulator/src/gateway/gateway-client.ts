import type { SurveyAnswer, TechnicianRegister, TicketReceived } from '@switchboard/contracts';
import type { KnownIssueBody } from '../domain/outage-plan';
import { readSse, type SseMessage } from './sse';

export interface GatewayClientOptions {
  /** e.g. http://127.0.0.1:8080 */
  baseUrl: string;
  apiKey: string;
  /** Per request (not for the event stream). */
  timeoutMs?: number;
}

/** A refused or failed call to the gateway, with what it said. */
export class GatewayError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number | undefined,
    readonly body: unknown,
    cause?: unknown,
  ) {
    super(`${method} ${path} → ${status ?? 'no response'}${describeBody(body)}`, cause === undefined ? undefined : { cause });
    this.name = 'GatewayError';
  }
}

function describeBody(body: unknown): string {
  if (body === undefined || body === null || body === '') return '';
  if (typeof body === 'string') return `: ${body.slice(0, 300)}`;
  const b = body as { error?: unknown; message?: unknown; reasons?: { path?: string; message?: string }[] };
  const reasons = Array.isArray(b.reasons) ? ` (${b.reasons.map((r) => `${r.path}: ${r.message}`).join('; ')})` : '';
  const head = typeof b.error === 'string' ? b.error : typeof b.message === 'string' ? b.message : JSON.stringify(body).slice(0, 300);
  return `: ${head}${reasons}`;
}

export interface TicketSubmitted {
  ticketId: string;
  externalId: string;
  source: string;
  status: string;
}

export type AssignmentAction = 'accept' | 'contact' | 'arrive' | 'complete';

export interface SurveyAnswersBody {
  answers: SurveyAnswer['answers'];
  comment?: string;
}

export type CallbackOutcomeBody = { outcome: 'no-answer'; comment?: string } | { outcome: 'answered'; answers: Record<string, number>; comment?: string };

/** The gateway's HTTP API, as the simulator uses it: the outside world's only way in. */
export class GatewayClient {
  private readonly base: string;

  constructor(private readonly options: GatewayClientOptions) {
    this.base = options.baseUrl.replace(/\/+$/, '');
  }

  get baseUrl(): string {
    return this.base;
  }

  async health(): Promise<boolean> {
    try {
      const res = await fetch(`${this.base}/health`, { signal: AbortSignal.timeout(this.options.timeoutMs ?? 5_000) });
      await res.body?.cancel();
      return res.ok;
    } catch {
      return false;
    }
  }

  registerTechnicians(technicians: readonly TechnicianRegister[]): Promise<{ accepted: number }> {
    return this.call('POST', '/v1/technicians', { technicians });
  }

  /** `POST /v1/areas`: the geography as CSV (region,county,zone). */
  importAreas(csv: string): Promise<{ batchId: string; rows: number }> {
    return this.call('POST', '/v1/areas', csv, 'text/csv');
  }

  /** `POST /v1/cells`: radio cells as CSV (cellId,region,lat,lon,neighbours). */
  importCells(csv: string): Promise<{ batchId: string; rows: number }> {
    return this.call('POST', '/v1/cells', csv, 'text/csv');
  }

  listCells(region: string): Promise<{ total: number }> {
    return this.call('GET', `/v1/cells?region=${encodeURIComponent(region)}&limit=1`);
  }

  listIncidents(region: string): Promise<{ items: { incidentId: string; state: string; children: number; cells: string[] }[] }> {
    return this.call('GET', `/v1/incidents?region=${encodeURIComponent(region)}&state=open`);
  }

  listTechnicians(region: string): Promise<{ items: { technicianId: string }[] }> {
    return this.call('GET', `/v1/technicians?region=${encodeURIComponent(region)}`);
  }

  submitTicket(ticket: TicketReceived): Promise<TicketSubmitted> {
    return this.call('POST', '/v1/tickets', ticket);
  }

  getTicket(ticketId: string): Promise<{ ticket: { id: string; state: string }; clocks: unknown[]; timeline: unknown[] }> {
    return this.call('GET', `/v1/tickets/${encodeURIComponent(ticketId)}`);
  }

  assignmentAction(assignmentId: string, action: AssignmentAction, body: { resolutionCode?: string } = {}): Promise<unknown> {
    return this.call('POST', `/v1/assignments/${encodeURIComponent(assignmentId)}/${action}`, body);
  }

  answerSurvey(surveyId: string, body: SurveyAnswersBody): Promise<unknown> {
    return this.call('POST', `/v1/surveys/${encodeURIComponent(surveyId)}/answers`, body);
  }

  /** `POST /v1/callbacks/{id}/claim`: a callback agent takes a due phone callback. */
  claimCallback(surveyId: string): Promise<unknown> {
    return this.call('POST', `/v1/callbacks/${encodeURIComponent(surveyId)}/claim`, {});
  }

  /** `POST /v1/callbacks/{id}/outcome`: how the agent's call went (answers, or no answer). */
  recordCallbackOutcome(surveyId: string, body: CallbackOutcomeBody): Promise<unknown> {
    return this.call('POST', `/v1/callbacks/${encodeURIComponent(surveyId)}/outcome`, body);
  }

  openKnownIssue(body: KnownIssueBody): Promise<{ knownIssueId: string }> {
    return this.call('POST', '/v1/known-issues', body);
  }

  closeKnownIssue(knownIssueId: string, note?: string): Promise<unknown> {
    return this.call('POST', `/v1/known-issues/${encodeURIComponent(knownIssueId)}/close`, note !== undefined ? { note } : {});
  }

  /**
   * Opens `GET /v1/stream`; resolves once the server has answered, so a caller knows it will not
   * miss what happens next. The events end when the server closes or `signal` aborts.
   */
  async openStream(signal: AbortSignal, lastEventId?: string): Promise<AsyncGenerator<SseMessage>> {
    const path = '/v1/stream';
    let res: Response;
    try {
      res = await fetch(`${this.base}${path}`, {
        headers: { ...this.auth(), accept: 'text/event-stream', ...(lastEventId ? { 'last-event-id': lastEventId } : {}) },
        signal,
      });
    } catch (e) {
      throw new GatewayError('GET', path, undefined, (e as Error).message, e);
    }
    if (!res.ok || !res.body) throw new GatewayError('GET', path, res.status, await readBody(res));
    return readSse(res.body);
  }

  private auth(): Record<string, string> {
    return { authorization: `Bearer ${this.options.apiKey}` };
  }

  private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown, contentType = 'application/json'): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${this.base}${path}`, {
        method,
        headers: { ...this.auth(), accept: 'application/json', ...(body !== undefined ? { 'content-type': contentType } : {}) },
        ...(body !== undefined ? { body: typeof body === 'string' && contentType !== 'application/json' ? body : JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (e) {
      const cause = (e as { cause?: { code?: string } }).cause;
      throw new GatewayError(method, path, undefined, cause?.code ?? (e as Error).message, e);
    }
    const parsed = await readBody(res);
    if (!res.ok) throw new GatewayError(method, path, res.status, parsed);
    return parsed as T;
  }
}

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text().catch(() => '');
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
