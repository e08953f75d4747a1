/**
 * Errors that say "try again later" (the database or broker is away, a lock conflict): the
 * consumer retries them without end, holding the partition, instead of dead-lettering work that
 * would succeed a moment later. Anything else is permanent after a few attempts.
 */
const TRANSIENT_PG_CLASSES = ['08', '53', '57', '58'];
const TRANSIENT_PG_CODES = new Set(['40001', '40P01', '55P03']);
const TRANSIENT_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

export function isTransientError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: unknown; driverError?: unknown; retriable?: unknown; name?: unknown; message?: unknown };
  if (e.driverError) return isTransientError(e.driverError);
  if (e.retriable === true) return true; // kafkajs marks its retriable errors
  if (typeof e.code === 'string') {
    if (TRANSIENT_NODE_CODES.has(e.code) || TRANSIENT_PG_CODES.has(e.code)) return true;
    if (e.code.length === 5 && TRANSIENT_PG_CLASSES.includes(e.code.slice(0, 2))) return true;
  }
  if (typeof e.message === 'string' && /Connection terminated|connection timeout|Client has encountered a connection error|not queryable/i.test(e.message)) return true;
  return e.name === 'KafkaJSConnectionError' || e.name === 'KafkaJSRequestTimeoutError';
}

/** A stable, short description for a DLQ header: the error's code when it has one. */
export function describeError(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const e = error as { code?: unknown; message?: unknown; name?: unknown };
    const code = typeof e.code === 'string' ? e.code : typeof e.name === 'string' ? e.name : 'Error';
    const message = typeof e.message === 'string' ? e.message : JSON.stringify(error);
    return `${code}: ${message}`.slice(0, 1000);
  }
  return String(error).slice(0, 1000);
}
