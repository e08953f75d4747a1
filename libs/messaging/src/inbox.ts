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
