import type { EntityManager } from 'typeorm';

/**
 * Serializes, until the transaction ends, everything done for one ticket: its acceptance and its
 * assignment events arrive on different topics and partitions, so without it a stop could miss a
 * clock that another transaction is starting (and record a pending stop nobody applies).
 */
export async function lockTicket(manager: EntityManager, ticketId: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`sla-ticket:${ticketId}`]);
}
