import type { z } from 'zod';
import { envelopeSchema, type Envelope } from './envelope';
import type { ValidationReason } from './events/ticket-rejected';
import { EventRegistry, isEventType, type EventData, type EventType } from './registry';

export type { ValidationReason } from './events/ticket-rejected';

export type Validated<T> = { ok: true; value: T } | { ok: false; reasons: ValidationReason[] };

/** Turns zod issues into the one reason shape used by HTTP 422 bodies, DLQ headers and `ticket.rejected`. */
export function toReasons(error: z.ZodError, prefix = ''): ValidationReason[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter((p) => p !== '').join('.') || '(root)',
    code: issue.code,
    message: issue.message,
  }));
}

/** Validates any value against a schema: the same call serves HTTP bodies and Kafka payloads. */
export function validate<S extends z.ZodType>(schema: S, value: unknown, prefix = ''): Validated<z.infer<S>> {
  const result = schema.safeParse(value);
  return result.success ? { ok: true, value: result.data } : { ok: false, reasons: toReasons(result.error, prefix) };
}

export type DecodedEvent = { [T in EventType]: Envelope<T, EventData<T>> }[EventType];

export type Decoded =
  | { ok: true; event: DecodedEvent }
  | { ok: false; reasons: ValidationReason[]; partial?: Partial<Envelope> }
  /** A well-formed envelope of a type this build does not know: skipped, not dead-lettered (forward compatibility). */
  | { ok: 'unknown-type'; envelope: Envelope };

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes the bytes of a Kafka message into a validated event. Every failure says why: invalid
 * UTF-8, malformed JSON, envelope fields, or the event's own data schema.
 */
export function decodeEvent(bytes: Buffer | Uint8Array | null): Decoded {
  if (bytes === null || bytes.length === 0) {
    return { ok: false, reasons: [{ path: '(root)', code: 'empty', message: 'message has no value' }] };
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { ok: false, reasons: [{ path: '(root)', code: 'invalid_utf8', message: 'message value is not valid UTF-8' }] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, reasons: [{ path: '(root)', code: 'invalid_json', message: `malformed JSON: ${(e as Error).message}` }] };
  }
  const envelope = validate(envelopeSchema, json);
  if (!envelope.ok) {
    return { ok: false, reasons: envelope.reasons, partial: partialEnvelope(json) };
  }
  const env = envelope.value as Envelope;
  if (!isEventType(env.type)) return { ok: 'unknown-type', envelope: env };
  const def = EventRegistry[env.type];
  if (env.schemaVersion !== def.schemaVersion) {
    return {
      ok: false,
      partial: env,
      reasons: [{ path: 'schemaVersion', code: 'unsupported_version', message: `${env.type} is served at schemaVersion ${def.schemaVersion}, got ${env.schemaVersion}` }],
    };
  }
  const data = validate(def.schema as z.ZodType, env.data, 'data');
  if (!data.ok) return { ok: false, reasons: data.reasons, partial: env };
  return { ok: true, event: { ...env, data: data.value } as DecodedEvent };
}

function partialEnvelope(json: unknown): Partial<Envelope> | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const o = json as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v.slice(0, 200) : undefined);
  return { id: str(o.id), type: str(o.type), source: str(o.source), subject: str(o.subject) };
}
