import type { EntityManager } from 'typeorm';

/**
 * The idempotent inbox: records that `consumer` applied `eventId`, in the caller's transaction.
 * Returns false when the event was applied before, so the caller changes nothing.
 */
export async function claimInbox(manager: EntityManager, consumer: string, eventId: string, topic: string): Promise<boolean> {
  const rows = (await manager.query(
    `INSERT INTO inbox (consumer, event_id, topic) VALUES ($1, $2, $3)
     ON CONFLICT (consumer, event_id) DO NOTHING RETURNING event_id`,
    [consumer, eventId, topic],
  )) as unknown[];
  return rows.length === 1;
}

/**
 * Claims a run of events in one statement (same consumer, same topic): returns the ids that were
 * not applied before. An id given twice is claimed once; the caller treats its second occurrence
 * as a duplicate.
 */
export async function claimInboxBatch(manager: EntityManager, consumer: string, eventIds: string[], topic: string): Promise<Set<string>> {
  if (eventIds.length === 0) return new Set();
  const rows = (await manager.query(
    `INSERT INTO inbox (consumer, event_id, topic)
     SELECT $1, id, $3 FROM unnest($2::text[]) AS id
     ON CONFLICT (consumer, event_id) DO NOTHING RETURNING event_id`,
    [consumer, [...new Set(eventIds)], topic],
  )) as { event_id: string }[];
  return new Set(rows.map((r) => r.event_id));
}
