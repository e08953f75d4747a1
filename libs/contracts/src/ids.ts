import { createHash } from 'node:crypto';

/** RFC 4122 name-based UUID (version 5, SHA-1). */
export function uuidV5(name: string, namespace: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const h = hash.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

const TICKET_NAMESPACE = '0f6a1c9e-2b7d-4c4e-9a51-7d3e5b8f0c21';

/**
 * A ticket's id follows from (source, externalId): the gateway can answer a POST with the id at
 * once, and a resubmission — over HTTP or Kafka — lands on the same ticket.
 */
export function ticketIdFor(source: string, externalId: string): string {
  return uuidV5(`${source}\u0000${externalId}`, TICKET_NAMESPACE);
}
