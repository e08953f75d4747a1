/**
 * What intake can still tell the sender about an ingress message it could not accept ("accept
 * everything … bad input gets a clear rejection to its sender, never a silent drop", domain.md §2):
 * whatever identifies the submission, read as far as the bytes allow.
 */
export interface RejectedSubmission {
  /** The calling system (the envelope's `source`), or 'unknown'. */
  source: string;
  externalId?: string;
  inboundEventId?: string;
  /** For per-region counts, when `data.location.region` is readable. */
  region?: string;
  correlationId?: string;
  /** The key of the `ticket.rejected` event: externalId, else the inbound event id, else 'unknown'. */
  subject: string;
}

export interface PartialEnvelope {
  id?: unknown;
  source?: unknown;
  correlationId?: unknown;
}

// The limits of the ticket.rejected contract and the envelope.
const MAX_SOURCE = 200;
const MAX_ID = 200;
const MAX_REGION = 64;

const nonEmpty = (v: unknown, max: number): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.slice(0, max) : undefined);
const asRecord = (v: unknown): Record<string, unknown> | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);

/** `text` is the message value as text (undefined when it is not UTF-8 or empty); `partial` what the envelope check could read. */
export function readRejectedSubmission(text: string | undefined, partial: PartialEnvelope | undefined): RejectedSubmission {
  let json: Record<string, unknown> | undefined;
  if (text !== undefined) {
    try {
      json = asRecord(JSON.parse(text));
    } catch {
      json = undefined;
    }
  }
  const data = asRecord(json?.data);
  const location = asRecord(data?.location);
  const source = nonEmpty(partial?.source, MAX_SOURCE) ?? nonEmpty(json?.source, MAX_SOURCE) ?? 'unknown';
  const externalId = nonEmpty(data?.externalId, MAX_ID);
  const inboundEventId = nonEmpty(partial?.id, MAX_ID) ?? nonEmpty(json?.id, MAX_ID);
  // A region longer than any region code is not a region: better uncounted than miscounted.
  const region = typeof location?.region === 'string' && location.region.length > 0 && location.region.length <= MAX_REGION ? location.region : undefined;
  const correlationId = nonEmpty(partial?.correlationId, MAX_ID) ?? nonEmpty(json?.correlationId, MAX_ID);
  return {
    source,
    ...(externalId !== undefined ? { externalId } : {}),
    ...(inboundEventId !== undefined ? { inboundEventId } : {}),
    ...(region !== undefined ? { region } : {}),
    ...(correlationId !== undefined ? { correlationId } : {}),
    subject: externalId ?? inboundEventId ?? 'unknown',
  };
}
