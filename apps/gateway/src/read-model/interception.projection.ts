import type { EntityManager } from 'typeorm';
import type { DecodedEvent } from '@switchboard/contracts';
import { PROGRESS_AFTER_WITHDRAWAL, progressRank, shownState, type TicketState } from '../domain/ticket-progress';

/** The event types of intake's interception (issue 4) and dispatch's answer to it. */
export const INTERCEPTION_EVENT_TYPES = [
  'ticket.held',
  'ticket.resolved',
  'ticket.answered-by-known-issue',
  'ticket.dispatch-requested',
  'assignment.withdrawn',
  'sla.clock-paused',
  'sla.clock-resumed',
] as const;

/**
 * Intake's interception on a ticket's view: the hold (reason, known issue or incident, until
 * when), the resolution without a technician (with what the customer was told), the known-issue
 * answer, the release to dispatch, a withdrawn assignment, and a held ticket's paused and resumed clocks. The timeline, the assignment's own
 * state and the ticket row are done by `project()`; this keeps the interception columns.
 */
export type InterceptionEvent = Extract<DecodedEvent, { type: (typeof INTERCEPTION_EVENT_TYPES)[number] }>;

export async function projectInterception(m: EntityManager, event: InterceptionEvent): Promise<void> {
  switch (event.type) {
    case 'ticket.held': {
      const d = event.data;
      await m.query(
        `UPDATE rm_tickets SET hold_reason = $2, held_at = $3, hold_until = $4, known_issue_id = COALESCE($5, known_issue_id),
                incident_id = COALESCE($6, incident_id), updated_at = now()
          WHERE id = $1`,
        [d.ticketId, d.reason, d.heldAt, d.holdUntil ?? null, d.knownIssueId ?? null, d.incidentId ?? null],
      );
      break;
    }
    case 'ticket.dispatch-requested':
      // After a hold (the same topic and key: in order), the release ends it.
      await m.query('UPDATE rm_tickets SET hold_reason = NULL, hold_until = NULL, updated_at = now() WHERE id = $1 AND hold_reason IS NOT NULL', [event.data.ticketId]);
      break;
    case 'ticket.resolved': {
      const d = event.data;
      await m.query(
        `UPDATE rm_tickets SET resolution = $2, resolution_code = $3, resolution_reply = $4, intercepted = $5, resolved_at = $6,
                known_issue_id = COALESCE($7, known_issue_id), incident_id = COALESCE($8, incident_id), updated_at = now()
          WHERE id = $1`,
        [d.ticketId, d.resolution, d.code ?? null, d.reply, d.intercepted, d.resolvedAt, d.knownIssueId ?? null, d.incidentId ?? null],
      );
      break;
    }
    case 'ticket.answered-by-known-issue':
      await m.query('UPDATE rm_tickets SET known_issue_id = $2, updated_at = now() WHERE id = $1', [event.data.ticketId, event.data.knownIssueId]);
      break;
    case 'sla.clock-paused':
      await m.query(`UPDATE rm_clocks SET state = 'paused' WHERE clock_id = $1 AND state = 'running'`, [event.data.clockId]);
      break;
    case 'sla.clock-resumed':
      // The SLA monitor's due times after the pause; a clock stopped meanwhile stays stopped.
      await m.query(`UPDATE rm_clocks SET state = 'running', warn_at = $2, due_at = $3 WHERE clock_id = $1 AND state <> 'stopped'`, [
        event.data.clockId,
        event.data.warnAt,
        event.data.dueAt,
      ]);
      break;
    case 'assignment.withdrawn': {
      // The ticket's progress goes back to `accepted` in the withdrawn assignment's round, if that is its current one.
      const [a] = await m.query<{ round: number }[]>('SELECT round FROM rm_assignments WHERE assignment_id = $1', [event.data.assignmentId]);
      if (a) {
        await m.query(`UPDATE rm_tickets SET state = $3, state_rank = $4, updated_at = now() WHERE id = $1 AND assignment_id = $2 AND round = $5`, [
          event.data.ticketId,
          event.data.assignmentId,
          PROGRESS_AFTER_WITHDRAWAL,
          progressRank(PROGRESS_AFTER_WITHDRAWAL, a.round),
          a.round,
        ]);
      }
      break;
    }
  }
}

/**
 * Keeps `shown_state` (what the API shows and filters on) equal to the progress with the
 * interception over it. One ticket's events arrive on several topics and are projected by
 * concurrent transactions: the row is read `FOR UPDATE`, so this waits for another transaction
 * that moved the ticket and derives from what it committed, never from a stale snapshot.
 */
export async function refreshShownState(m: EntityManager, ticketId: string): Promise<void> {
  const [r] = await m.query<{ state: string; hold_reason: string | null; resolution: string | null }[]>(
    'SELECT state, hold_reason, resolution FROM rm_tickets WHERE id = $1 FOR UPDATE',
    [ticketId],
  );
  if (!r) return;
  // `unknown` until the ticket's first state-moving event: shown as it is.
  const shown = r.state === 'unknown' ? r.state : shownState(r.state as TicketState, { holdReason: r.hold_reason, resolution: r.resolution });
  await m.query('UPDATE rm_tickets SET shown_state = $2 WHERE id = $1 AND shown_state IS DISTINCT FROM $2', [ticketId, shown]);
}
