import type { EntityManager } from 'typeorm';
import type { DecodedEvent } from '@switchboard/contracts';

/**
 * Keeps `rm_remote_support` — the tickets waiting for remote support — in step with intake: a
 * remote-support hold adds a ticket; its remote resolution, its hand-over to dispatch (released
 * by an agent or by the end of the hold) or a known issue's answer (the issue opened while it
 * waited) takes it out. Only a held entry moves, so a replay changes nothing.
 */
export async function projectRemoteSupportQueue(m: EntityManager, event: DecodedEvent): Promise<void> {
  if (event.type === 'ticket.held') {
    const d = event.data;
    if (d.reason !== 'remote-support' || d.holdUntil === undefined) return;
    await m.query(
      `INSERT INTO rm_remote_support (ticket_id, region, state, held_at, hold_until) VALUES ($1, $2, 'held', $3, $4)
       ON CONFLICT (ticket_id) DO NOTHING`,
      [d.ticketId, d.region, d.heldAt, d.holdUntil],
    );
  } else if (event.type === 'ticket.resolved') {
    if (event.data.resolution !== 'resolved-remotely') return;
    await m.query(`UPDATE rm_remote_support SET state = 'resolved', resolution_code = $2, closed_at = $3, updated_at = now() WHERE ticket_id = $1 AND state = 'held'`, [
      event.data.ticketId,
      event.data.code ?? null,
      event.data.resolvedAt,
    ]);
  } else if (event.type === 'ticket.answered-by-known-issue') {
    await m.query(`UPDATE rm_remote_support SET state = 'answered', closed_at = $2, updated_at = now() WHERE ticket_id = $1 AND state = 'held'`, [
      event.data.ticketId,
      event.data.answeredAt,
    ]);
  } else if (event.type === 'ticket.dispatch-requested') {
    const state = event.data.reason === 'released-by-remote-support' ? 'released' : event.data.reason === 'remote-hold-expired' ? 'expired' : undefined;
    if (!state) return;
    await m.query(`UPDATE rm_remote_support SET state = $2, closed_at = $3, updated_at = now() WHERE ticket_id = $1 AND state = 'held'`, [
      event.data.ticketId,
      state,
      event.data.requestedAt,
    ]);
  }
}
