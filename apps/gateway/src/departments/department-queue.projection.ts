import type { EntityManager } from 'typeorm';
import type { DecodedEvent } from '@switchboard/contracts';

export const DEPARTMENT_QUEUE_EVENT_TYPES = ['complaint.received-by-department', 'complaint.transferred', 'complaint.replied'] as const;

/**
 * Keeps `rm_department_complaints` — each complaint with the departments, its holder and chain —
 * in step with dispatch. One ticket's events come in order (one partition), and only a held
 * complaint moves, so a replay changes nothing.
 */
export async function projectDepartmentQueue(m: EntityManager, event: DecodedEvent): Promise<void> {
  if (event.type === 'complaint.received-by-department') {
    const d = event.data;
    await m.query(
      `INSERT INTO rm_department_complaints (ticket_id, region, state, holder, chain, complaint_category, received_at, held_since)
       VALUES ($1, $2, 'held', $3, ARRAY[$3], $4, $5, $5) ON CONFLICT (ticket_id) DO NOTHING`,
      [d.ticketId, d.region, d.department, d.complaintCategory ?? null, d.receivedAt],
    );
  } else if (event.type === 'complaint.transferred') {
    const d = event.data;
    await m.query(`UPDATE rm_department_complaints SET holder = $2, chain = $3, held_since = $4, updated_at = now() WHERE ticket_id = $1 AND state = 'held'`, [
      d.ticketId,
      d.toDepartment,
      d.chain,
      d.at,
    ]);
  } else if (event.type === 'complaint.replied') {
    const d = event.data;
    await m.query(
      `UPDATE rm_department_complaints SET state = 'replied', holder = $2, chain = $3, answered_from = $4, replied_at = $5, updated_at = now() WHERE ticket_id = $1 AND state = 'held'`,
      [d.ticketId, d.department, d.chain, d.answeredFrom, d.at],
    );
  }
}
