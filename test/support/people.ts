import { createHmac, randomUUID } from 'node:crypto';
import type { ReadableStreamReadResult } from 'node:stream/web';
import type { Producer } from 'kafkajs';
import { EventRegistry, makeEvent, ticketAcceptedExample, ticketAssignedExample, type EventType } from '@switchboard/contracts';
import { physicalTopic } from '@switchboard/messaging';
import { TEST_API_KEY, type RunningService } from './service-process';

/** The JWT secret the people e2e suites give their gateway, so they can forge tokens (expired, another key) as an attacker with a stolen or guessed secret would. */
export const TEST_JWT_SECRET = 'e2e-jwt-secret-0123456789abcdefghijklmnop';

export interface ErrorBody {
  error: string;
  message: string;
  reasons?: { path: string; code: string; message: string }[];
}

export interface UserView {
  id: string;
  username: string;
  role: string;
  regions: string[] | null;
  technicianId: string | null;
  disabledAt: string | null;
}

/** HTTP calls to one gateway as an API key or a person's token. */
export function client(gateway: RunningService, userAgent: string) {
  const call = (credential: string | undefined, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(gateway.url(path), {
      method,
      headers: { ...(credential ? { authorization: `Bearer ${credential}` } : {}), 'content-type': 'application/json', 'user-agent': userAgent, ...headers },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
  const admin = (method: string, path: string, body?: unknown) => call(TEST_API_KEY, method, path, body);

  async function createUser(body: Record<string, unknown>): Promise<UserView> {
    const res = await admin('POST', '/v1/users', body);
    if (res.status !== 201) throw new Error(`POST /v1/users ${res.status}: ${await res.text()}`);
    return (await res.json()) as UserView;
  }

  async function login(username: string, password: string): Promise<string> {
    const res = await call(undefined, 'POST', '/v1/auth/login', { username, password });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { accessToken: string }).accessToken;
  }

  return { call, admin, adminKey: TEST_API_KEY, createUser, login };
}

/** A signed HS256 token with any header and claims (for the API2 tests). */
export function forgeToken(header: Record<string, unknown>, claims: Record<string, unknown>, secret = TEST_JWT_SECRET): string {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const body = `${b64(header)}.${b64(claims)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

async function publish<T extends EventType>(producer: Producer, type: T, data: unknown, subject: string): Promise<void> {
  const event = makeEvent(type, data as never, { source: 'e2e', subject, time: new Date() });
  await producer.send({ topic: physicalTopic(EventRegistry[type].topic), messages: [{ key: subject, value: JSON.stringify(event) }] });
}

/** As intake accepts a ticket in `region` (straight onto its topic: the gateway's read model is under test, not intake). */
export async function acceptTicket(producer: Producer, region: string, externalId: string): Promise<string> {
  const ticketId = randomUUID();
  await publish(producer, 'ticket.accepted', { ...ticketAcceptedExample, ticketId, externalId, location: { ...ticketAcceptedExample.location, region }, acceptedAt: new Date().toISOString() }, ticketId);
  return ticketId;
}

/** As dispatch assigns a ticket to a technician. */
export async function assignTicket(producer: Producer, ticketId: string, region: string, technicianId: string): Promise<string> {
  const assignmentId = randomUUID();
  await publish(producer, 'ticket.assigned', { ...ticketAssignedExample, ticketId, assignmentId, technicianId, region, reason: { ...ticketAssignedExample.reason, candidates: [] }, assignedAt: new Date().toISOString() }, ticketId);
  return assignmentId;
}

/** A live `GET /v1/stream` read in the background; `text()` is everything received so far. */
export async function openStream(gateway: RunningService, credential: string): Promise<{ text: () => string; close: () => void; ended: () => boolean }> {
  const controller = new AbortController();
  const res = await fetch(gateway.url('/v1/stream'), { headers: { authorization: `Bearer ${credential}` }, signal: controller.signal });
  if (res.status !== 200) throw new Error(`stream: ${res.status}`);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let ended = false;
  void (async () => {
    for (;;) {
      const chunk: ReadableStreamReadResult<Uint8Array> = await reader.read();
      if (chunk.done) break;
      text += decoder.decode(chunk.value, { stream: true });
    }
    ended = true;
  })().catch(() => undefined);
  return { text: () => text, close: () => controller.abort(), ended: () => ended };
}
